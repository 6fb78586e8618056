import ArgumentParser
import MissionMap

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network on a date as GeoJSON: posts as points, cross-accreditations as great-circle lines."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        try reportingErrors {
            let (_, network) = try data.load()
            let snapshot = try data.snapshot(of: network)
            try out.write(GeoJSONWriter().string(snapshot))
        }
    }
}
