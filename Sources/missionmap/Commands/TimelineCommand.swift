import ArgumentParser
import MissionMap

extension Timeline.Interval: ExpressibleByArgument {}
extension Timeline.Grouping: ExpressibleByArgument {}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The sender's counts every month, every year or on each event day between two dates.",
        discussion: """
        Each step is the snapshot `summary --as-of` gives for that day: posts (open and \
        suspended, the scope of published counts), open, cross-accredited, closed, suspended and \
        unknown posts (counted ones only), open posts by type and, with --by region, per UN \
        region of the host. Steps count from --from (--from 2023-09-01 --every month: 1 \
        September, 1 October, ...), and the last step is always --to. Several senders give one \
        series each.

        Example:
          missionmap timeline --from 2015-01-01 --every year --by region -o kp.csv
        """
    )

    /// The most steps a timeline takes: more is a typing slip of a date, or wants --every year.
    static let maximumSteps = 1000

    /// The extensions of -o that choose a format when --format is absent.
    static var formats: FormatChoice<SummaryFormatter.Format> {
        FormatChoice(extensions: ["csv": .csv, "json": .json, "md": .markdown, "txt": .table], fallback: .table)
    }

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions

    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD).", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("The last day, always a step; today (UTC) if absent.", valueName: "date"))
    var to: Day?

    @Option(help: "Steps: every month or year from --from, or each day with an event of the selection.")
    var every: Timeline.Interval = .month

    @Option(help: "Add open posts per UN region of the host.")
    var by: Timeline.Grouping?

    @Option(help: ArgumentHelp("Output format: table, csv, json or markdown; if absent, the extension of -o decides (.csv, .json, .md, .txt), else table.", valueName: "format"))
    var format: SummaryFormatter.Format?

    @OptionGroup var out: OutputOptionsOf<TimelineCommand>

    func validate() throws {
        if let to, to < from { throw ValidationError("--to must not come before --from") }
        _ = try Self.formats.resolve(given: format, output: out.output)
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
            let request = try Inputs.read(log: log).request(selection, log: log, date: to ?? Day.today())
            guard request.asOf >= from else { throw CommandFailure("--from \(from) is after today (\(request.asOf)): give --to") }
            if case .host = request.selection {
                throw CommandFailure("--host is for export, summary and changes (a host's timeline is still to come): name senders with --sender")
            }
            let senders = request.senders
            let steps = Timeline.steps(in: request.network, senders: senders, from: from, to: request.asOf, every: every)
            if let problem = Self.tooMany(steps.count) { throw CommandFailure(problem) }
            let timeline = Timeline(network: request.network, senders: senders, from: from, to: request.asOf,
                                    every: every, by: by, steps: steps)
            try out.write(TimelineFormatter.format(timeline, as: format))
        }
    }
}

extension TimelineCommand: OutputFiles {
    /// -o completes to the files whose extension chooses a format.
    static var outputExtensions: [String] { formats.extensions.keys.sorted() }
}
