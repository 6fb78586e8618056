/// A sender's counts at a series of dates: the network over time, one series per sender, or
/// one series of every sender's posts in a host.
///
/// Every step is a full snapshot (`Network.snapshot(.sender, asOf:)`), so a step's figures are
/// exactly those of `summary --as-of` that day. Replaying per step is fast enough that no
/// incremental replay is needed: 312 monthly steps of the bundled log add about 0.1 s.
public struct Timeline: Sendable {
    /// How far apart the steps are.
    public enum Interval: String, CaseIterable, Sendable {
        /// The last day of each month, so that a month's events are all in its step.
        case month
        /// 31 December of each year.
        case year
        /// Every day on which an event of the selection is known to have happened.
        case event
    }

    /// Extra columns of open posts.
    public enum Grouping: String, CaseIterable, Sendable {
        /// Open posts per UN region of the country on the far side: the host of a sender's
        /// post, the sender of a post in a host (`Summary.unRegions`).
        case region
    }

    /// The figures of one sender on one day (counted posts only, as in `Snapshot.countsByStatus`).
    public struct Point: Sendable, Equatable {
        public var asOf: Day
        public var open = 0, crossAccredited = 0, closed = 0, suspended = 0, unknown = 0
        /// Open and suspended posts: what a list of a network holds, and so the scope of the
        /// published counts (a dormant embassy stays on the list).
        public var posts: Int { open + suspended }
        /// Open posts by type (types with none are left out).
        public var openByType: [PostType: Int] = [:]
        /// Open posts per UN region of the far side's country, every region present; nil unless asked for.
        public var openByRegion: [String: Int]?

        public init(asOf: Day) {
            self.asOf = asOf
        }

        /// The figures of a snapshot, with open posts per region if `byRegion`.
        public init(_ snapshot: Snapshot, byRegion: Bool) {
            asOf = snapshot.asOf
            let counts = snapshot.countsByStatus
            open = counts[.open]!
            crossAccredited = counts[.crossAccredited]!
            closed = counts[.closed]!
            suspended = counts[.suspended]!
            unknown = counts[.unknown]!
            openByType = snapshot.openByType
            guard byRegion else { return }
            var regions = Dictionary(uniqueKeysWithValues: Summary.unRegions.map { ($0, 0) })
            // A host outside the five regions (none in the bundled gazetteer) is in no column.
            for state in snapshot.posts(.open) {
                let region = snapshot.counterpart(state.post).region
                if regions[region] != nil { regions[region]! += 1 }
            }
            openByRegion = regions
        }
    }

    /// One query's points (a sender's posts abroad, or the posts in a host), one per step.
    public struct Series: Sendable {
        public let query: Snapshot.Query
        public let points: [Point]

        /// The country the series looks from: the sender, or the host.
        public var country: Country {
            switch query {
            case .sender(let sender): sender
            case .host(let host, _): host
            }
        }

        /// The sender, for a sender's series; nil for a host's.
        public var sender: Country? {
            if case .sender(let sender) = query { sender } else { nil }
        }
    }

    public let from: Day
    public let to: Day
    public let every: Interval
    public let by: Grouping?
    /// The days of the points, in order, the same for every series.
    public let steps: [Day]
    /// One series per query, in the order the senders were selected.
    public let series: [Series]

    /// The timeline of `senders` on `steps` (from `steps(in:senders:from:to:every:)`).
    public init(network: Network, senders: [Country], from: Day, to: Day, every: Interval, by: Grouping?, steps: [Day]) {
        self.init(network: network, queries: senders.map { .sender($0) }, from: from, to: to, every: every, by: by, steps: steps)
    }

    /// The timeline of `queries` on `steps` (from `steps(in:queries:from:to:every:)`).
    public init(network: Network, queries: [Snapshot.Query], from: Day, to: Day, every: Interval, by: Grouping?, steps: [Day]) {
        self.from = from
        self.to = to
        self.every = every
        self.by = by
        self.steps = steps
        series = queries.map { query in
            Series(query: query, points: steps.map { Point(network.snapshot(query, asOf: $0), byRegion: by == .region) })
        }
    }

    /// The steps for `senders` in `network`: for `event`, the days of their events.
    public static func steps(in network: Network, senders: [Country], from: Day, to: Day, every: Interval) -> [Day] {
        steps(in: network, queries: senders.map { .sender($0) }, from: from, to: to, every: every)
    }

    /// The steps for `queries` in `network`: for `event`, the days of the events of their posts.
    public static func steps(in network: Network, queries: [Snapshot.Query], from: Day, to: Day, every: Interval) -> [Day] {
        guard every == .event else { return steps(from: from, to: to, every: every, eventDays: []) }
        // Every query's events make every series' steps, so that the series line up row by row;
        // with those of the posts that cover them from elsewhere, whose closing ends a cover.
        let asked = network.posts.filter { post in queries.contains { Snapshot.asks($0, for: post) } }
        let covering = Set(asked.flatMap { $0.events.compactMap(\.accreditedFrom) })
        let days = (asked + network.posts.filter { covering.contains($0.id) }).flatMap { $0.events.map(\.date.knownBy) }
        return steps(from: from, to: to, every: every, eventDays: days)
    }

    /// The days from `from` to `to` (`from <= to`), in order, counted from `from` as a reader
    /// of a monthly or yearly series expects (`--from 2023-09-01` gives 1 September, 1 October,
    /// ...), so that the steps are the dates of the monthly counts people publish:
    /// - `month`: `from` and the same day of each later month (the month's last day where it
    ///   is shorter: 31 January, 29 February, 31 March);
    /// - `year`: `from` and the same day of each later year (28 February for 29 February);
    /// - `event`: `from`, each day of `eventDays` between them, and `to`.
    /// A step shows everything known by its day (a partial date such as `2016-09` is known by
    /// its last day). The last step is always `to`, so that the series ends on the date asked for.
    public static func steps(from: Day, to: Day, every: Interval, eventDays: [Day]) -> [Day] {
        precondition(from <= to, "a timeline runs forwards")
        var days: [Day] = []
        switch every {
        case .month, .year:
            let months = every == .month ? 1 : 12
            var index = 0
            while true {
                let total = from.year * 12 + (from.month - 1) + index * months
                let (year, month) = (total / 12, total % 12 + 1)
                let day = Day(year: year, month: month, day: min(from.day, Day.daysIn(year: year, month: month)))!
                guard day <= to else { break }
                days.append(day)
                index += 1
            }
        case .event:
            days = Set(eventDays.filter { $0 > from && $0 < to } + [from]).sorted()
        }
        if days.last != to { days.append(to) }
        return days
    }
}
