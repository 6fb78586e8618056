import Dispatch
import GeoKit
import Synchronization

/// The gallery of the bundled data: the maps, GeoJSON and figures the README shows, made in
/// one process on every core. Each worker has its own GEOS and PROJ contexts, boundaries and
/// geography; only the network, which is a value, is shared. Each file depends on its item
/// alone, so the files are the same whatever the order the workers take them in.
public struct Gallery: Sendable {
    /// One file of the gallery: its name, its cost for scheduling (about its seconds on one
    /// core, as `gallery --timings` shows), and how to make it.
    public struct Item: Sendable {
        public let name: String
        let cost: Double
        let make: @Sendable (Network, Workbench) throws -> String
    }

    /// What one worker owns: contexts and data that must not cross threads.
    public final class Workbench {
        let boundariesFile: String
        let context: ProjContext
        private(set) lazy var boundaries = Result { try Boundaries(file: boundariesFile) }
        private(set) lazy var geography = Result { try Geography(boundaries: boundaries.get(), context: context) }

        init(boundariesFile: String) throws {
            self.boundariesFile = boundariesFile
            context = try ProjContext()
        }
    }

    public let items: [Item]
    public let dataSource: String

    /// The standard gallery of sender KP.
    public init(dataSource: String = DataDirectory.bundledMissionsLabel) {
        self.dataSource = dataSource
        let source = dataSource
        func map(_ name: String, _ date: String, cost: Double = 0.1, _ configure: @escaping @Sendable (inout SVGMapRenderer) -> Void) -> Item {
            Item(name: name, cost: cost) { network, bench in
                var renderer = SVGMapRenderer()
                renderer.dataSource = source
                configure(&renderer)
                return try renderer.render(network.snapshot(sender: "KP", asOf: Day(date)!),
                                           boundaries: bench.boundaries.get(), context: bench.context)
            }
        }
        func summary(_ date: String, compareTo: String?, format: SummaryFormatter.Format) -> @Sendable (Network, Workbench) throws -> String {
            { network, bench in
                let s = try Summary.of(network, sender: "KP", asOf: Day(date)!, compareTo: compareTo.flatMap { Day($0) },
                                       geography: try bench.geography.get())
                return try SummaryFormatter.format(s, as: format, senderName: network.gazetteer.country(code: "KP")?.name ?? "KP")
            }
        }
        items = [
            map("world-2023-10-01.svg", "2023-10-01") { _ in },
            map("world-2024-12-31.svg", "2024-12-31") { _ in },
            map("africa-2024-12-31.svg", "2024-12-31", cost: 0.25) { $0.region = "Africa" },
            map("europe-2024-12-31.svg", "2024-12-31", cost: 0.27) { $0.region = "Europe" },
            map("pacific-2024-12-31.svg", "2024-12-31") { $0.centerLon = 150 },
            map("globe-2024-12-31.svg", "2024-12-31") { $0.projection = .orthographic },
            Item(name: "posts-2023-10-01.geojson", cost: 0.003) { network, _ in
                try GeoJSONWriter().string(network.snapshot(sender: "KP", asOf: Day("2023-10-01")!))
            },
            Item(name: "posts-2024-02-01.geojson", cost: 0.003) { network, _ in
                try GeoJSONWriter().string(network.snapshot(sender: "KP", asOf: Day("2024-02-01")!))
            },
            Item(name: "network-2024-02-01.geojson", cost: 0.2) { network, bench in
                try GeoJSONWriter().string(network.snapshot(sender: "KP", asOf: Day("2024-02-01")!), countries: bench.boundaries.get())
            },
            Item(name: "summary-2023-10-01.json", cost: 0.5, make: summary("2023-10-01", compareTo: nil, format: .json)),
            Item(name: "summary-2024-02-01.json", cost: 0.05, make: summary("2024-02-01", compareTo: nil, format: .json)),
            Item(name: "summary-2024-02-01-vs-2023-10-01.txt", cost: 0.05, make: summary("2024-02-01", compareTo: "2023-10-01", format: .table)),
            Item(name: "summary-2024-02-01-vs-2023-10-01.csv", cost: 0.05, make: summary("2024-02-01", compareTo: "2023-10-01", format: .csv)),
            Item(name: "changes-2023-10-01-to-2024-02-01.md", cost: 0.001) { network, _ in
                try ChangesFormatter.format(Changes(network: network, sender: "KP", from: Day("2023-10-01")!, to: Day("2024-02-01")!),
                                            as: .markdown, senderName: network.gazetteer.country(code: "KP")?.name ?? "KP")
            },
        ]
    }

    /// What `make` made: each file's text, and the time each item and each worker's set-up took.
    public struct Made: Sendable {
        public var files: [String: String] = [:]
        /// Seconds per item, and per worker for "(worker N set-up)" (contexts and boundaries).
        public var seconds: [String: Double] = [:]
    }

    /// Makes every item on `workers` threads; the files by name, or the first error.
    public func make(network: Network, boundariesFile: String, workers: Int) throws -> [String: String] {
        try makeTimed(network: network, boundariesFile: boundariesFile, workers: workers).files
    }

    /// Makes every item on `workers` threads, timing each; the first error if any fails.
    public func makeTimed(network: Network, boundariesFile: String, workers: Int) throws -> Made {
        let items = self.items
        // Longest first, each to the least loaded worker: summaries share one geography, so
        // they stay together with the worker that builds it.
        var plans = [[Int]](repeating: [], count: max(1, workers)), load = [Double](repeating: 0, count: max(1, workers))
        let summaries = items.indices.filter { items[$0].name.hasPrefix("summary") }
        plans[0] = summaries
        load[0] = summaries.reduce(0) { $0 + items[$1].cost }
        for i in items.indices.filter({ !summaries.contains($0) }).sorted(by: { items[$0].cost > items[$1].cost }) {
            let w = load.indices.min { load[$0] < load[$1] }!
            plans[w].append(i)
            load[w] += items[i].cost
        }
        let results = Mutex<[String: Result<String, Error>]>([:])
        let seconds = Mutex<[String: Double]>([:])
        let plan = plans
        let clock = ContinuousClock()
        DispatchQueue.concurrentPerform(iterations: plan.count) { worker in
            let bench: Workbench
            let start = clock.now
            do {
                bench = try Workbench(boundariesFile: boundariesFile)
                _ = try bench.boundaries.get()
            } catch {
                results.withLock { $0["(worker \(worker))"] = .failure(error) }
                return
            }
            seconds.withLock { $0["(worker \(worker) set-up)"] = (clock.now - start).seconds }
            for i in plan[worker] {
                let start = clock.now
                let result = Result { try items[i].make(network, bench) }
                let took = (clock.now - start).seconds
                results.withLock { $0[items[i].name] = result }
                seconds.withLock { $0[items[i].name] = took }
            }
        }
        let files = try results.withLock { all in try all.mapValues { try $0.get() } }
        return Made(files: files, seconds: seconds.withLock { $0 })
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
