import ArgumentParser
import Foundation
import MissionMap

struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Write the README's gallery (maps, GeoJSON, figures) from the bundled data, in one process on every core; or the same set for your own log.",
        discussion: """
        With --missions, --sender, --host or --as-of, the gallery is of that log and view: for each date a world map, the posts as GeoJSON and the summary (JSON and text); with two dates or more, the changes between the first and the last and a timeline chart. The dates are --as-of (one or more), else the day of the log's last event and, where it is another day, the day its network had the most open posts. With --host, the maps look from the host (its senders), as the bundled gallery's Pyongyang maps do.

        Examples:
          missionmap gallery -o Output
          missionmap gallery --missions my-network.csv --as-of 2020-01-01 --as-of 2024-01-01 -o my-gallery
        """
    )

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("A date of the gallery, YYYY-MM-DD; repeat for several (default: the log's last event day and its largest network's day).", valueName: "date"))
    var dates: [Day] = []

    @Option(name: [.short, .long], help: ArgumentHelp("The folder to write into.", valueName: "dir"), completion: .directory)
    var output = "Output"

    @Option(help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var workers = min(ProcessInfo.processInfo.activeProcessorCount, 64)

    @Flag(help: "Print how long each file took, and each worker's set-up, to standard error.")
    var timings = false

    @Flag(name: .customLong("no-cache"), help: "Read and prepare the boundaries afresh: neither use nor keep the prepared geography in $XDG_CACHE_HOME/missionmap (~/.cache/missionmap).")
    var noCache = false

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be from 1 to 64") }
        try StandardInputUse.check(["--missions": log.missions])
    }

    /// Whether the gallery is a user's (a log, a view or dates given) rather than the README's.
    var isUsers: Bool {
        log.missions != nil || selection.sender != nil || selection.host != nil || !dates.isEmpty
    }

    func run() throws {
        try reportingErrors {
            let clock = ContinuousClock(), start = clock.now
            let inputs = try Inputs.read(log: isUsers ? log : .named(nil), boundaries: .bundled(noCache: noCache))
            let loaded = clock.now
            let jobs: [Workers.Job<String>]
            if isUsers {
                let query = try selection.resolve(in: inputs.network, log: log).mapped()
                let days = dates.isEmpty ? GalleryDates.defaults(in: inputs.network, query: query) : Array(Set(dates)).sorted()
                guard !days.isEmpty else { throw CommandFailure("\(inputs.logName) has no event for this view: give the dates with --as-of") }
                // The bundled published counts are of the bundled log's networks.
                let published = log.missions == nil ? try PublishedCount.load(file: inputs.files.publishedCounts, gazetteer: inputs.network.gazetteer) : []
                jobs = GalleryCommand.jobs(network: inputs.network, logName: inputs.logName, query: query, days: days, published: published,
                                           cache: inputs.cache)
            } else {
                jobs = GalleryCommand.jobs(network: inputs.network, logName: inputs.logName, cache: inputs.cache)
            }
            let boundaries = try inputs.checkedBoundaries()!
            // The first summary to need the land table reads it from the cache or builds it;
            // every other waits for it rather than building its own.
            let made = try Workers.run(jobs, workers: workers, boundaries: boundaries,
                                       geography: SharedGeography(boundaries: boundaries, cache: inputs.cache))
            Inputs.printCacheWarnings(inputs.cache)
            let files = Dictionary(uniqueKeysWithValues: zip(jobs.map(\.name), made.outputs))
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
                throw CommandFailure("cannot write into \(output): it is a file, not a folder")
            }
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot make the folder \(output): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                let file = try OutputFile(path: URL(fileURLWithPath: output).appendingPathComponent(name).path)
                try file.write(text)
                try file.commit()
            }
            if timings {
                var lines = ["load      \(String(format: "%.3f", (loaded - start).seconds)) s"]
                lines += made.seconds.sorted { $0.value > $1.value }.map { "\($0.key)  \(String(format: "%.3f", $0.value)) s" }
                lines.append("total     \(String(format: "%.3f", (clock.now - start).seconds)) s")
                StandardStreams.error(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        }
    }
}

