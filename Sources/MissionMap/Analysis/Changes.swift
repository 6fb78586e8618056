/// The events of a sender's posts between two dates: what happened, where, and on whose word.
public struct Changes: Sendable {
    /// One event with its post.
    public struct Entry: Sendable {
        public let post: Post
        public let event: MissionEvent
    }

    public let sender: Country
    public let from: Day
    public let to: Day
    /// Events after `from` up to and including `to`, by date (then file order).
    public let entries: [Entry]

    public init(network: Network, sender: Country, from: Day, to: Day) {
        self.sender = sender
        self.from = from
        self.to = to
        var found: [Entry] = []
        for post in network.posts where post.sender == sender {
            for event in post.events where event.date.knownBy > from && event.date.knownBy <= to {
                found.append(Entry(post: post, event: event))
            }
        }
        entries = found.sorted { ($0.event.date.knownBy, $0.event.line) < ($1.event.date.knownBy, $1.event.line) }
    }
}
