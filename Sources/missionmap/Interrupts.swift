import Dispatch
import Foundation
import Synchronization

/// Removes unfinished output files when the process is interrupted (Ctrl-C, `kill`, a closed
/// terminal), so that an interrupted run leaves what a failed run leaves: nothing new.
///
/// The signals are taken by Dispatch sources rather than C handlers, so the clean-up is
/// ordinary code on a Dispatch thread, not restricted to async-signal-safe calls.
enum Interrupts {
    private static let pending = Mutex<Set<String>>([])
    private static let installed = Mutex<[any DispatchSourceSignal]>([])

    /// Takes over SIGINT, SIGTERM and SIGHUP; once is enough, later calls do nothing.
    static func install() {
        installed.withLock { sources in
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { interrupted(by: sig) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Notes a temporary file to remove if the process is interrupted before it is finished.
    static func track(_ path: String) {
        pending.withLock { _ = $0.insert(path) }
    }

    /// The file was removed: nothing to clean up any more.
    static func untrack(_ path: String) {
        pending.withLock { _ = $0.remove(path) }
    }

    /// Moves a finished temporary file into place with `commit`, which an interruption cannot
    /// split: the clean-up runs wholly before or wholly after it.
    static func committing(_ path: String, _ commit: () throws -> Void) throws {
        try pending.withLock { paths in
            try commit()
            paths.remove(path)
        }
    }

    private static func interrupted(by sig: Int32) {
        // Holding the lock until exit: no file can be committed half-way through the clean-up.
        pending.withLock { paths in
            for path in paths { unlink(path) }
            let note = paths.isEmpty ? "" : "; removed \(paths.count) unfinished output file\(paths.count == 1 ? "" : "s")"
            FileHandle.standardError.write(Data("missionmap: interrupted\(note)\n".utf8))
            // Die of the signal itself, so that shells and make see an interrupted program.
            // Unblocked on this thread first: a parent may have started us with it blocked.
            signal(sig, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, sig)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(sig)
            _exit(128 + sig)
        }
    }
}
