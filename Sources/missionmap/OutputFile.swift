import Foundation

/// A file written whole or not at all: text goes to a temporary file beside the target,
/// which replaces the target only on `commit()`. Dropped uncommitted, the temporary file is
/// removed, so a failed run leaves no partial output and an old file stays as it was.
final class OutputFile {
    let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()
    private var committed = false

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CommandFailure("cannot write \(path): cannot create a file in \(url.deletingLastPathComponent().path)")
        }
        self.handle = handle
    }

    /// Appends text; it reaches the disk in blocks, so memory stays flat however much is written.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Moves the finished file into place.
    func commit() throws {
        try flush()
        try handle.close()
        guard rename(temporary, path) == 0 else {
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit {
        if !committed {
            try? handle.close()
            unlink(temporary)
        }
    }
}
