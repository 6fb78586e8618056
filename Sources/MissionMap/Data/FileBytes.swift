import Foundation

/// Reads whole input files.
enum FileBytes {
    /// The 1-based line of the first byte sequence that is not UTF-8. UTF-8 never uses the
    /// byte 0x0A inside a character, so lines can be checked one by one.
    static func lineOfInvalidUTF8(in data: Data) -> Int {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        return (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0) + 1
    }

    /// The bytes of the file at `path`, or nil if it cannot be read.
    ///
    /// An empty regular file is answered without Foundation: its `contents(atPath:)` leaks a
    /// 4 KB buffer on empty files (found by AddressSanitizer's leak check on the corpus).
    static func read(_ path: String) -> Data? {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == 0, access(path, R_OK) == 0 {
            return Data()
        }
        return FileManager.default.contents(atPath: path)
    }
}
