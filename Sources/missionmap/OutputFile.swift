import Foundation

/// A file written whole or not at all: text goes to a temporary file beside the target,
/// which replaces the target only on `commit()`. Dropped uncommitted, the temporary file is
/// removed, so a failed run leaves no partial output and an old file stays as it was. The
/// temporary file carries the writer's pid (see `TemporaryName`), so that the ones a killed
/// run leaves are removed by the next run to the same target.
///
/// A target that is not a regular file (`/dev/stdout`, a pipe) is written straight to, as
/// renaming over it would replace the device or pipe with a file.
final class OutputFile {
    let path: String
    /// Where the text goes until `commit()`: a temporary file, or the target itself if it is a device or pipe.
    private let writing: String
    /// The file replaced on commit: the path, through any symbolic link.
    private let target: String
    private let direct: Bool
    private let handle: FileHandle
    private var buffer = Data()
    private var committed = false

    init(path given: String) throws {
        guard !given.isEmpty else { throw CommandFailure("-o needs a file name") }
        // Through a symbolic link to the file it names: the link stays, the file is replaced.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        self.path = given
        target = path
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && info.st_mode & S_IFMT == S_IFDIR {
            throw CommandFailure("cannot write \(given): it is a folder; give a file name")
        }
        let direct = exists && info.st_mode & S_IFMT != S_IFREG
        self.direct = direct
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if !direct { TemporaryName.removeStale(target: url.lastPathComponent, in: folder) }
        writing = direct ? path : (folder as NSString).appendingPathComponent(TemporaryName.make(for: url.lastPathComponent))
        if !direct { Interrupts.track(writing) }
        let fd = direct ? open(path, O_WRONLY | O_CLOEXEC) : open(writing, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? info.st_mode & 0o7777 : 0o644)
        guard fd >= 0 else {
            let reason = errno
            if !direct { Interrupts.untrack(writing) }
            if reason == ENOENT { throw CommandFailure("cannot write \(given): the folder \(folder) does not exist") }
            if reason == ENOTDIR { throw CommandFailure("cannot write \(given): \(folder) is not a folder") }
            throw CommandFailure("cannot write \(given): \(String(cString: strerror(reason)))")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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
            throw CommandFailure("cannot write \(path): \(Self.reason(error))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Moves the finished file into place.
    func commit() throws {
        try flush()
        do {
            try handle.synchronize()
        } catch {
            // Devices and pipes cannot be synchronised; that is no error.
        }
        try handle.close()
        committed = direct
        guard !direct else { return }
        try Interrupts.committing(writing) {
            guard rename(writing, target) == 0 else {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
        committed = true
    }

    /// The system's words for a write failure ("No space left on device").
    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return error.localizedDescription
    }

    deinit {
        if !committed && !direct {
            try? handle.close()
            unlink(writing)
            Interrupts.untrack(writing)
        }
    }
}
