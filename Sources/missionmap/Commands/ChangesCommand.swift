import ArgumentParser
import MissionMap

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List every event of the sender's posts (or, with --host, of every sender's posts in a host) between two dates, with its source.",
        discussion: """
        The period leaves out --from and takes in --to: events after --from, up to and including \
        --to (the events of --from are already in a summary --as-of that day, and consecutive \
        periods do not overlap). For the events of one day D, give --from the day before D and --to D.

        Examples:
          missionmap changes --from 2023-10-01 --to 2024-02-01 --region Africa
          missionmap changes --sender all --from 2024-01-01 -o changes.csv
        """
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions

    @Option(help: ArgumentHelp("Events after this date (YYYY-MM-DD); its own events are left out.", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("Events up to and including this date; today (UTC) if absent.", valueName: "date"))
    var to: Day?

    @Option(help: ArgumentHelp("Only posts in hosts of this UN region or subregion (with --host: of senders from it).", valueName: "name"))
    var region: String?

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
            let request = try Inputs.read(log: log).request(selection, log: log, date: to ?? Day.today(), region: region)
            let changes = Changes(network: request.network, queries: request.selection.queries(in: request.network),
                                  region: request.region, from: from, to: request.asOf)
            try out.write(ChangesFormatter.format(changes, as: format))
        }
    }
}
