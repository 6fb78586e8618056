import ArgumentParser
import Foundation
import MissionMap

struct PageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Write one self-contained interactive HTML page: the map, a date slider, the figures, the table by region and the changes with their sources.",
        discussion: """
        The page runs from file:// with no network: no script, font or image is fetched. \
        Its slider steps through every day with an event of the sender (or, with --host, of the posts in the host), from the first up to \
        --as-of (today if absent); #date=YYYY-MM-DD in the address opens it on any date. \
        Statuses are worked out here for every event day and embedded; the page's script only \
        looks them up, so its figures are those of `summary --as-of` for the same date.

        Example:
          missionmap page --sender KP -o kp.html
        """
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var date: DateOptions
    @OptionGroup var geography: BoundariesOptions

    @Option(help: ArgumentHelp("Width of the map in pixels (it scales with the window).", valueName: "px"))
    var width: Double = 1200

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (300...10_000).contains(width) else { throw ValidationError("--width must be from 300 to 10000 pixels") }
        // Any other extension is a slip (a .svg name meant for render): page writes HTML only.
        if let output = out.output {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            if !ext.isEmpty, !["html", "htm"].contains(ext) {
                throw ValidationError("-o \(output): page writes one HTML file (.html), not .\(ext)")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            // A host's summary has no land figures (see Summary), so it needs no land arrangement.
            let forHost = selection.host != nil
            let (inputs, built) = try Inputs.read(log: log, boundaries: geography) { boundaries, session, cache -> Geography? in
                forHost ? nil : try Geography.prepared(boundaries, session: session, cache: cache)
            }
            let request = try inputs.request(selection, log: log, date: date.resolve())
            if case .host = request.selection {} else { _ = try request.selection.single() }
            var renderer = SVGMapRenderer(width: width)
            renderer.cache = inputs.cache
            let html = try PageWriter.html(request, renderer: renderer, session: inputs.session,
                                           geography: try built?.get())
            Inputs.printCacheWarnings(inputs.cache)
            try out.write(html)
        }
    }
}
