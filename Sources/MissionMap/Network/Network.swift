/// Every post of a missions log, geocoded, with the gazetteer it was read against.
public struct Network: Sendable {
    public let posts: [Post]
    public let gazetteer: Gazetteer
    /// Non-fatal findings of loading (rows without a source, ...).
    public let warnings: [DataError]

    public init(posts: [Post], gazetteer: Gazetteer, warnings: [DataError] = []) {
        self.posts = posts
        self.gazetteer = gazetteer
        self.warnings = warnings
    }

    /// The senders present, sorted by ISO code.
    public var senders: [Country] {
        Set(posts.map(\.sender)).sorted { $0.iso2 < $1.iso2 }
    }

    /// The posts a query asks for, as they stand on `date`.
    public func snapshot(_ query: Snapshot.Query, asOf date: Day) -> Snapshot {
        Snapshot(network: self, query: query, asOf: date)
    }

    /// The network of the sender with this ISO code on `date`; the code must be the gazetteer's
    /// (resolve what a user typed with `sender(named:fallback:log:)` first).
    public func snapshot(sender code: String, asOf date: Day) -> Snapshot {
        guard let sender = gazetteer.country(code: code) else { preconditionFailure("\(code) is not in the gazetteer") }
        return snapshot(.sender(sender), asOf: date)
    }
}
