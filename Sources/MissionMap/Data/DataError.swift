/// A problem in an input file, located by file and line, printed as
/// `FILE:LINE: error: message` (or `warning:`), the form compilers and editors understand.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        // Messages quote input: whatever a call site did, no control or bidi character and no
        // flood reaches the terminal.
        self.message = Echo.message(message)
        self.severity = severity
    }

    /// `FILE:LINE: error: message`, or `FILE: error: message` when no line applies (line 0).
    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}
