import ArgumentParser
import MissionMap

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Set published counts beside the log's figures for the same dates; exit 1 if any differs beyond its tolerance.",
        discussion: """
        Each row of the counts file (by default the bundled Geo/checks/published-counts.csv) names a date, a \
        direction (a sender's posts abroad, or every sender's posts in a host), what is counted and the \
        published figure. The log's figure is a range when some posts in the scope have no record yet on \
        that date (unknown): the published figure agrees when it lies in that range, widened by the \
        row's tolerance.

        Examples:
          missionmap reconcile --format markdown
          missionmap reconcile --missions my-network.csv --counts my-counts.csv -o check.csv
        """
    )

    @OptionGroup var log: LogOptions

    @Option(help: ArgumentHelp("Published counts (CSV), - for standard input; the bundled Geo/checks/published-counts.csv if absent.", valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var counts: String?

    @Option(help: TextFormat.help)
    var format: SummaryFormatter.Format?

    @OptionGroup var out: OutputOptionsOf<TextFormat>

    func validate() throws {
        try StandardInputUse.check(["--missions": log.missions, "--counts": counts])
        _ = try TextFormat.choice.resolve(given: format, output: out.output)
    }

    func run() throws {
        let format = try TextFormat.choice.resolve(given: format, output: out.output)
        try reportingErrors {
            let inputs = try Inputs.read(log: log)
            let file = counts ?? inputs.files.publishedCounts
            let published = try PublishedCount.load(file: file, gazetteer: inputs.network.gazetteer)
            let rows = Reconciliation.of(published, in: inputs.network)
            try out.write(ReconciliationFormatter.format(rows, as: format))
            let differing = rows.filter { !$0.agrees }
            for r in differing {
                printError(DataError(file: FileBytes.displayName(file), line: r.count.line,
                                     "published \(r.count.figure), the log gives \(r.tool) (+\(r.unknown) unknown) ±\(r.count.tolerance)").description)
            }
            if !differing.isEmpty { throw ExitCode.failure }
        }
    }
}
