/// The events of the posts a query asks for between two dates: what happened, where, and on
/// whose word. A sender query gives its posts abroad, a host query every sender's posts there;
/// several sender queries give each sender's, in one list by date.
public struct Changes: Sendable {
    /// One event with its post.
    public struct Entry: Sendable {
        public let post: Post
        public let event: MissionEvent
    }

    /// Whose posts: one sender's or several, or every sender's in a host (and city).
    public let queries: [Snapshot.Query]
    /// A UN region or subregion of the far side (the host seen from a sender, the sender seen
    /// from a host) that posts must lie in; nil for the world.
    public let region: String?
    /// Exclusive: events on this day are not listed (they are in a snapshot of this day).
    public let from: Day
    /// Inclusive.
    public let to: Day
    /// Events after `from` up to and including `to`, by date (then file order).
    public let entries: [Entry]

    /// The first (for one sender or a host, the only) query.
    public var query: Snapshot.Query { queries[0] }

    /// The sender a single sender query looks from; nil for a host query or several senders.
    public var sender: Country? {
        if queries.count == 1, case .sender(let sender) = query { sender } else { nil }
    }

    public init(network: Network, sender: Country, from: Day, to: Day) {
        self.init(network: network, query: .sender(sender), from: from, to: to)
    }

    public init(network: Network, query: Snapshot.Query, from: Day, to: Day) {
        self.init(network: network, queries: [query], from: from, to: to)
    }

    /// `queries` are sender queries, or one host query.
    public init(network: Network, queries: [Snapshot.Query], region: String? = nil, from: Day, to: Day) {
        precondition(!queries.isEmpty, "changes need a query")
        self.queries = queries
        self.region = region
        self.from = from
        self.to = to
        var found: [Entry] = []
        // The same filter as a snapshot's, so that changes and snapshots agree on a city.
        for post in network.posts where queries.contains(where: { Snapshot.asks($0, for: post) }) {
            if let region {
                let far = queries[0].hostCountry == nil ? post.host : post.sender
                guard network.gazetteer.isCountry(far.iso2, in: region) else { continue }
            }
            for event in post.events where event.date.knownBy > from && event.date.knownBy <= to {
                found.append(Entry(post: post, event: event))
            }
        }
        entries = found.sorted { ($0.event.date.knownBy, $0.event.line) < ($1.event.date.knownBy, $1.event.line) }
    }
}

extension Snapshot.Query {
    /// The host a host query looks at; nil for a sender query.
    var hostCountry: Country? {
        if case .host(let host, _) = self { host } else { nil }
    }
}
