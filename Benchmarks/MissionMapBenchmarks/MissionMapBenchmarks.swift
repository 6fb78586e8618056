import Benchmark
import Foundation
import GeoKit
import MissionMap

/// The synthetic world network (Benchmarks/generate_missions.py, seed 1, 12,000 posts),
/// written once to a temporary file.
private let world: String = {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-world-12000-seed1.csv")
    if !FileManager.default.fileExists(atPath: file.path) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", here.appendingPathComponent("generate_missions.py").path, "--posts", "12000", "--seed", "1"]
        FileManager.default.createFile(atPath: file.path, contents: nil)
        process.standardOutput = try! FileHandle(forWritingTo: file)
        try! process.run()
        process.waitUntilExit()
    }
    return file.path
}()

private let data = DataDirectory(url: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Geo"))
private let asOf = Day("2024-01-01")!

private func loadWorld() throws -> Network {
    try MissionsLog.load(file: world, gazetteer: data.gazetteer())
}

/// A cache in a temporary folder holding the bundled boundaries and their land table.
private func preparedCache() throws -> PreparedCache {
    let cache = PreparedCache(folder: FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-bench-cache").path)
    _ = try preparedGeography(cache)
    return cache
}

/// The bundled geography, read from (or made into) `cache`.
private func preparedGeography(_ cache: PreparedCache = PreparedCache(folder: nil)) throws -> Geography {
    let session = try GeoSession()
    return try Geography.prepared(Boundaries(file: data.boundaries, session: session, cache: cache), session: session, cache: cache)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 20
    )

    Benchmark("Load and validate the world network") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try loadWorld()) }
    }

    // Validation must not walk a chain of covers again for every link (issue: 4,000 links
    // took 80 s); the last links come first, the old check's worst order.
    Benchmark("Validate a 10,000-post accreditation chain") { benchmark, text in
        for _ in benchmark.scaledIterations {
            blackHole(try MissionsLog.load(table: CSVTable(text: text, file: "chain.csv", required: MissionsLog.requiredColumns),
                                           gazetteer: data.gazetteer()))
        }
    } setup: {
        accreditationChain(10_000)
    }

    // Prepared geography: what a run pays without a cache, and what it pays with a warm one.
    Benchmark("Boundaries from GeoJSON (cold)") { benchmark in
        let session = try GeoSession()
        for _ in benchmark.scaledIterations { blackHole(try Boundaries(file: data.boundaries, session: session)) }
    }

    Benchmark("Boundaries from the prepared file (warm)") { benchmark, cache in
        let session = try GeoSession()
        for _ in benchmark.scaledIterations { blackHole(try Boundaries(file: data.boundaries, session: session, cache: cache)) }
    } setup: {
        try preparedCache()
    }

    Benchmark("Land table built (cold)") { benchmark in
        let session = try GeoSession()
        let boundaries = try Boundaries(file: data.boundaries, session: session)
        for _ in benchmark.scaledIterations { blackHole(try LandTable(boundaries: boundaries, session: session)) }
    }

    Benchmark("Land table from the prepared file (warm)") { benchmark, cache in
        let session = try GeoSession()
        let boundaries = try Boundaries(file: data.boundaries, session: session, cache: cache)
        for _ in benchmark.scaledIterations { blackHole(try LandTable.prepared(boundaries, session: session, cache: cache)) }
    } setup: {
        try preparedCache()
    }

    Benchmark("Snapshot of every sender") { benchmark, network in
        for _ in benchmark.scaledIterations {
            for sender in network.senders.map(\.iso2) { blackHole(network.snapshot(sender: sender, asOf: asOf).countsByStatus) }
        }
    } setup: {
        try loadWorld()
    }

    for grouping in Summary.Grouping.allCases {
        Benchmark("Summary by \(grouping.rawValue), one sender") { benchmark, network in
            let sender = densest(network)
            let geography = try preparedGeography(preparedCache())
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try Summary(network.snapshot(sender: sender, asOf: asOf), gazetteer: network.gazetteer, by: grouping, geography: geography))
            }
        } setup: {
            try loadWorld()
        }

        Benchmark("Summary by \(grouping.rawValue), all senders") { benchmark, network in
            // One geography for all, prepared (warm), as the CLI shares it.
            let geography = try preparedGeography(preparedCache())
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for sender in network.senders.map(\.iso2) {
                    blackHole(try Summary(network.snapshot(sender: sender, asOf: asOf), gazetteer: network.gazetteer, by: grouping, geography: geography))
                }
            }
        } setup: {
            try loadWorld()
        }
    }

    Benchmark("GeoJSON export of every post and line") { benchmark, network in
        for _ in benchmark.scaledIterations {
            var bytes = 0
            for sender in network.senders.map(\.iso2) {
                try GeoJSONWriter().write(network.snapshot(sender: sender, asOf: asOf)) { bytes += $0.utf8.count }
            }
            blackHole(bytes)
        }
    } setup: {
        try loadWorld()
    }

    Benchmark("World map of the densest sender") { benchmark, network in
        let snapshot = network.snapshot(sender: densest(network), asOf: asOf)
        for _ in benchmark.scaledIterations {
            let session = try GeoSession()
            let boundaries = try Boundaries(file: data.boundaries, session: session)
            blackHole(try SVGMapRenderer().render(snapshot, gazetteer: network.gazetteer, boundaries: boundaries, session: session))
        }
    } setup: {
        try loadWorld()
    }

    Benchmark("World map of the densest sender, warm cache") { benchmark, network in
        let snapshot = network.snapshot(sender: densest(network), asOf: asOf)
        let cache = try preparedCache()
        var renderer = SVGMapRenderer()
        renderer.cache = cache
        for _ in benchmark.scaledIterations {
            let session = try GeoSession()
            let boundaries = try Boundaries(file: data.boundaries, session: session, cache: cache)
            blackHole(try renderer.render(snapshot, gazetteer: network.gazetteer, boundaries: boundaries, session: session))
        }
    } setup: {
        try loadWorld()
    }
}

/// The sender with the most posts.
private func densest(_ network: Network) -> String {
    Dictionary(grouping: network.posts, by: \.sender.iso2).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
}

/// A log of `count` open embassies, each covered by the next from 2001, the last links first.
private func accreditationChain(_ count: Int) -> String {
    let hosts = ["FR", "DE", "IT", "ES", "PL", "SE", "NO", "FI", "AT", "CZ"]
    var text = "post_id,date,event,sender,host,city,type,accredited_from,source\n"
    for i in 0..<count { text += "P\(i),2000-01-01,opened,KP,\(hosts[i % 10]),,embassy,,https://example.org/c\n" }
    for (n, i) in (0..<(count - 1)).reversed().enumerated() {
        // One link a day from 2001-01-01, as `YYYY-MM-DD` through Foundation's calendar.
        let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: n, to: DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2001, month: 1, day: 1).date!)!
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: day)
        let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        text += "P\(i),\(date),accredited,KP,\(hosts[i % 10]),,,P\(i + 1),https://example.org/c\n"
    }
    return text
}
