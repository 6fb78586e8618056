import Foundation

/// Reads whole input files: regular files, and pipes, FIFOs, `/dev/stdin` and process
/// substitutions (`<(…)`), which have no size to read up to; `-` is standard input.
public enum FileBytes {
    /// The path that names standard input, as Unix tools take it.
    public static let standardInput = "-"

    /// How messages name standard input (`<stdin>:3: error: …`).
    public static let standardInputName = "<stdin>"

    /// The largest input read, whatever its kind: far above any real log or boundaries file,
    /// low enough that an endless stream (`/dev/zero`, `yes |`) ends in an error, not in
    /// memory exhausted.
    public static let maximumSize = 1 << 29

    /// How messages name the input at `path`: `<stdin>` for `-`, else the path.
    public static func displayName(_ path: String) -> String {
        path == standardInput ? standardInputName : path
    }

    /// The 1-based line of the first byte sequence that is not UTF-8. UTF-8 never uses the
    /// byte 0x0A inside a character, so lines can be checked one by one.
    static func lineOfInvalidUTF8(in data: Data) -> Int {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        return (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0) + 1
    }

    /// The bytes of the input at `path` (`-`: standard input), read with read(2) until end of
    /// file; failing with `NAME: error: cannot read file` (`name`, else `displayName(path)`),
    /// or on an input larger than `maximumSize`.
    ///
    /// Not through Foundation: `FileManager.contents(atPath:)` fails on pipes and leaks a 4 KB
    /// buffer on empty files (found by AddressSanitizer's leak check on the corpus).
    public static func read(_ path: String, name: String? = nil) throws -> Data {
        try read(path, name: name, limit: maximumSize)
    }

    /// `read(_:name:)` with another limit, for tests.
    static func read(_ path: String, name: String?, limit: Int) throws -> Data {
        let name = name ?? displayName(path)
        let fd = path == standardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DataError(file: name, line: 0, "cannot read file") }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var info = stat()
        // A regular file's size is known: one allocation. A stream grows as it comes.
        let expected = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        if expected > limit { throw tooLarge(name, limit) }
        var data = Data(capacity: expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw DataError(file: name, line: 0, "cannot read file")
            }
            if data.count + count > limit { throw tooLarge(name, limit) }
            data.append(contentsOf: chunk[..<count])
        }
    }

    private static func tooLarge(_ name: String, _ limit: Int) -> DataError {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return DataError(file: name, line: 0, "larger than \(size): cannot read file")
    }
}
