/// The events of the posts a query asks for between two dates: what happened, where, and on
/// whose word. A sender query gives its posts abroad, a host query every sender's posts there.
public struct Changes: Sendable {
    /// One event with its post.
    public struct Entry: Sendable {
        public let post: Post
        public let event: MissionEvent
    }

    /// Whose posts: one sender's, or every sender's in a host (and city).
    public let query: Snapshot.Query
    public let from: Day
    public let to: Day
    /// Events after `from` up to and including `to`, by date (then file order).
    public let entries: [Entry]

    /// The sender a sender query looks from; nil for a host query.
    public var sender: Country? {
        if case .sender(let sender) = query { sender } else { nil }
    }

    public init(network: Network, sender: Country, from: Day, to: Day) {
        self.init(network: network, query: .sender(sender), from: from, to: to)
    }

    public init(network: Network, query: Snapshot.Query, from: Day, to: Day) {
        self.query = query
        self.from = from
        self.to = to
        var found: [Entry] = []
        // The same filter as a snapshot's, so that changes and snapshots agree on a city.
        for post in network.posts where Snapshot.asks(query, for: post) {
            for event in post.events where event.date.knownBy > from && event.date.knownBy <= to {
                found.append(Entry(post: post, event: event))
            }
        }
        entries = found.sorted { ($0.event.date.knownBy, $0.event.line) < ($1.event.date.knownBy, $1.event.line) }
    }
}
