import Foundation

/// The name of the temporary file written beside a target (an `-o` file, a prepared file of
/// the cache) before it is renamed into place, and the clean-up of those that runs killed
/// outright (SIGKILL, a crash, a power cut) left behind.
///
/// The name is `.NAME.missionmap-PID-RANDOM.tmp`: the writer's process id tells a later run
/// whether the writer is still alive; the random part keeps two runs (or a reused pid) apart.
/// A pid means something on one machine only (one pid namespace): in a folder shared with
/// another machine or container, a live writer there can lose its temporary file, which
/// fails that run; it never leaves a half-written target.
public enum TemporaryName {
    /// A file untouched this long whose pid belongs to a program that is not missionmap is
    /// taken as left by a dead writer whose pid was reused. A day is far beyond any real run.
    static let reusedPidAge: TimeInterval = 24 * 60 * 60

    /// A fresh name for a temporary file of `target` (a file name, not a path) written by this process.
    public static func make(for target: String) -> String {
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return ".\(target).missionmap-\(getpid())-\(String(repeating: "0", count: 16 - random.count) + random).tmp"
    }

    /// The writer's pid if `name` is exactly a temporary file name of `target`, else nil.
    static func writer(of name: String, target: String) -> pid_t? {
        let prefix = ".\(target).missionmap-", suffix = ".tmp"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let pid = parts[0], random = parts[1]
        guard (1...10).contains(pid.count), pid.first != "0", pid.allSatisfy({ ("0"..."9").contains($0) }),
              random.count == 16, random.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }),
              let number = Int32(pid) else { return nil }
        return number
    }

    /// Removes the temporary files of `target` in `folder` whose writers are dead: their pid is
    /// gone, or (see `reusedPidAge`) now names another program. Best effort and silent: a file
    /// that cannot be examined or removed stays, and the run goes on.
    public static func removeStale(target: String, in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let pid = writer(of: name, target: target), pid != getpid() else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            // Only what a writer makes: a regular file, never a link, a folder or a device.
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if isDead(pid) || (age(info) > reusedPidAge && isOtherProgram(pid)) {
                unlink(path)
            }
        }
    }

    /// No process has this pid. EPERM means one does, under another user.
    static func isDead(_ pid: pid_t) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }

    /// The process's program name (argv[0]) is readable and is not missionmap. Unreadable
    /// (no /proc, another user's process hidden): not known, so not another program.
    static func isOtherProgram(_ pid: pid_t) -> Bool {
        let fd = open("/proc/\(pid)/cmdline", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &bytes, bytes.count)
        guard count >= 0 else { return false }
        // Empty for a zombie: its program has ended.
        let first = bytes[..<count].split(separator: 0, omittingEmptySubsequences: false).first ?? []
        let program = String(decoding: first, as: UTF8.self)
        return (program as NSString).lastPathComponent != "missionmap"
    }

    private static func age(_ info: stat) -> TimeInterval {
        Date().timeIntervalSince1970 - (TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
    }
}