extension GalleryCommand {
    /// The README's gallery of sender KP, and of the foreign posts in Pyongyang: each file's name, its cost for scheduling (about
    /// its seconds on one core, as `--timings` shows), and how to make it. The summaries share
    /// the run's land table (see `SharedGeography`).
    static func jobs(network: Network, logName: String, cache: PreparedCache) -> [Workers.Job<String>] {
        let kp = network.gazetteer.country(code: "KP")!
        @Sendable func day(_ text: String) -> Day { Day(text)! }
        func map(_ name: String, _ date: Day, of query: Snapshot.Query? = nil, cost: Double = 0.3,
                 _ configure: @escaping @Sendable (inout SVGMapRenderer) -> Void) -> Workers.Job<String> {
            Workers.Job(name, cost: cost) { bench in
                var renderer = SVGMapRenderer()
                renderer.dataSource = logName
                renderer.cache = cache
                configure(&renderer)
                return try renderer.render(network.snapshot(query ?? .sender(kp), asOf: date), gazetteer: network.gazetteer,
                                           boundaries: bench.boundaries, session: bench.session)
            }
        }
        // The embassies in Pyongyang before COVID-19, after the exodus, and after the first returns.
        let pyongyang = Snapshot.Query.host(kp, city: "Pyongyang")
        func summary(_ name: String, _ date: Day, compareTo: Day?, format: SummaryFormatter.Format, cost: Double = 0.05) -> Workers.Job<String> {
            Workers.Job(name, cost: cost) { bench in
                let s = try Summary.of(network, sender: kp, asOf: date, compareTo: compareTo,
                                       geography: bench.geography())
                return try SummaryFormatter.format(s, as: format)
            }
        }
        func geoJSON(_ name: String, _ date: Day, countries: Bool, cost: Double) -> Workers.Job<String> {
            Workers.Job(name, cost: cost) { bench in
                var writer = GeoJSONWriter()
                writer.cache = cache
                return try writer.string(network.snapshot(.sender(kp), asOf: date),
                                           countries: countries ? (bench.boundaries, bench.session) : nil)
            }
        }
        // Charts of the network over time, with the bundled published counts over the lines.
        func chart(_ name: String, _ query: Snapshot.Query, from: Day, to: Day) -> Workers.Job<String> {
            Workers.Job(name, cost: 0.05) { _ in
                let steps = Timeline.steps(in: network, queries: [query], from: from, to: to, every: .event)
                let timeline = Timeline(network: network, queries: [query], from: from, to: to, every: .event, by: nil, steps: steps)
                let published = try PublishedCount.load(file: DataDirectory.locate().publishedCounts, gazetteer: network.gazetteer)
                return TimelineChartWriter.svg(timeline, network: network, published: published, logName: logName)
            }
        }
        return [
            map("world-2023-10-01.svg", day("2023-10-01")) { _ in },
            map("world-2024-12-31.svg", day("2024-12-31")) { _ in },
            map("africa-2024-12-31.svg", day("2024-12-31"), cost: 0.5) { $0.region = "Africa" },
            map("europe-2024-12-31.svg", day("2024-12-31"), cost: 0.5) { $0.region = "Europe" },
            map("pacific-2024-12-31.svg", day("2024-12-31")) { $0.centerLon = 150 },
            map("globe-2024-12-31.svg", day("2024-12-31")) { $0.projection = .orthographic },
            map("pyongyang-2019-12-31.svg", day("2019-12-31"), of: pyongyang) { _ in },
            map("pyongyang-2021-10-31.svg", day("2021-10-31"), of: pyongyang) { _ in },
            map("pyongyang-2024-12-31.svg", day("2024-12-31"), of: pyongyang) { _ in },
            geoJSON("posts-2023-10-01.geojson", day("2023-10-01"), countries: false, cost: 0.003),
            geoJSON("posts-2024-02-01.geojson", day("2024-02-01"), countries: false, cost: 0.003),
            geoJSON("network-2024-02-01.geojson", day("2024-02-01"), countries: true, cost: 0.2),
            // The first summary may build the land table (without a cache).
            summary("summary-2023-10-01.json", day("2023-10-01"), compareTo: nil, format: .json, cost: 0.5),
            summary("summary-2024-02-01.json", day("2024-02-01"), compareTo: nil, format: .json),
            summary("summary-2024-02-01-vs-2023-10-01.txt", day("2024-02-01"), compareTo: day("2023-10-01"), format: .table),
            summary("summary-2024-02-01-vs-2023-10-01.csv", day("2024-02-01"), compareTo: day("2023-10-01"), format: .csv),
            Workers.Job("changes-2023-10-01-to-2024-02-01.md", cost: 0.001) { _ in
                try ChangesFormatter.format(Changes(network: network, sender: kp, from: day("2023-10-01"), to: day("2024-02-01")),
                                            as: .markdown)
            },
            chart("timeline-2023-09-01-to-2024-03-01.svg", .sender(kp), from: day("2023-09-01"), to: day("2024-03-01")),
            chart("timeline-pyongyang-2019-01-01-to-2025-06-30.svg", .host(kp, city: nil), from: day("2019-01-01"), to: day("2025-06-30")),
        ]
    }
}

extension GalleryCommand {
    /// A user's gallery of one view (a sender, or a host): for each day a world map, the posts
    /// as GeoJSON and the summary as JSON and text; over the first to the last day, the
    /// changes and a timeline chart with `published` counts over it.
    static func jobs(network: Network, logName: String, query: Snapshot.Query, days: [Day], published: [PublishedCount],
                     cache: PreparedCache) -> [Workers.Job<String>] {
        var jobs: [Workers.Job<String>] = []
        for day in days {
            jobs.append(Workers.Job("world-\(day).svg", cost: 0.3) { bench in
                var renderer = SVGMapRenderer()
                renderer.dataSource = logName
                renderer.cache = cache
                return try renderer.render(network.snapshot(query, asOf: day), gazetteer: network.gazetteer,
                                           boundaries: bench.boundaries, session: bench.session)
            })
            jobs.append(Workers.Job("posts-\(day).geojson", cost: 0.003) { _ in
                try GeoJSONWriter().string(network.snapshot(query, asOf: day))
            })
            for format in [SummaryFormatter.Format.json, .table] {
                jobs.append(Workers.Job("summary-\(day).\(format == .json ? "json" : "txt")", cost: 0.1) { bench in
                    try SummaryFormatter.format(Summary.of(network, query: query, asOf: day, geography: bench.geography()), as: format)
                })
            }
        }
        if let first = days.first, let last = days.last, first < last {
            jobs.append(Workers.Job("changes-\(first)-to-\(last).md", cost: 0.001) { _ in
                try ChangesFormatter.format(Changes(network: network, query: query, from: first, to: last), as: .markdown)
            })
            jobs.append(Workers.Job("timeline-\(first)-to-\(last).svg", cost: 0.05) { _ in
                let steps = Timeline.steps(in: network, queries: [query], from: first, to: last, every: .event)
                let timeline = Timeline(network: network, queries: [query], from: first, to: last, every: .event, by: nil, steps: steps)
                return TimelineChartWriter.svg(timeline, network: network, published: published, logName: logName)
            })
        }
        return jobs
    }
}
