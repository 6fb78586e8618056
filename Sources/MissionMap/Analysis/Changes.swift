/// The events of a sender's posts between two dates: what happened, where, and on whose word.
public struct Changes: Sendable {
    public struct Entry: Sendable, Equatable {
        public let date: String
        public let post: String
        public let host: String
        public let hostName: String
        public let city: String
        public let event: String
        public let accreditedFrom: String?
        public let counted: Bool
        public let source: String
        public let note: String
    }

    public let sender: String
    public let from: Day
    public let to: Day
    /// Events after `from` up to and including `to`, by date (then file order).
    public let entries: [Entry]

    public init(network: Network, sender: String, from: Day, to: Day) {
        self.sender = sender
        self.from = from
        self.to = to
        var found: [(Day, Int, Entry)] = []
        for post in network.posts where post.sender == sender {
            for event in post.events where event.date.knownBy > from && event.date.knownBy <= to {
                found.append((event.date.knownBy, event.line, Entry(
                    date: event.date.description, post: post.id, host: post.host,
                    hostName: network.gazetteer.country(code: post.host)?.name ?? post.host, city: post.city,
                    event: event.kind.rawValue, accreditedFrom: event.accreditedFrom, counted: post.counted,
                    source: event.source, note: event.note)))
            }
        }
        entries = found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The entries as a table (date, post, host, city, event, from, source).
    public var table: TextTable {
        TextTable(columns: ["date", "post", "host", "country", "city", "event", "accredited_from", "counted", "source"],
                  rows: entries.map { e in
                      [.text(e.date), .text(e.post), .text(e.host), .text(e.hostName), .text(e.city), .text(e.event),
                       .text(e.accreditedFrom ?? ""), .text(e.counted ? "yes" : "no"), .text(e.source)]
                  })
    }
}
