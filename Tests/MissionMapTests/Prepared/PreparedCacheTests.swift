import Dispatch
import Foundation
import GeoKit
import Synchronization
import Testing
@testable import MissionMap

/// The prepared-geography cache: what it reads back equals what is made afresh; stale,
/// corrupt and unwritable caches cost a rebuild (with one warning for the first two), never an
/// error; concurrent runs never see a partial file.
@Suite(.tags(.unit)) struct PreparedCacheTests {
    /// Two countries, one invalid (a bow tie, repaired with a warning), one a point.
    static let geoJSON = Data(#"""
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"iso2":"AA","pop_est":5},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}},
    {"type":"Feature","properties":{"iso2":"BB","pop_est":7},"geometry":{"type":"Polygon","coordinates":[[[2,0],[4,2],[4,0],[2,2],[2,0]]]}},
    {"type":"Feature","properties":{"iso2":"CC","pop_est":1},"geometry":{"type":"Point","coordinates":[9,9]}}
    ]}
    """#.utf8)

    /// A fresh folder with the boundaries file in it, and a cache folder beside it.
    static func folder() throws -> (file: String, cache: String, remove: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("b.geojson").path
        try geoJSON.write(to: URL(fileURLWithPath: file))
        return (file, dir.appendingPathComponent("cache").path, { try? FileManager.default.removeItem(at: dir) })
    }

    static func cacheFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func same(_ a: Boundaries, _ b: Boundaries) -> Bool {
        a.codes == b.codes && a.contentHash == b.contentHash && a.shapes == b.shapes && a.populations == b.populations
            && a.warnings == b.warnings && a.file == b.file && a.features.mapValues { [$0.index, $0.line] } == b.features.mapValues { [$0.index, $0.line] }
    }

    @Test func readsBackWhatItMadeExactly() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let session = try GeoSession()
        let fresh = try Boundaries(file: file, session: session)
        let freshLand = try LandTable(boundaries: fresh, session: session)
        let cache = PreparedCache(folder: folder)
        let first = try Boundaries(file: file, session: session, cache: cache)
        let firstLand = try LandTable.prepared(first, session: session, cache: cache)
        #expect(Self.cacheFiles(folder).map { $0.prefix(while: { $0 != "-" }) } == ["boundaries", "land"])
        let second = try Boundaries(file: file, session: session, cache: cache)
        let secondLand = try LandTable.prepared(second, session: session, cache: cache)
        #expect(Self.same(fresh, first) && Self.same(fresh, second))
        #expect(fresh.warnings.count == 1 && second.warnings[0].description.hasPrefix("\(file):3: warning: feature 2: BB is not a valid polygon"), "\(second.warnings)")
        #expect(freshLand == firstLand && freshLand == secondLand)
        #expect(secondLand.countriesWithLand == ["AA", "BB"] && secondLand.area(ofUnionOf: ["AA", "BB"]) > 0)
        #expect(cache.takeWarnings().isEmpty)
    }

    /// A second run reads the file rather than the GeoJSON: what is stored under the key is
    /// what comes back (here a table stored by hand).
    @Test func aSecondRunReadsTheStoredFile() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let session = try GeoSession(), cache = PreparedCache(folder: folder)
        let boundaries = try Boundaries(file: file, session: session, cache: cache)
        var out = ByteWriter()
        LandTable(faces: [.init(area: 42, owners: ["AA"])], countriesWithLand: ["AA"]).encode(into: &out)
        cache.store(LandTable.preparedKind, key: boundaries.contentHash, payload: out.bytes)
        #expect(try LandTable.prepared(boundaries, session: session, cache: cache).area(ofUnionOf: ["AA"]) == 42)
        // The same bytes under another name are the same boundaries, named as given now.
        let renamed = (file as NSString).deletingLastPathComponent + "/other.geojson"
        try FileManager.default.copyItem(atPath: file, toPath: renamed)
        let again = try Boundaries(file: renamed, session: session, cache: cache)
        #expect(again.warnings.map(\.file) == [renamed], "\(again.warnings)")
    }

    @Test func aFileOfAnotherBuildIsMadeAgainWithOneWarning() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let session = try GeoSession()
        _ = try Boundaries(file: file, session: session, cache: PreparedCache(folder: folder, build: "0.0.1 (old)"))
        let cache = PreparedCache(folder: folder, build: "0.0.2 (new)")
        let rebuilt = try Boundaries(file: file, session: session, cache: cache)
        #expect(Self.same(rebuilt, try Boundaries(file: file, session: session)))
        let warnings = cache.takeWarnings()
        #expect(warnings.count == 1 && warnings[0].contains("warning: prepared by another build of missionmap (0.0.1 (old)); made again"))
        // Made again and kept: the next run reads it without a word.
        _ = try Boundaries(file: file, session: session, cache: cache)
        #expect(cache.takeWarnings().isEmpty)
    }

    @Test(arguments: ["flip", "truncate", "garbage", "empty"])
    func aCorruptFileIsMadeAgainWithOneWarning(damage: String) throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let session = try GeoSession(), cache = PreparedCache(folder: folder)
        let made = try Boundaries(file: file, session: session, cache: cache)
        let path = folder + "/" + Self.cacheFiles(folder)[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "flip": bytes[bytes.count - 10] ^= 0x40
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "garbage": bytes = Array("{\"not\": \"this\"}".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let again = try Boundaries(file: file, session: session, cache: cache)
        #expect(Self.same(made, again))
        let warnings = cache.takeWarnings()
        #expect(warnings.count == 1 && warnings[0].hasPrefix("\(path): warning: prepared file is corrupt ("), "\(warnings)")
        _ = try Boundaries(file: file, session: session, cache: cache)
        #expect(cache.takeWarnings().isEmpty)
    }

    /// A FIFO, a file too large to be ours and a directory in place of a prepared file neither
    /// hang nor crash the run: the first is passed over, the second read as damage.
    @Test func oddFilesInPlaceOfPreparedOnes() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let session = try GeoSession(), cache = PreparedCache(folder: folder)
        let made = try Boundaries(file: file, session: session, cache: cache)
        let path = folder + "/" + Self.cacheFiles(folder)[0]
        unlink(path)
        #expect(mkfifo(path, 0o600) == 0)
        #expect(Self.same(made, try Boundaries(file: file, session: session, cache: cache)))
        unlink(path)
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, PreparedCache.maximumSize + 1) == 0)
        #expect(Self.same(made, try Boundaries(file: file, session: session, cache: cache)))
        #expect(cache.takeWarnings().count == 1)
    }

    /// A payload whose checksum holds but whose values cannot be (an empty fit, a negative
    /// area) is corrupt, not trusted.
    @Test func impossibleValuesAreCorrupt() throws {
        var out = ByteWriter()
        LandTable(faces: [.init(area: -1, owners: ["AA"])], countriesWithLand: ["AA"]).encode(into: &out)
        var input = ByteReader(out.bytes)
        #expect(throws: PreparedFileError.self) { try LandTable(prepared: &input) }
    }

    /// The temporary file of a run killed while writing is removed by the next run that writes.
    @Test func abandonedTemporaryFilesAreRemoved() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let cache = PreparedCache(folder: folder)
        _ = try Boundaries(file: file, session: GeoSession(), cache: cache)
        let kept = Self.cacheFiles(folder)[0]
        // A pid that cannot be running (above Linux's maximum), and this process's own.
        let abandoned = ".\(kept).missionmap-4194305-0123456789abcdef.tmp", live = ".\(kept).missionmap-\(getpid())-0123456789abcdef.tmp"
        for name in [abandoned, live] { #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8))) }
        unlink(folder + "/" + kept)
        _ = try Boundaries(file: file, session: GeoSession(), cache: cache)
        #expect(Self.cacheFiles(folder) == [kept, live].sorted())
    }

    /// A cache folder that cannot be made (its parent is a file) is passed over without a word.
    @Test func anUnwritableFolderIsSkipped() throws {
        let (file, _, remove) = try Self.folder()
        defer { remove() }
        let cache = PreparedCache(folder: file + "/cache")
        let session = try GeoSession()
        let boundaries = try Boundaries(file: file, session: session, cache: cache)
        #expect(try LandTable.prepared(boundaries, session: session, cache: cache) == LandTable(boundaries: boundaries, session: session))
        #expect(cache.takeWarnings().isEmpty)
    }

    @Test func offMeansNothingWritten() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let cache = PreparedCache.standard(enabled: false, environment: ["XDG_CACHE_HOME": folder])
        _ = try Boundaries(file: file, session: GeoSession(), cache: cache)
        #expect(cache.folder == nil && !FileManager.default.fileExists(atPath: folder))
    }

    @Test func theFolderFollowsXDG() {
        #expect(PreparedCache.standard(environment: ["XDG_CACHE_HOME": "/x/c", "HOME": "/h"]).folder == "/x/c/missionmap")
        #expect(PreparedCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).folder == "/h/.cache/missionmap")
        #expect(PreparedCache.standard(environment: [:]).folder == nil)
    }

    /// Eight runs at once, each making and storing the same files: every one reads whole
    /// values, nothing is reported corrupt, and no temporary file is left behind.
    @Test func concurrentRunsSeeWholeFiles() throws {
        let (file, folder, remove) = try Self.folder()
        defer { remove() }
        let expected = try LandTable(boundaries: Boundaries(file: file, session: GeoSession()), session: GeoSession())
        let cache = PreparedCache(folder: folder)
        let results = Mutex<[Result<LandTable, Error>]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<5 {
                let run = Result { () throws -> LandTable in
                    let session = try GeoSession()
                    return try LandTable.prepared(Boundaries(file: file, session: session, cache: cache), session: session, cache: cache)
                }
                results.withLock { $0.append(run) }
            }
        }
        let runs = results.withLock { $0 }
        #expect(runs.count == 40)
        for run in runs { #expect(try run.get() == expected) }
        #expect(cache.takeWarnings().isEmpty)
        #expect(Self.cacheFiles(folder).count == 2)
    }
}

