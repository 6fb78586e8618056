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

    /// The senders present, sorted.
    public var senders: [String] {
        Array(Set(posts.map(\.sender))).sorted()
    }

    /// The state of the network of `sender` on `date`.
    public func snapshot(sender: String, asOf date: Day) -> Snapshot {
        Snapshot(network: self, sender: sender.uppercased(), asOf: date)
    }
}
