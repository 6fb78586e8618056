import ArgumentParser
import MissionMap

extension Timeline.Interval: ExpressibleByArgument {}
extension Timeline.Grouping: ExpressibleByArgument {}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The sender's (or a host's) counts every month, every year or on each event day between two dates, as figures or a chart.",
        discussion: """
        Each step is the snapshot `summary --as-of` gives for that day: posts (open and \
        suspended, the scope of published counts), open, cross-accredited, closed, suspended and \
        unknown posts (counted ones only), open posts by type and, with --by region, per UN \
        region of the host. Steps count from --from (--from 2023-09-01 --every month: 1 \
        September, 1 October, ...), and the last step is always --to. Several senders give one \
        series each; --host gives every sender's posts in that country (--by region: the \
        senders' regions).

        --format svg (or -o FILE.svg) draws a step chart: the counts as lines, the changes of \
        open posts named at their dates, and the published counts of the same scope (from the \
        bundled Geo/checks/published-counts.csv) as points with their tolerance.

        Examples:
          missionmap timeline --from 2015-01-01 --every year --by region -o kp.csv
          missionmap timeline --from 2023-09-01 --to 2024-03-01 --every event -o kp.svg
          missionmap timeline --host KP --from 2019-01-01 --every event -o in-kp.svg
        """
    )

    /// The most steps a timeline takes: more is a typing slip of a date, or wants --every year.
    static let maximumSteps = 1000

    /// The most senders a chart stacks: more would be a poster, not a chart.
    static let maximumPanels = 12

    /// The extensions of -o that choose a format when --format is absent.
    static var formats: FormatChoice<TimelineFormat> {
        FormatChoice(extensions: ["csv": .csv, "json": .json, "md": .markdown, "txt": .table, "svg": .svg], fallback: .table)
    }

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions

    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD).", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("The last day, always a step; today (UTC) if absent.", valueName: "date"))
    var to: Day?

    @Option(help: "Steps: every month or year from --from, or each day with an event of the selection.")
    var every: Timeline.Interval = .month

    @Option(help: "Add open posts per UN region of the host (with --host, of the sender); not for the chart.")
    var by: Timeline.Grouping?

    @Option(help: ArgumentHelp("Output format: table, csv, json, markdown or svg (a chart); if absent, the extension of -o decides (.csv, .json, .md, .txt, .svg), else table.", valueName: "format"))
    var format: TimelineFormat?

    @OptionGroup var out: OutputOptionsOf<TimelineCommand>

    func validate() throws {
        if let to, to < from { throw ValidationError("--to must not come before --from") }
        let chosen = try Self.formats.resolve(given: format, output: out.output)
        if chosen == .svg, by != nil {
            throw ValidationError("--by region adds columns to the figures; the chart draws the counts by status: leave --by out, or write csv")
        }
        // Month and year steps are known from the dates alone, so too many is a usage error;
        // event steps wait for the log (see run).
        if every != .event, let to {
            if let problem = Self.tooMany(Timeline.steps(from: from, to: to, every: every, eventDays: []).count) {
                throw ValidationError(problem)
            }
        }
    }

    /// What is wrong with this many steps, with the way out; nil if it is not too many.
    static func tooMany(_ steps: Int) -> String? {
        guard steps > maximumSteps else { return nil }
        return "\(steps) steps, more than \(maximumSteps): choose a coarser --every (year instead of month or event) or a shorter period"
    }

    func run() throws {
        let format = try Self.formats.resolve(given: format, output: out.output)
        try reportingErrors {
            let inputs = try Inputs.read(log: log)
            let request = try inputs.request(selection, log: log, date: to ?? Day.today())
            guard request.asOf >= from else { throw CommandFailure("--from \(from) is after today (\(request.asOf)): give --to") }
            let queries = request.selection.queries(in: request.network)
            let steps = Timeline.steps(in: request.network, queries: queries, from: from, to: request.asOf, every: every)
            if let problem = Self.tooMany(steps.count) { throw CommandFailure(problem) }
            let timeline = Timeline(network: request.network, queries: queries, from: from, to: request.asOf,
                                    every: every, by: by, steps: steps)
            if format == .svg, queries.count > Self.maximumPanels {
                throw CommandFailure("a chart stacks at most \(Self.maximumPanels) senders, not \(queries.count): name fewer with --sender, or write csv")
            }
            if let text = format.text {
                try out.write(TimelineFormatter.format(timeline, as: text))
                return
            }
            // The published counts are those of the bundled data, whichever log is drawn.
            let published = try PublishedCount.load(file: inputs.files.publishedCounts, gazetteer: request.network.gazetteer)
            try out.write(TimelineChartWriter.svg(timeline, network: request.network, published: published, logName: request.logName))
        }
    }
}

extension TimelineCommand: OutputFiles {
    /// -o completes to the files whose extension chooses a format.
    static var outputExtensions: [String] { formats.extensions.keys.sorted() }
}
