import Dispatch
import Foundation
import Synchronization
import Testing

/// The prepared-geography cache seen from the command line: a run with a warm cache writes
/// the same bytes as one with a cold cache and one with --no-cache; stale or corrupt files are
/// made again with one warning each; an unwritable cache folder is passed over in silence;
/// concurrent runs share one folder safely.
@Suite(.tags(.endToEnd)) struct CacheTests {
    /// The environment of a run whose cache folder is `folder`.
    static func environment(_ folder: URL) -> [String: String] {
        CLI.testEnvironment.merging(["XDG_CACHE_HOME": folder.path]) { _, new in new }
    }

    /// Every command that reads the boundaries, each writing one file.
    static let commands: [(name: String, arguments: [String])] = [
        ("summary.json", ["summary", "--as-of", "2024-02-01", "--format", "json"]),
        ("summary-all.csv", ["summary", "--as-of", "2024-02-01", "--sender", "all", "--format", "csv"]),
        ("world.svg", ["render", "--as-of", "2024-02-01"]),
        ("europe.svg", ["render", "--as-of", "2024-02-01", "--region", "Europe", "--width", "700"]),
        ("globe.svg", ["render", "--as-of", "2024-02-01", "--projection", "orthographic"]),
        ("countries.geojson", ["export", "--as-of", "2024-02-01", "--countries"]),
    ]

    /// Runs each command with the cache in `folder` (and extra arguments), returning its output.
    static func outputs(cache folder: URL, extra: [String] = [], into dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for (name, arguments) in commands {
            let file = dir.appendingPathComponent(name).path
            let run = try CLI.missionmap(arguments + extra + ["-o", file], environment: environment(folder))
            #expect(run.status == 0 && run.stderr.isEmpty, "\(name): \(run.stderr)")
            out[name] = try Data(contentsOf: URL(fileURLWithPath: file))
        }
        return out
    }

    /// The files missionmap keeps with `XDG_CACHE_HOME` at `folder`.
    static func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: kept(folder).path)) ?? []).sorted()
    }

    static func kept(_ folder: URL) -> URL {
        folder.appendingPathComponent("missionmap")
    }

    @Test func coldWarmAndUncachedRunsWriteTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let cache = dir.appendingPathComponent("cache"), off = dir.appendingPathComponent("off")
        let uncached = try Self.outputs(cache: off, extra: ["--no-cache"], into: dir)
        #expect(!FileManager.default.fileExists(atPath: off.path), "--no-cache wrote \(Self.files(off))")
        let cold = try Self.outputs(cache: cache, into: dir)
        let kept = Self.files(cache)
        // One boundaries file, one land table, and the outlines of three views (the export and
        // the summaries need none).
        #expect(kept.filter { $0.hasPrefix("boundaries-") }.count == 1 && kept.filter { $0.hasPrefix("land-") }.count == 1)
        #expect(kept.filter { $0.hasPrefix("outlines-") }.count == 3, "\(kept)")
        let warm = try Self.outputs(cache: cache, into: dir)
        #expect(Self.files(cache) == kept)
        for (name, _) in Self.commands {
            #expect(cold[name] == uncached[name], "\(name): cold cache differs from --no-cache")
            #expect(warm[name] == uncached[name], "\(name): warm cache differs from --no-cache")
        }
    }

    /// The gallery from a warm cache equals the committed Output/, file for file.
    @Test func theGalleryFromAWarmCacheEqualsOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let cache = dir.appendingPathComponent("cache")
        for pass in ["cold", "warm"] {
            let out = dir.appendingPathComponent(pass)
            let run = try CLI.missionmap(["gallery", "-o", out.path], environment: Self.environment(cache))
            #expect(run.status == 0 && run.stderr.isEmpty, "\(pass): \(run.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(names.count == 19)
            for name in names {
                let committed = try Data(contentsOf: CLI.repo.appendingPathComponent("Output").appendingPathComponent(name))
                #expect(try Data(contentsOf: out.appendingPathComponent(name)) == committed, "\(pass): \(name) differs from Output/")
            }
        }
    }

    @Test func corruptOrStaleFilesAreMadeAgainWithOneWarningEach() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let cache = dir.appendingPathComponent("cache")
        let arguments = ["render", "--as-of", "2024-02-01", "--region", "Africa", "--width", "640", "-o", dir.appendingPathComponent("a.svg").path]
        let first = try CLI.missionmap(arguments, environment: Self.environment(cache))
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        let expected = try Data(contentsOf: dir.appendingPathComponent("a.svg"))
        let kept = Self.files(cache)
        // The boundaries, the region's fit and its outlines.
        #expect(kept.map { $0.prefix(while: { $0 != "-" }) } == ["boundaries", "fit", "outlines"], "\(kept)")
        // One file cut short, another from "another build" (its header's build changed).
        let cut = Self.kept(cache).appendingPathComponent(kept[0]), other = Self.kept(cache).appendingPathComponent(kept[2])
        let bytes = try Data(contentsOf: cut)
        try bytes.prefix(bytes.count / 2).write(to: cut)
        var stale = [UInt8](try Data(contentsOf: other))
        let header = Array("missionmap prepared\n".utf8).count + 4 + 8
        stale[header] = stale[header] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
        try Data(stale).write(to: other)
        let second = try CLI.missionmap(arguments, environment: Self.environment(cache))
        #expect(second.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("a.svg")) == expected)
        let warnings = second.stderr.split(separator: "\n")
        #expect(warnings.count == 2, "\(second.stderr)")
        #expect(warnings.contains { $0.hasPrefix("\(cut.path): warning: prepared file is corrupt") })
        #expect(warnings.contains { $0.hasPrefix("\(other.path): warning: prepared by another build of missionmap") })
        let third = try CLI.missionmap(arguments, environment: Self.environment(cache))
        #expect(third.status == 0 && third.stderr.isEmpty, "\(third.stderr)")
    }

    /// A cache folder that cannot be made (under a regular file) costs nothing but time.
    @Test func anUnwritableCacheIsSkippedSilently() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let blocker = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let out = dir.appendingPathComponent("s.json").path
        let run = try CLI.missionmap(["summary", "--as-of", "2024-02-01", "--format", "json", "-o", out],
                                     environment: Self.environment(blocker.appendingPathComponent("cache")))
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let reference = try CLI.missionmap(["summary", "--as-of", "2024-02-01", "--format", "json", "--no-cache"])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == reference.stdout)
    }

    /// Six processes at once on one empty cache folder: the same map from each, no warning.
    @Test func concurrentRunsShareOneFolder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let cache = dir.appendingPathComponent("cache")
        let runs = Mutex<[Int: (CLI.Result, Data?)]>([:])
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            let file = dir.appendingPathComponent("m\(i).svg")
            let run = try? CLI.missionmap(["render", "--as-of", "2024-02-01", "--width", "500", "-o", file.path], environment: Self.environment(cache))
            if let run { runs.withLock { $0[i] = (run, try? Data(contentsOf: file)) } }
        }
        let all = runs.withLock { $0 }
        #expect(all.count == 6)
        let maps = Set(all.values.compactMap(\.1))
        #expect(maps.count == 1)
        for (run, _) in all.values { #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)") }
        #expect(!Self.files(cache).contains { $0.hasSuffix(".tmp") })
    }
}
