/// The dates of a user's gallery where none are given: the day of the log's last event for
/// the query (the network as the log leaves it), and before it the day on which the network
/// had the most open posts (its earliest such day), where that is another day.
public enum GalleryDates {
    public static func defaults(in network: Network, query: Snapshot.Query) -> [Day] {
        let days = Set(network.posts.filter { Snapshot.asks(query, for: $0) }.flatMap { $0.events.map(\.date.knownBy) }).sorted()
        guard let last = days.last else { return [] }
        var largest = last, most = -1
        for day in days {
            let open = network.snapshot(query, asOf: day).countsByStatus[.open] ?? 0
            if open > most { (largest, most) = (day, open) }
        }
        return largest == last ? [last] : [largest, last]
    }
}
