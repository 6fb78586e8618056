import ArgumentParser
import Foundation
import MissionMap

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network on a date as an SVG map: the world in a projection of your choice, or a region."
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var date: DateOptions
    @OptionGroup var geography: BoundariesOptions

    @Option(help: ArgumentHelp("Width of the map in pixels.", valueName: "px"))
    var width: Double = 1200

    @Option(help: ArgumentHelp("Map projection: \(MapProjection.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var projection: MapProjection = .equalEarth

    @Option(name: .customLong("center-lon"), parsing: .unconditional, help: ArgumentHelp("Central meridian in degrees (default 0; the sender's capital for orthographic).", valueName: "deg"))
    var centerLon: Double?

    @Option(help: ArgumentHelp("Fit the map to a UN region or subregion (Africa, Europe, South-Eastern Asia, ...).", valueName: "name"))
    var region: String?

    @OptionGroup var text: MapTextOptions

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (300...10_000).contains(width) else { throw ValidationError("--width must be from 300 to 10000 pixels") }
        if let centerLon, !(-180...180).contains(centerLon) { throw ValidationError("--center-lon must be from -180 to 180 degrees") }
        if region != nil && (projection != .equalEarth || centerLon != nil) {
            throw ValidationError("--region chooses its own equal-area projection: leave out --projection and --center-lon")
        }
    }

    func run() throws {
        try reportingErrors {
            let inputs = try Inputs.read(log: log, boundaries: geography)
            let request = try inputs.request(selection, log: log, date: date.resolve(), region: region)
            _ = try request.selection.single()
            var renderer = SVGMapRenderer(width: width)
            renderer.projection = projection
            renderer.centerLon = centerLon
            try text.apply(to: &renderer)
            try out.write(renderer.render(request, session: inputs.session))
        }
    }
}

extension MapProjection: ExpressibleByArgument {}
