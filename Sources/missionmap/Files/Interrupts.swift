import Dispatch
import Foundation
import Synchronization

/// Removes unfinished output files when the process is interrupted (Ctrl-C, `kill`, a closed
/// terminal, a closed pipe), so that an interrupted run leaves what a failed run leaves:
/// nothing new. (SIGKILL cannot be caught: the next run to the same target cleans up, see
/// `TemporaryName`.)
///
/// The signals are taken by Dispatch sources rather than C handlers, so the clean-up is
/// ordinary code on a Dispatch thread, not restricted to async-signal-safe calls.
enum Interrupts {
    private static let pending = Mutex<Set<String>>([])
    private static let installed = Mutex<[any DispatchSourceSignal]>([])

    /// Takes over the signals that end a process by default and that a user or a system
    /// sends to stop a run: SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGALRM. Once is enough,
    /// later calls do nothing.
    ///
    /// SIGPIPE is ignored instead. It is raised on the thread that writes to a closed pipe,
    /// at the write, and libdispatch cannot take it (its threads leave it unblocked, so its
    /// hand-over would raise it again and again). Ignored, the write fails with EPIPE, and
    /// the writer ends the run as the signal would have (`pipeClosed`). A SIGPIPE sent with
    /// `kill` is ignored too: no pipe is closed, and the run finishes.
    static func install() {
        installed.withLock { sources in
            guard sources.isEmpty else { return }
            // Inherited by programs this one would start; it starts none.
            signal(SIGPIPE, SIG_IGN)
            for sig in [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGALRM] {
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

    /// A write to a closed pipe (the reader of `missionmap … | head` has gone): removes the
    /// unfinished output files and ends the run as SIGPIPE would have, silently.
    static func pipeClosed() -> Never {
        pending.withLock { paths in
            for path in paths { unlink(path) }
            die(of: SIGPIPE)
        }
    }

    private static func interrupted(by sig: Int32) {
        // Holding the lock until exit: no file can be committed half-way through the clean-up.
        pending.withLock { paths in
            for path in paths { unlink(path) }
            let note = paths.isEmpty ? "" : "; removed \(paths.count) unfinished output file\(paths.count == 1 ? "" : "s")"
            // Not a reason to stay alive if standard error is gone too.
            _ = writeAll(STDERR_FILENO, Data("missionmap: interrupted\(note)\n".utf8))
            die(of: sig)
        }
    }

    /// Dies of the signal itself, so that shells and make see an interrupted program.
    private static func die(of sig: Int32) -> Never {
        signal(sig, SIG_DFL)
        // Unblocked on this thread first: a parent may have started us with it blocked.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        _exit(128 + sig)
    }
}
