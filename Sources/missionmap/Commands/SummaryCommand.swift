import ArgumentParser
import Foundation
import MissionMap

extension Summary.Grouping: ExpressibleByArgument {}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Figures per UN region (or subregion) on a date: posts, covered countries, shares of land and population, distance to the nearest post.",
        discussion: """
        Examples:
          missionmap summary --as-of 2024-02-01 --compare-to 2023-10-01
          missionmap summary --sender KP,SE --by subregion -o side-by-side.csv
          missionmap summary --host KP --as-of 2024-12-31 --format markdown
        """
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var date: DateOptions
    @OptionGroup var geography: BoundariesOptions

    @Option(help: "Rows per region or per subregion.")
    var by: Summary.Grouping = .region

    @Option(name: .customLong("compare-to"), help: ArgumentHelp("Add each figure's change since this date (YYYY-MM-DD).", valueName: "date"))
    var compareTo: Day?

    @Option(help: TextFormat.help)
    var format: SummaryFormatter.Format?

    @Option(help: ArgumentHelp("Worker threads for several senders (default: the number of cores).", valueName: "n"))
    var workers = min(ProcessInfo.processInfo.activeProcessorCount, 64)

    @OptionGroup var out: OutputOptionsOf<TextFormat>

    func validate() throws {
        try StandardInputUse.check(["--missions": log.missions, "--boundaries": geography.boundaries])
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be from 1 to 64") }
        _ = try TextFormat.choice.resolve(given: format, output: out.output)
    }

    func run() throws {
        let format = try TextFormat.choice.resolve(given: format, output: out.output)
        try reportingErrors {
            // The geography (its land table, read back from the cache or built) is made while
            // the log is read, once, and shared by every worker.
            // A host's summary has no land figures (see Summary), so it needs no geography.
            let forHost = selection.host != nil
            let (inputs, built) = try Inputs.read(log: log, boundaries: forHost ? nil : geography) { boundaries, session, cache in
                try Geography.prepared(boundaries, session: session, cache: cache)
            }
            let request = try inputs.request(selection, log: log, date: date.resolve())
            let summaries: [Summary]
            if let geography = try built?.get() {
                summaries = selection.mayNameSeveral && workers > 1
                    ? try Summary.of(request, compareTo: compareTo, by: by, geography: geography, workers: workers)
                    : try Summary.of(request, compareTo: compareTo, by: by, geography: geography)
            } else {
                summaries = try Summary.of(request, compareTo: compareTo, by: by, geography: nil)
            }
            let single: Bool = switch request.selection {
            case .sender, .host: true
            case .senders, .all: false
            }
            if single {
                try out.write(SummaryFormatter.format(summaries[0], as: format))
            } else if format == .json {
                try out.write(SummaryFormatter.json(summaries))
            } else if format == .csv {
                try out.write(SummaryFormatter.csv(summaries))
            } else {
                try out.write(summaries.map { try SummaryFormatter.format($0, as: format) }.joined(separator: "\n"))
            }
        }
    }
}
