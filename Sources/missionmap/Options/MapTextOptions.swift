import ArgumentParser
import Foundation
import MissionMap

/// What a map says and how it looks, beyond its data: title, subtitle, credit and a stylesheet.
struct MapTextOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The map's title, in place of \"Diplomatic posts of SENDER, DATE\".", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The line under the title, in place of the counts.", valueName: "text"))
    var subtitle: String?

    @Option(help: ArgumentHelp("A credit line added under the legend's notes (your name, your outlet).", valueName: "text"))
    var credit: String?

    @Option(help: ArgumentHelp("A CSS file: its --mm-… custom properties restyle the map (PNG and PDF too), and its rules are added for browsers.", valueName: "file.css"),
            completion: .file(extensions: ["css"]))
    var style: String?

    /// Sets the renderer's texts and theme; a stylesheet that cannot be read is a data error.
    func apply(to renderer: inout SVGMapRenderer) throws {
        renderer.title = title
        renderer.subtitle = subtitle
        renderer.credit = credit
        guard let style else { return }
        let name = FileBytes.displayName(style)
        let data = try FileBytes.read(style, name: name)
        guard let text = String(data: data, encoding: .utf8) else { throw DataError(file: name, line: 0, "not valid UTF-8") }
        renderer.theme = try MapTheme(stylesheet: text, file: name)
    }
}
