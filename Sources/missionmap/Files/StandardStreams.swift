import Foundation

/// Standard output and error, written with write(2): FileHandle's write traps on any error
/// (`> /dev/full`), and a closed pipe must end the run as SIGPIPE would (see `Interrupts`).
enum StandardStreams {
    static func output(_ data: Data) throws {
        guard let reason = writeAll(STDOUT_FILENO, data) else { return }
        if reason == EPIPE { Interrupts.pipeClosed() }
        throw CommandFailure("cannot write to standard output: \(String(cString: strerror(reason)))")
    }

    /// Diagnostics: another error writing them has nowhere to be reported.
    static func error(_ data: Data) {
        if writeAll(STDERR_FILENO, data) == EPIPE { Interrupts.pipeClosed() }
    }
}
