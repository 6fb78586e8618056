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
        case .all: network.senders
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
    /// The senders named (codes, names or aliases, each of which must have posts in the log),
    /// in the order named and each once; with no name, the one `sender(named:fallback:log:)`
    /// falls back to.
    public func selection(senders names: [String], fallback: String?, log: String) throws -> Selection {
        guard !names.isEmpty else { return .sender(try sender(named: nil, fallback: fallback, log: log)) }
        var senders: [Country] = []
        for name in names {
            let sender = try sender(named: name, fallback: fallback, log: log)
            if !senders.contains(sender) { senders.append(sender) }
        }
        return senders.count == 1 ? .sender(senders[0]) : .senders(senders)
    }

    /// The sender a command means: the one named (a code, name or alias, which must have
    /// posts in the log), else `fallback` (KP for the bundled log), else the log's only sender.
    /// Never a guess: a log with several senders and no choice is an error that lists them,
    /// and a sender absent from the log is an error with a "did you mean".
    public func sender(named text: String?, fallback: String?, log: String) throws -> Country {
        let present = senders
        guard let text else {
            if let fallback, let sender = present.first(where: { $0.iso2 == fallback }) { return sender }
            if present.count == 1 { return present[0] }
            throw SelectionError("\(log) has \(present.count) senders (\(listed(present))): choose one with --sender")
        }
        return try country(named: text, among: present, role: "sender", absent: "has no posts", log: log)
    }

    /// Every country where some sender of the log has a post, by code.
    public var hosts: [Country] {
        Set(posts.map(\.host)).sorted { $0.iso2 < $1.iso2 }
    }

    /// The host a command means (a code, name or alias), which must hold a post of some sender
    /// in the log: like `sender(named:fallback:log:)`, an absent host is an error with a
    /// "did you mean" among the log's hosts.
    public func host(named text: String, log: String) throws -> Country {
        try country(named: text, among: hosts, role: "host", absent: "holds no post", log: log)
    }

    /// The country `text` names (code, name or alias) if it is among `present`; else an error
    /// that says why (unknown, or not a `role` of the log), with a "did you mean" and the list.
    private func country(named text: String, among present: [Country], role: String, absent: String, log: String) throws -> Country {
        let named = gazetteer.country(matching: text)
        if let named, present.contains(named) { return named }
        let what = named.map { "\($0.name) (\($0.iso2)) \(absent) in \(log)" } ?? "unknown \(role) '\(Echo.quoted(text))'"
        var hint = closestCountry(to: text, among: present).map { "; did you mean \($0.name) (\($0.iso2))?" } ?? ""
        if hint.isEmpty, named == nil {
            // A country of the gazetteer that is close but not in the log: named, and told absent,
            // so that the user does not retype it only to meet a second error.
            let elsewhere = closestCountry(to: text, among: gazetteer.countries)
                ?? closestCountry(to: text, among: gazetteer.countries, byConsonants: true)
            if let elsewhere {
                hint = "; did you mean \(elsewhere.name) (\(elsewhere.iso2))? It \(absent) in \(log)."
            } else if let suggestion = gazetteer.suggestion(forCountry: text) {
                hint = "; did you mean \(suggestion)? It \(absent) in \(log)."
            }
        }
        throw SelectionError("\(what)\(hint.isEmpty ? "." : hint) \(role.prefix(1).uppercased() + role.dropFirst())s in \(log): \(listed(present)).")
    }

    /// The city of `host` a command means, as the log spells it: it must hold a resident post
    /// (the cities a host query with a city can find), else the error lists those that do.
    public func city(named text: String, in host: Country, log: String) throws -> String {
        var cities: [String] = []
        for post in posts where post.host == host && post.isResident && !cities.contains(post.city) { cities.append(post.city) }
        if let city = cities.first(where: { Gazetteer.fold($0) == Gazetteer.fold(text) }) { return city }
        let close = closestMatch(to: Gazetteer.fold(text), among: cities.map(Gazetteer.fold)).flatMap { key in cities.first { Gazetteer.fold($0) == key } }
        let hint = close.map { "; did you mean \($0)?" } ?? "."
        let list = cities.isEmpty ? "none" : cities.sorted().joined(separator: ", ")
        throw SelectionError("no post in '\(Echo.quoted(text))', \(host.name) (\(host.iso2)), in \(log)\(hint) Cities with posts there: \(list).")
    }

    /// Every sender's posts in the host named, or in one of its cities.
    public func selection(host text: String, city: String?, log: String) throws -> Selection {
        let host = try host(named: text, log: log)
        return .host(host, city: try city.map { try self.city(named: $0, in: host, log: log) })
    }

    /// Up to twelve countries by code, then how many more.
    private func listed(_ senders: [Country]) -> String {
        let codes = senders.map(\.iso2)
        return codes.count <= 12 ? codes.joined(separator: ", ") : codes.prefix(12).joined(separator: ", ") + " and \(codes.count - 12) more"
    }

    /// The country (of the log's senders or hosts) whose name or code is within a typing slip of `text`.
    /// `byConsonants`: compared without their vowels after the first letter, which finds
    /// names typed in a hurry ("Islnd" for Iceland) that are too many edits away in full.
    private func closestCountry(to text: String, among countries: [Country], byConsonants: Bool = false) -> Country? {
        let key: (String) -> String = byConsonants ? { consonantSkeleton(Gazetteer.fold($0)) } : { Gazetteer.fold($0) }
        var byName: [String: Country] = [:]
        for sender in countries.reversed() {
            if !byConsonants { byName[key(sender.iso2)] = sender }
            byName[key(sender.name)] = sender
        }
        return closestMatch(to: key(text), among: byName.keys).flatMap { byName[$0] }
    }
}
