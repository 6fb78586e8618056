/// What the interactive page shows at every date, worked out here so that the page's script
/// only looks it up: the snapshot of every event day of the selection (statuses are constant
/// between event days), turned into status intervals per post, per country and per
/// accreditation link, and, per step, the summary and the events that led to it.
///
/// Step 0 is the state before the first event (the evidence horizon's unknown posts); step
/// `i > 0` holds from `days[i]` until the day before the next step.
public struct PageData: Sendable {
    /// A value from `from` to `to`, both included; nil ends are open (before the first step,
    /// after the last).
    public struct Interval: Sendable, Equatable {
        public let from: Day?
        public let to: Day?
        public let value: String
    }

    /// The state of one step: its first day (nil for the state before the first event), the
    /// figures of `summary --as-of` that day, and the events after the previous step up to it.
    public struct Step: Sendable {
        public let day: Day?
        public let summary: Summary
        public let changes: [Changes.Entry]
    }

    /// What a post is on a day it does not exist yet (no event and no later attestation).
    public static let absent = "absent"

    public let query: Snapshot.Query
    /// The slider's ends: the first event of the selection and the page's date.
    public let first: Day
    public let last: Day
    public let steps: [Step]
    /// Post status intervals by post id, in file order.
    public let posts: [(id: String, intervals: [Interval])]
    /// Country status intervals (`HostStatus`) by ISO code, for every country that is ever
    /// other than `none`.
    public let countries: [(iso: String, intervals: [Interval])]
    /// Each accreditation ever in force in the period: the covering and covered post as first
    /// seen (for the map's arcs), and the intervals ("on"/"off") of its link, "covered>covering".
    public let links: [(from: PostState, to: PostState, key: String, intervals: [Interval])]

    /// The page of `query` from its first event up to `asOf`. Regional land, population and
    /// distance figures come with `geography` (nil leaves them out).
    public init(network: Network, query: Snapshot.Query, asOf: Day, geography: Geography?) throws {
        self.query = query
        // A post's status rests on its own events and on its covering post's (which may lie
        // in another host): both make steps.
        let asked = network.posts.filter { Snapshot.asks(query, for: $0) }
        let covering = Set(asked.flatMap { $0.events.compactMap(\.accreditedFrom) })
        let involved = network.posts.filter { Snapshot.asks(query, for: $0) || covering.contains($0.id) }
        let eventDays = involved.flatMap { $0.events.map(\.date.knownBy) }
        let first = min(eventDays.min() ?? asOf, asOf)
        self.first = first
        last = asOf
        let days = Timeline.steps(from: first, to: asOf, every: .event, eventDays: eventDays)
        // Before the first event nothing has happened, so any earlier day stands for all of them.
        let before = first.previous ?? first
        let starts: [Day?] = [nil] + days
        let snapshots = ([before] + days).map { network.snapshot(query, asOf: $0) }

        var steps: [Step] = []
        for (i, snapshot) in snapshots.enumerated() {
            let summary = try Summary(snapshot, gazetteer: network.gazetteer, by: .region, geography: geography)
            let changes = i == 0 ? [] : Changes(network: network, query: query, from: i == 1 ? before : days[i - 2], to: days[i - 1]).entries
            steps.append(Step(day: starts[i], summary: summary, changes: changes))
        }
        self.steps = steps

        // Posts: every post of the last step (a post exists from its first event on, and
        // never leaves the snapshot), in file order.
        let postIDs = snapshots.last!.posts.map(\.post.id)
        let statusByStep = snapshots.map { snapshot in
            Dictionary(uniqueKeysWithValues: snapshot.posts.map { ($0.post.id, $0.status.rawValue) })
        }
        posts = postIDs.map { id in
            (id, PageData.intervals(starts: starts, values: statusByStep.map { $0[id] ?? PageData.absent }))
        }

        let countryByStep = snapshots.map(\.countryStatuses)
        var codes: [String] = []
        for statuses in countryByStep {
            for code in statuses.keys.sorted() where statuses[code] != HostStatus.none && !codes.contains(code) { codes.append(code) }
        }
        countries = codes.sorted().map { code in
            (code, PageData.intervals(starts: starts, values: countryByStep.map { ($0[code] ?? .none).rawValue }))
        }

        // Links: the first time each is seen gives its arc and tooltip.
        var seen: [(from: PostState, to: PostState, key: String)] = []
        var inForce: [Set<String>] = []
        for snapshot in snapshots {
            var keys: Set<String> = []
            for link in snapshot.accreditations {
                let key = "\(link.to.post.id)>\(link.from.post.id)"
                keys.insert(key)
                if !seen.contains(where: { $0.key == key }) { seen.append((link.from, link.to, key)) }
            }
            inForce.append(keys)
        }
        links = seen.map { link in
            (link.from, link.to, link.key, PageData.intervals(starts: starts, values: inForce.map { $0.contains(link.key) ? "on" : "off" }))
        }
    }

    /// The step in force on `day`: the last whose first day is not after it (step 0 before the first event).
    public func step(on day: Day) -> Step {
        steps[PageData.index(on: day, starts: steps.map(\.day))]
    }

    /// A post's status on `day` (`absent` before it exists); nil for a post not in the page.
    public func status(ofPost id: String, on day: Day) -> String? {
        posts.first { $0.id == id }.map { PageData.value(on: day, in: $0.intervals) }
    }

    /// A country's `HostStatus` on `day` (`none` for a country never covered).
    public func status(ofCountry iso: String, on day: Day) -> String {
        countries.first { $0.iso == iso }.map { PageData.value(on: day, in: $0.intervals) } ?? HostStatus.none.rawValue
    }

    /// The value of the interval that holds `day`, by binary search (the page's script does the same).
    static func value(on day: Day, in intervals: [Interval]) -> String {
        intervals[index(on: day, starts: intervals.map(\.from))].value
    }

    /// The index of the last start not after `day`; starts are ascending, the first nil (open).
    static func index(on day: Day, starts: [Day?]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if let start = starts[mid], start <= day { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Consecutive equal values merged into intervals; `starts[i]` is where value `i` begins.
    static func intervals(starts: [Day?], values: [String]) -> [Interval] {
        var result: [Interval] = []
        var i = 0
        while i < values.count {
            var j = i
            while j + 1 < values.count && values[j + 1] == values[i] { j += 1 }
            let end = j + 1 < starts.count ? starts[j + 1]?.previous : nil
            result.append(Interval(from: starts[i], to: end, value: values[i]))
            i = j + 1
        }
        return result
    }
}

extension Snapshot.Query {
    /// Whether the query looks from a host (every sender's posts in it).
    var isHost: Bool {
        if case .host = self { true } else { false }
    }
}
