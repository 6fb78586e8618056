import ArgumentParser
import MissionMap

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count posts and covered countries per UN region on a date."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var data: DataOptions

    @Option(help: "Output format.")
    var format: Format = .table

    @OptionGroup var out: OutputOptions

    func run() throws {
        try reportingErrors {
            let (_, network) = try data.load()
            let snapshot = try data.snapshot(of: network)
            let summary = Summary(snapshot)
            switch format {
            case .json:
                try out.write(SummaryFormatter.json(summary))
            case .table:
                let name = network.gazetteer.country(code: snapshot.sender)?.name ?? snapshot.sender
                try out.write(SummaryFormatter.table(summary, senderName: name))
            }
        }
    }
}
