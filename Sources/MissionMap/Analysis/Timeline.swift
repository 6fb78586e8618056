/// A sender's counts at a series of dates: the network over time, one series per sender.
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
        /// Open posts per UN region of the host (`Summary.unRegions`).
        case region
    }

    /// The figures of one sender on one day (counted posts only, as in `Snapshot.countsByStatus`).
    public struct Point: Sendable, Equatable {
        public var asOf: Day
        public var open = 0, crossAccredited = 0, closed = 0, suspended = 0, unknown = 0
        /// Open posts by type (types with none are left out).
        public var openByType: [PostType: Int] = [:]
        /// Open posts per UN region of the host, every region present; nil unless asked for.
        public var openByRegion: [String: Int]?

        public init(asOf: Day) {
            self.asOf = asOf
        }

        /// The figures of a sender's snapshot, with open posts per region if `byRegion`.
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
            for state in snapshot.posts(.open) where regions[state.post.host.region] != nil {
                regions[state.post.host.region]! += 1
            }
            openByRegion = regions
        }
    }

    /// One sender's points, one per step.
    public struct Series: Sendable {
        public let sender: Country
        public let points: [Point]
    }

    public let from: Day
    public let to: Day
    public let every: Interval
    public let by: Grouping?
    /// The days of the points, in order, the same for every series.
    public let steps: [Day]
    /// One series per sender, in the order the senders were selected.
    public let series: [Series]

    /// The timeline of `senders` on `steps` (from `steps(in:senders:from:to:every:)`).
    public init(network: Network, senders: [Country], from: Day, to: Day, every: Interval, by: Grouping?, steps: [Day]) {
        self.from = from
        self.to = to
        self.every = every
        self.by = by
        self.steps = steps
        series = senders.map { sender in
            Series(sender: sender, points: steps.map { Point(network.snapshot(.sender(sender), asOf: $0), byRegion: by == .region) })
        }
    }

    /// The steps for `senders` in `network`: for `event`, the days of their events.
    public static func steps(in network: Network, senders: [Country], from: Day, to: Day, every: Interval) -> [Day] {
        guard every == .event else { return steps(from: from, to: to, every: every, eventDays: []) }
        let codes = Set(senders.map(\.iso2))
        // Every sender's events make every series' steps, so that the series line up row by row.
        let days = network.posts.filter { codes.contains($0.sender.iso2) }.flatMap { $0.events.map(\.date.knownBy) }
        return steps(from: from, to: to, every: every, eventDays: days)
    }

    /// The days from `from` to `to` (`from <= to`), in order. Each step ends a period, so that
    /// it shows everything that happened in it (a partial date such as `2016-09` is known by
    /// its last day):
    /// - `month`: the last day of each month between the two dates, then `to` if it is not one;
    /// - `year`: 31 December of each year between them, then `to` if it is not one;
    /// - `event`: `from`, each day of `eventDays` between them, and `to`.
    /// `from` itself is a step only for `event` (or when it ends a period): a month's first day
    /// would repeat the end of the month before. The last step is always `to`, so that the
    /// series ends on the date asked for.
    public static func steps(from: Day, to: Day, every: Interval, eventDays: [Day]) -> [Day] {
        precondition(from <= to, "a timeline runs forwards")
        var days: [Day] = []
        switch every {
        case .month:
            var (year, month) = (from.year, from.month)
            while (year, month) <= (to.year, to.month) {
                let end = Day(year: year, month: month, day: Day.daysIn(year: year, month: month))!
                if end <= to { days.append(end) }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        case .year:
            for year in from.year...to.year {
                let end = Day(year: year, month: 12, day: 31)!
                if end <= to { days.append(end) }
            }
        case .event:
            days = Set(eventDays.filter { $0 > from && $0 < to } + [from]).sorted()
        }
        if days.last != to { days.append(to) }
        return days
    }
}
