/// A sender or host named on the command line that the log cannot serve, phrased for the user.
public struct SelectionError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension Network {
    /// The sender a command means, as an ISO alpha-2 code: the one named (a code, name or alias,
    /// which must have posts in the log), else `fallback` (KP for the bundled log), else the
    /// log's only sender. Never a guess: a log with several senders and no choice is an error
    /// that lists them, and a sender absent from the log is an error with a "did you mean".
    public func sender(named text: String?, fallback: String?, log: String) throws -> String {
        let present = senders
        guard let text else {
            if let fallback, present.contains(fallback) { return fallback }
            if present.count == 1 { return present[0] }
            throw SelectionError("\(log) has \(present.count) senders (\(listed(present))): choose one with --sender")
        }
        let code = gazetteer.country(matching: text)?.iso2
        if let code, present.contains(code) { return code }
        let what = code.map { "\(name(of: $0)) (\($0)) has no posts in \(log)" } ?? "unknown sender '\(Echo.quoted(text))'"
        let hint = closestSender(to: text, among: present).map { "; did you mean \(name(of: $0)) (\($0))?" }
            ?? (code == nil ? gazetteer.suggestion(forCountry: text).map { "; did you mean \($0)?" } : nil) ?? ""
        throw SelectionError("\(what)\(hint.isEmpty ? "." : hint) Senders in \(log): \(listed(present)).")
    }

    private func name(of code: String) -> String {
        gazetteer.country(code: code)?.name ?? code
    }

    /// Up to twelve senders by code, then how many more.
    private func listed(_ codes: [String]) -> String {
        codes.count <= 12 ? codes.joined(separator: ", ") : codes.prefix(12).joined(separator: ", ") + " and \(codes.count - 12) more"
    }

    /// The log's sender whose name or code is within a typing slip of `text`.
    private func closestSender(to text: String, among codes: [String]) -> String? {
        var byName: [String: String] = [:]
        for code in codes.reversed() {
            byName[Gazetteer.fold(code)] = code
            byName[Gazetteer.fold(name(of: code))] = code
        }
        return closestMatch(to: Gazetteer.fold(text), among: byName.keys).flatMap { byName[$0] }
    }
}
