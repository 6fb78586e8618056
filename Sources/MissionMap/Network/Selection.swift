/// A sender or host named on the command line that the log cannot serve, phrased for the user.
public struct SelectionError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Which posts a command is about, resolved against a log.
public enum Selection: Sendable, Equatable {
    /// One sender's posts abroad.
    case sender(Country)
    /// Several senders' posts abroad, in the order named.
    case senders([Country])
    /// Every sender of the log.
    case all
    /// Every sender's posts in one host, or in one city of it.
    case host(Country, city: String?)

    /// The senders selected, in order: none for a host.
    public func senders(in network: Network) -> [Country] {
        switch self {
        case .sender(let sender): [sender]
        case .senders(let senders): senders
        case .all: network.senders.compactMap { network.gazetteer.country(code: $0) }
        case .host: []
        }
    }

    /// The snapshot queries: one per sender, or the host's.
    public func queries(in network: Network) -> [Snapshot.Query] {
        if case .host(let host, let city) = self { return [.host(host, city: city)] }
        return senders(in: network).map { .sender($0) }
    }
}

extension Network {
    /// The selection `--sender` asks for: `all`, a comma-separated list of senders, or one
    /// sender (see `sender(named:fallback:log:)`, which also says what no choice means).
    public func selection(senders text: String?, fallback: String?, log: String) throws -> Selection {
        guard let text else { return .sender(try country(sender(named: nil, fallback: fallback, log: log))) }
        if text.lowercased() == "all" { return .all }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { CSVTable.trimmed(String($0)) }
        let codes = try names.map { try sender(named: $0, fallback: fallback, log: log) }
        let senders = codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.map(country)
        return senders.count == 1 ? .sender(senders[0]) : .senders(senders)
    }

    private func country(_ code: String) -> Country {
        gazetteer.country(code: code)!
    }

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
