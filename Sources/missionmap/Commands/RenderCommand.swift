import ArgumentParser
import Foundation
import MissionMap
import RasterKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network on a date as a map (SVG, PNG or PDF): the world in a projection of your choice, a region, a box of degrees or a list of countries; with --host, the senders of the posts in one country.",
        discussion: """
        PNG and PDF are drawn from the same SVG by librsvg and cairo. The format is --format, else the extension of -o, else SVG.

        Examples:
          missionmap render --as-of 2024-12-31 -o kp.svg
          missionmap render --region Africa --as-of 2023-10-01 -o africa.png --scale 2
          missionmap render --host KP --city Pyongyang --as-of 2021-10-31 -o pyongyang.pdf
          missionmap render --host KP --extent 124,33,131,43.5 -o korea.svg
        """
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var date: DateOptions
    @OptionGroup var geography: BoundariesOptions

    @Option(help: ArgumentHelp("Width of the map in pixels.", valueName: "px"))
    var width: Double = 1200

    @Option(help: ArgumentHelp("Map projection: \(MapProjection.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var projection: MapProjection = .equalEarth

    @Option(name: .customLong("center-lon"), parsing: .unconditional, help: ArgumentHelp("Central meridian in degrees (default 0; for orthographic, the capital of the sender, or of the host with --host).", valueName: "deg"))
    var centerLon: Double?

    @Option(help: ArgumentHelp("Fit the map to a UN region or subregion (Africa, Europe, South-Eastern Asia, ...).", valueName: "name"))
    var region: String?

    @OptionGroup var view: ExtentOptions

    @OptionGroup var text: MapTextOptions

    @Option(help: ArgumentHelp("Output format; the extension of -o, else svg, if absent.", valueName: "format"))
    var format: MapFormat?

    @Option(help: ArgumentHelp("PNG only: pixels per map pixel, from 0.25 to 8 (default 1).", valueName: "x"))
    var scale: Double?

    @OptionGroup var out: OutputOptionsOf<MapFormat>

    /// The format to write; a clash of --format and -o is a usage error.
    func mapFormat() throws -> MapFormat {
        try MapFormat.choice.resolve(given: format, output: out.output)
    }

    func validate() throws {
        try StandardInputUse.check(["--missions": log.missions, "--boundaries": geography.boundaries, "--style": text.style])
        guard (300...10_000).contains(width) else { throw ValidationError("--width must be from 300 to 10000 pixels") }
        if let centerLon, !(-180...180).contains(centerLon) { throw ValidationError("--center-lon must be from -180 to 180 degrees") }
        if region != nil && (projection != .equalEarth || centerLon != nil) {
            throw ValidationError("--region chooses its own equal-area projection: leave out --projection and --center-lon")
        }
        if view.isGiven && region != nil { throw ValidationError("give one of --region, --extent and --countries") }
        if view.isGiven && (projection != .equalEarth || centerLon != nil) {
            throw ValidationError("--extent and --countries choose their own equal-area projection: leave out --projection and --center-lon")
        }
        let format = try mapFormat()
        if let scale {
            guard (0.25...8).contains(scale) else { throw ValidationError("--scale must be from 0.25 to 8") }
            // Stricter than ignoring it: a scale that does nothing would be a surprise later.
            guard format == .png else { throw ValidationError("--scale is for PNG output; this map is \(format.rawValue)") }
            guard width * scale <= Double(Raster.maximumSide) else {
                throw ValidationError("--width times --scale must be at most \(Raster.maximumSide) pixels, the widest image cairo makes")
            }
        }
        if format.isBinary && out.output == nil && isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("a \(format.rawValue.uppercased()) map is binary: give -o FILE, or send standard output to a file or pipe")
        }
    }

    func run() throws {
        try reportingErrors {
            let inputs = try Inputs.read(log: log, boundaries: geography)
            let request = try inputs.request(selection, log: log, date: date.resolve(), region: region)
            _ = try request.selection.mapped()
            var renderer = SVGMapRenderer(width: width)
            renderer.projection = projection
            renderer.centerLon = centerLon
            renderer.extent = try view.resolve(in: inputs.network.gazetteer)
            try text.apply(to: &renderer)
            renderer.cache = inputs.cache
            let svg = try renderer.render(request, session: inputs.session)
            Inputs.printCacheWarnings(inputs.cache)
            switch try mapFormat() {
            case .svg: try out.write(svg)
            case .png: try out.write(Raster.png(svg: svg, scale: scale ?? 1))
            case .pdf: try out.write(Raster.pdf(svg: svg))
            }
        }
    }
}

extension MapProjection: ExpressibleByArgument {}
