import ArgumentParser
import Foundation
import MissionMap

extension SummaryFormatter.Format: ExpressibleByArgument {}
extension Summary.Grouping: ExpressibleByArgument {}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Figures per UN region (or subregion) on a date: posts, covered countries, shares of land and population, distance to the nearest post."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Rows per region or per subregion.")
    var by: Summary.Grouping = .region

    @Option(name: .customLong("compare-to"), help: ArgumentHelp("Add each figure's change since this date (YYYY-MM-DD).", valueName: "date"))
    var compareTo: Day?

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: SummaryFormatter.Format = .table

    @Option(help: ArgumentHelp("Worker threads for --sender all (default: the number of cores).", valueName: "n"))
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be from 1 to 64") }
    }

    func run() throws {
        try reportingErrors {
            // The geography (boundaries and land arrangement) is built while the log is read,
            // unless --sender all will give each worker its own.
            let allOnWorkers = data.allSenders && workers > 1
            let (files, network, built) = try data.load { _, file -> Geography? in
                guard !allOnWorkers else { return nil }
                let geography = try Geography(boundaries: Boundaries(file: file))
                try geography.prepare()
                return geography
            }
            let senders = try data.senderCodes(in: network)
            let summaries: [Summary]
            if senders.count > 1 && workers > 1 {
                // Senders are independent: every core gets its own contexts and geography.
                let made = try Summary.of(network, senders: senders, asOf: data.date, compareTo: compareTo, by: by,
                                          boundariesFile: data.boundaries ?? files.boundaries, workers: workers)
                data.report(made.warnings, files: files)
                summaries = made.summaries
            } else {
                let geography: Geography
                if let early = try built.get() {
                    data.report(early.boundaryWarnings(against: network.gazetteer), files: files)
                    geography = early
                } else {
                    geography = try Geography(boundaries: data.loadBoundaries(files, gazetteer: network.gazetteer))
                }
                summaries = try senders.map {
                    try Summary.of(network, sender: $0, asOf: data.date, compareTo: compareTo, by: by, geography: geography)
                }
            }
            let texts = try summaries.map {
                try SummaryFormatter.format($0, as: format, senderName: network.gazetteer.country(code: $0.sender)?.name ?? $0.sender)
            }
            if data.allSenders && format == .json {
                try out.write(SummaryFormatter.json(summaries))
            } else if data.allSenders && format == .csv {
                try out.write(SummaryFormatter.csv(summaries))
            } else {
                try out.write(texts.joined(separator: format == .csv ? "" : "\n"))
            }
        }
    }
}

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List every event of the sender's posts between two dates, with its source."
    )

    @Option(name: .long, help: ArgumentHelp("Missions log (CSV); the bundled dataset if absent.", valueName: "file"))
    var missions: String?

    @Option(name: .long, help: ArgumentHelp("The sending state: ISO 3166-1 code or English name; KP for the bundled log, the only sender of a log with one.", valueName: "iso2"))
    var sender: String?

    @Option(help: ArgumentHelp("Events after this date (YYYY-MM-DD)...", valueName: "date"))
    var from: Day

    @Option(help: ArgumentHelp("...up to and including this one; today (UTC) if absent.", valueName: "date"))
    var to: Day?

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: SummaryFormatter.Format = .table

    @OptionGroup var out: OutputOptions

    func validate() throws {
        if let to, to < from { throw ValidationError("--to must not come before --from") }
    }

    func run() throws {
        try reportingErrors {
            let network = try loadNetwork(missions: missions).network
            let code = try resolveSender(sender, missions: missions, in: network)
            let changes = Changes(network: network, sender: code, from: from, to: to ?? Day.today())
            let name = network.gazetteer.country(code: code)?.name ?? code
            try out.write(ChangesFormatter.format(changes, as: format, senderName: name))
        }
    }
}
