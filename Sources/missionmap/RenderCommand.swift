import ArgumentParser
import Foundation
import MissionMap

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network on a date as an SVG world map (Equal Earth)."
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Width of the map in pixels.", valueName: "px"))
    var width: Double = 1200

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (300...10_000).contains(width) else { throw ValidationError("--width must be from 300 to 10000 pixels") }
    }

    func run() throws {
        try reportingErrors {
            let (files, network) = try data.load()
            let snapshot = try data.snapshot(of: network)
            var renderer = SVGMapRenderer(width: width)
            renderer.dataSource = data.missions.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "missionmap's bundled log (Geo/missions.csv)"
            let svg = try renderer.render(snapshot, boundariesFile: files.boundaries)
            try out.write(svg)
        }
    }
}
