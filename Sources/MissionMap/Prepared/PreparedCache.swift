import Foundation
import GeoKit
import Synchronization

/// Where prepared files live between runs: what depends only on a boundaries file (its shapes
/// as WKB, the land table, a view's simplified outlines) is made once and read back by later
/// runs, in `$XDG_CACHE_HOME/missionmap` (or `~/.cache/missionmap`).
///
/// Each file is named by what it holds and the content hash of the boundaries it was made
/// from, and starts with a header: the format, the build of missionmap that wrote it (its
/// version and its executable's size and time), the kind, the full key and a SHA-256 of the
/// payload. A file of another build is stale; one whose checksum or payload does not read is
/// corrupt; either is made again, with one warning. Files are written to a temporary name and
/// renamed into place (`TemporaryName`), so a concurrent run reads a whole file or none. A folder that cannot be
/// written is skipped without error: the run just makes everything itself.
public final class PreparedCache: Sendable {
    /// The folder, or nil when the cache is off.
    public let folder: String?
    /// Who wrote a file: a file of any other build is stale.
    public let build: String
    private let notices = Mutex<[String]>([])

    /// Bump when the layout of any prepared file changes.
    static let format: UInt32 = 1
    private static let magic = Array("missionmap prepared\n".utf8)

    /// A cache in `folder` (nil: off), for files of `build`.
    public init(folder: String?, build: String = PreparedCache.currentBuild) {
        self.folder = folder
        self.build = build
    }

    /// The cache the environment names: `$XDG_CACHE_HOME/missionmap`, else
    /// `$HOME/.cache/missionmap`; off when `enabled` is false or neither is set. A relative
    /// `XDG_CACHE_HOME` is ignored, as the XDG base directory specification says.
    public static func standard(enabled: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) -> PreparedCache {
        guard enabled else { return PreparedCache(folder: nil) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return PreparedCache(folder: (xdg as NSString).appendingPathComponent("missionmap"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return PreparedCache(folder: (home as NSString).appendingPathComponent(".cache/missionmap"))
        }
        return PreparedCache(folder: nil)
    }

    /// This program's build: its version, the size and modification time of its executable,
    /// and the GEOS and PROJ it runs with (shared libraries an upgrade can change under it), so
    /// that neither a rebuilt program nor new libraries trust what an older one prepared.
    public static let currentBuild: String = {
        let libraries = "GEOS \(GEOSContext.version), PROJ \(ProjContext.version)"
        var info = stat()
        let executable = stat("/proc/self/exe", &info) == 0 ? "/proc/self/exe" : CommandLine.arguments.first ?? ""
        guard executable == "/proc/self/exe" || stat(executable, &info) == 0 else { return "\(MissionMapVersion) (\(libraries))" }
        return "\(MissionMapVersion) (\(info.st_size) bytes, \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec); \(libraries))"
    }()

    /// A prepared file larger than this is damage, not data (the largest made is a few MB).
    static let maximumSize = 1 << 30

    /// The warnings of stale or corrupt files met so far, each once; cleared on reading.
    public func takeWarnings() -> [String] {
        notices.withLock { all in
            defer { all = [] }
            return all
        }
    }

    /// The prepared value of `kind` for `key` (and `detail`, what else it depends on), read
    /// by `decode`; nil when there is none, or it is stale or corrupt (with a warning).
    public func load<T>(_ kind: String, key: ContentHash, detail: String = "", decode: (inout ByteReader) throws -> T) -> T? {
        guard let path = path(kind, key: key, detail: detail), let bytes = Self.contents(of: path) else { return nil }
        var header = ByteReader(bytes)
        let problem: String
        do {
            guard bytes.starts(with: Self.magic) else { throw PreparedFileError.malformed("not a prepared file") }
            header = ByteReader(bytes, from: Self.magic.count)
            let format = try header.uint32(), build = try header.string()
            guard format == Self.format, build == self.build else {
                warn("\(path): warning: prepared by another build of missionmap (\(Echo.quoted(build, limit: 200))); made again")
                return nil
            }
            guard try header.string() == kind, try header.raw() == key.bytes, try header.string() == detail else {
                throw PreparedFileError.malformed("it holds another key")
            }
            let checksum = try header.raw()
            let payload = try header.raw()
            guard header.isAtEnd else { throw PreparedFileError.malformed("it has bytes after its payload") }
            guard ContentHash(of: payload).bytes == checksum else { throw PreparedFileError.malformed("its checksum does not match") }
            var reader = ByteReader(payload)
            let value = try decode(&reader)
            guard reader.isAtEnd else { throw PreparedFileError.malformed("its payload has bytes left over") }
            return value
        } catch {
            problem = "\(error)"
        }
        warn("\(path): warning: prepared file is corrupt (\(problem)); made again")
        return nil
    }

    /// Notes a warning once, however many workers meet the same file.
    private func warn(_ warning: String) {
        notices.withLock { if !$0.contains(warning) { $0.append(warning) } }
    }

    /// The prepared value of `kind` for `key` and `detail`: read back by `decode` when an
    /// earlier run kept it, else made by `make` and kept (written by `encode`).
    public func value<T>(_ kind: String, key: ContentHash, detail: String = "", decode: (inout ByteReader) throws -> T,
                         encode: (T, inout ByteWriter) -> Void, make: () throws -> T) throws -> T {
        if let kept = load(kind, key: key, detail: detail, decode: decode) { return kept }
        let made = try make()
        var payload = ByteWriter()
        encode(made, &payload)
        store(kind, key: key, detail: detail, payload: payload.bytes)
        return made
    }

    /// Keeps `payload` as the prepared value of `kind` for `key`, atomically; does nothing
    /// when the cache is off or its folder cannot be written.
    public func store(_ kind: String, key: ContentHash, detail: String = "", payload: [UInt8]) {
        guard let folder, let path = path(kind, key: key, detail: detail) else { return }
        var file = ByteWriter()
        file.uint32(Self.format)
        file.string(build)
        file.string(kind)
        file.raw(key.bytes)
        file.string(detail)
        file.raw(ContentHash(of: payload).bytes)
        file.raw(payload)
        let bytes = Self.magic + file.bytes
        // 0700, as the XDG base directory specification asks of the folders it names.
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return }
        let name = (path as NSString).lastPathComponent
        TemporaryName.removeStale(target: name, in: folder)
        let temporary = (folder as NSString).appendingPathComponent(TemporaryName.make(for: name))
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        // rename(2) replaces the name in one step: a reader opens the old file or the new one.
        if close(fd) != 0 || !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// `kind-<key>[-<detail's hash>].mm`, in the folder.
    func path(_ kind: String, key: ContentHash, detail: String) -> String? {
        guard let folder else { return nil }
        let suffix = detail.isEmpty ? "" : "-" + String(ContentHash(of: Array(detail.utf8)).description.prefix(16))
        return (folder as NSString).appendingPathComponent("\(kind)-\(key.description.prefix(32))\(suffix).mm")
    }

    private static func contents(of path: String) -> [UInt8]? {
        // Not blocking: a FIFO put in the folder must not hang the run.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // Too large to be ours: read as damage (a few bytes), not allocated whole.
        guard info.st_size <= maximumSize else { return Array("too large".utf8) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return Array(bytes[..<offset]) }
            offset += n
        }
        return bytes
    }
}
