import ArgumentParser
import MissionMap

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List every event of the sender's posts (or, with --host, of every sender's posts in a host) between two dates, with its source."
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions

    @Option(help: ArgumentHelp("Events after this date (YYYY-MM-DD)...", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("...up to and including this one; today (UTC) if absent.", valueName: "date"))
    var to: Day?

    @Option(help: TextFormat.help)
    var format: SummaryFormatter.Format?

    @OptionGroup var out: OutputOptionsOf<TextFormat>

    func validate() throws {
        if let to, to < from { throw ValidationError("--to must not come before --from") }
        _ = try TextFormat.choice.resolve(given: format, output: out.output)
    }

    func run() throws {
        let format = try TextFormat.choice.resolve(given: format, output: out.output)
        try reportingErrors {
            // The request's date is the end of the period.
            let request = try Inputs.read(log: log).request(selection, log: log, date: to ?? Day.today())
            let query: Snapshot.Query
            if case .host(let host, let city) = request.selection {
                query = .host(host, city: city)
            } else {
                query = .sender(try request.selection.single())
            }
            try out.write(ChangesFormatter.format(Changes(network: request.network, query: query, from: from, to: request.asOf), as: format))
        }
    }
}
