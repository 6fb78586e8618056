import ArgumentParser
import MissionMap

@main
struct MissionMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missionmap",
        abstract: "Map a state's diplomatic network: posts, closures and cross-accreditations on any date.",
        version: MissionMapVersion,
        subcommands: [ExportCommand.self, RenderCommand.self, SummaryCommand.self, ChangesCommand.self, TimelineCommand.self, PageCommand.self, ReconcileCommand.self, ValidateCommand.self, GalleryCommand.self]
    )
}
