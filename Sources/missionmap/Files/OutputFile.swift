import Foundation
import MissionMap

/// A file written whole or not at all: text or bytes go to a temporary file beside the target,
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
    /// The target's folder.
    private let folder: String
    private let direct: Bool
    /// The open file, or -1 once closed.
    private var fd: Int32
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
        self.folder = folder
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
        self.fd = fd
    }

    /// Appends text; it reaches the disk in blocks, so memory stays flat however much is written.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends bytes (a PNG, a PDF); a large block goes straight to the file, not through the buffer.
    func write(_ bytes: Data) throws {
        if buffer.count + bytes.count < 1 << 16 {
            buffer.append(bytes)
            return
        }
        try flush()
        try put(bytes)
    }

    private func flush() throws {
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ data: Data) throws {
        if let reason = writeAll(fd, data) {
            if reason == EPIPE { Interrupts.pipeClosed() }
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(reason)))")
        }
    }

    /// Moves the finished file into place, and makes the move durable.
    func commit() throws {
        try flush()
        guard !direct else {
            // Devices and pipes are neither synced nor renamed.
            close(fd)
            fd = -1
            committed = true
            return
        }
        // On disk before it replaces the old file, so that a crash cannot leave a short file in its place.
        // EINVAL: a file system that cannot sync.
        if fsync(fd) != 0 && errno != EINVAL {
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        // close reports late write errors of some file systems (NFS); after EINTR the file is closed all the same.
        let closed = close(fd)
        let reason = errno
        fd = -1
        if closed != 0 && reason != EINTR {
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(reason)))")
        }
        try Interrupts.committing(writing) {
            guard rename(writing, target) == 0 else {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
        committed = true
        try syncFolder()
    }

    /// The rename changed the folder, not the file: until the folder is synced, a crash can
    /// bring back the old file or none. A folder that cannot be opened (readable to nobody
    /// but the system) is left to the system.
    private func syncFolder() throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw CommandFailure("\(path) is written but its folder could not be synced, so it may not survive a crash: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed && !direct {
            unlink(writing)
            Interrupts.untrack(writing)
        }
    }
}

/// Writes all of `data` to `fd`, again after a signal or a short write; the errno of a failure, nil on success.
func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
    data.withUnsafeBytes { bytes -> Int32? in
        var offset = 0
        while offset < bytes.count {
            let count = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return nil
    }
}
