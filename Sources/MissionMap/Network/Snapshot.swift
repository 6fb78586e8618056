import GeoKit

/// A post as it stands on the snapshot's date.
public struct PostState: Sendable {
    public let post: Post
    public let status: PostStatus
    /// For a cross-accredited post: the resident post that covers it.
    public let accreditedFrom: String?
    /// The date the accreditation in force began.
    public let accreditedSince: EventDate?
    /// The date of the last `opened` event so far (nil if only attested).
    public let opened: EventDate?
    /// The date of the last `closed` event, for a post no longer resident.
    public let closed: EventDate?
    /// The last event up to the date: the row the status rests on, with its source.
    public let basis: MissionEvent
}

/// The posts a query asks for, as they stand on a date: every post with at least one event by
/// then, and, as `unknown`, every post whose first evidence is a later attestation.
///
/// A query looks from one side: a sender's posts abroad, or every sender's posts in one host
/// (and city). The country on the far side of each post is its `counterpart`.
public struct Snapshot: Sendable {
    /// Which posts a snapshot holds.
    public enum Query: Sendable, Hashable {
        /// One sender's posts abroad.
        case sender(Country)
        /// Every sender's posts in one host, or in one city of it.
        case host(Country, city: String?)
    }

    public let asOf: Day
    public let query: Query
    /// Posts in file order, counted or not.
    public let posts: [PostState]
    /// The posts that cover those of the query from elsewhere (outside a host), by id.
    private let covering: [String: PostState]

    init(network: Network, query: Query, asOf: Day) {
        self.asOf = asOf
        self.query = query
        // A cover's state depends on its covering post, which is the same sender's and may be
        // in another host: replay whole senders, then keep the posts asked for.
        // By code: a snapshot of each of hundreds of senders scans every post.
        let replayed: [Replay]
        switch query {
        case .sender(let sender):
            let code = sender.iso2
            replayed = network.posts.compactMap { $0.sender.iso2 == code ? Replay(post: $0, asOf: asOf) : nil }
        case .host(let host, _):
            let senders = Set(network.posts.filter { $0.host.iso2 == host.iso2 }.map(\.sender.iso2))
            replayed = network.posts.compactMap { senders.contains($0.sender.iso2) ? Replay(post: $0, asOf: asOf) : nil }
        }
        let residents = Dictionary(uniqueKeysWithValues: replayed.map { ($0.post.id, $0.resident) })
        let state = { (r: Replay) in r.state(covering: r.accreditedFrom.flatMap { residents[$0] }) }
        // The states of the posts asked for, then of the few others that cover them: no list of
        // every state beside these (a large log's states are most of a snapshot's memory).
        var posts: [PostState] = [], others: [Int] = []
        for (i, r) in replayed.enumerated() {
            if Snapshot.asks(query, for: r.post) { posts.append(state(r)) } else { others.append(i) }
        }
        self.posts = posts
        let wanted = Set(posts.compactMap(\.accreditedFrom))
        covering = Dictionary(uniqueKeysWithValues: others.lazy.filter { wanted.contains(replayed[$0].post.id) }.map { (replayed[$0].post.id, state(replayed[$0])) })
    }

    /// Whether a query takes in a post. A city holds the posts resident in it, not the hosts
    /// covered from elsewhere (which the log places at the capital); an empty city is the capital.
    static func asks(_ query: Query, for post: Post) -> Bool {
        switch query {
        case .sender(let sender): post.sender == sender
        case .host(let host, nil): post.host == host
        case .host(let host, let city?):
            post.host == host && post.isResident
                && Gazetteer.fold(post.city) == Gazetteer.fold(city.isEmpty ? host.capital : city)
        }
    }

    /// The sender a sender query looks from; nil for a host query.
    public var sender: Country? {
        if case .sender(let sender) = query { sender } else { nil }
    }

    /// The country on the far side of a post: its host seen from a sender, its sender seen from a host.
    public func counterpart(_ post: Post) -> Country {
        if case .sender = query { post.host } else { post.sender }
    }

    /// The posts that count in the figures (all but those flagged `counted=no`).
    public var countedPosts: [PostState] {
        posts.filter(\.post.counted)
    }

    /// The counted posts with a given status.
    public func posts(_ status: PostStatus) -> [PostState] {
        countedPosts.filter { $0.status == status }
    }

    /// The number of counted posts with each status (every status present, zero or not).
    public var countsByStatus: [PostStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: PostStatus.allCases.map { ($0, 0) })
        for p in countedPosts { counts[p.status, default: 0] += 1 }
        return counts
    }

    /// Open counted posts per type.
    public var openByType: [PostType: Int] {
        Dictionary(grouping: posts(.open), by: \.post.type).mapValues(\.count)
    }

    /// The status of every country on the far side of a counted bilateral post (the hosts of
    /// a sender, the senders in a host), by ISO code: a mission to the UN in New York is not a
    /// post in the US. The country looked from is not in it: maps mark it themselves.
    public var countryStatuses: [String: HostStatus] {
        var result: [String: HostStatus] = [:]
        let rank = HostStatus.precedence
        for state in countedPosts where state.post.type.isBilateral {
            let status = HostStatus(state.status)
            let code = counterpart(state.post).iso2
            let current = result[code] ?? .none
            if rank.firstIndex(of: status)! < rank.firstIndex(of: current)! { result[code] = status }
        }
        return result
    }

    /// The post with this id, if it is in the snapshot or covers one of its posts.
    public func post(id: String) -> PostState? {
        posts.first { $0.post.id == id } ?? covering[id]
    }

    /// Each cross-accreditation in force of the snapshot's posts: the covering post (wherever
    /// it is) and the covered one.
    public var accreditations: [(from: PostState, to: PostState)] {
        // Only the covering posts by id, not every post.
        let from = Set(posts.lazy.filter { $0.status == .crossAccredited }.compactMap(\.accreditedFrom))
        let byID = Dictionary(uniqueKeysWithValues: posts.lazy.filter { from.contains($0.post.id) }.map { ($0.post.id, $0) }).merging(covering) { a, _ in a }
        return posts.filter { $0.status == .crossAccredited }.compactMap { covered in
            covered.accreditedFrom.flatMap { byID[$0] }.map { (from: $0, to: covered) }
        }
    }
}

/// The events of one post replayed up to a date: the one state machine that both
/// snapshots and validation use.
struct Replay {
    /// The post's own (resident) presence. `unknown`: the date lies before the post's first
    /// evidence, and that evidence is an attestation, so the log cannot say what it was.
    enum Resident { case unknown, none, planned, open, suspended, closed }

    let post: Post
    var resident = Resident.none
    var accreditedFrom: String?
    var accreditedSince: EventDate?
    var opened: EventDate?
    var closed: EventDate?
    /// The last event up to the date; for an unknown post, its first evidence (a later row).
    let basis: MissionEvent

    /// The post as of a date; nil if none of its events has happened by then and its first
    /// event is not an attestation (it did not exist yet: it opens, or is covered, later).
    init?(post: Post, asOf: Day) {
        self.post = post
        let events = post.events.prefix { $0.date.knownBy <= asOf }
        guard let last = events.last else {
            guard let first = post.events.first, first.kind == .attested else { return nil }
            resident = .unknown
            basis = first
            return
        }
        basis = last
        for e in events {
            resident = Replay.resident(after: e.kind, from: resident)
            switch e.kind {
            case .opened: opened = e.date
            case .closed: closed = e.date
            case .accredited: accreditedFrom = e.accreditedFrom; accreditedSince = e.date
            case .accreditationEnded: accreditedFrom = nil; accreditedSince = nil
            case .attested, .resumed, .suspended, .planned: break
            }
        }
    }

    /// The resident state after an event.
    static func resident(after kind: EventKind, from state: Resident) -> Resident {
        switch kind {
        case .opened, .attested, .resumed: .open
        case .closed: .closed
        case .suspended: .suspended
        case .planned: state == .none ? .planned : state
        case .accredited, .accreditationEnded: state
        }
    }

    /// The status, given the resident state of the post that covers this one (if any) on the
    /// date. A cover is in force while the covering post is open, suspended with it while it
    /// is suspended, and ended once it closes. A host that was never resident and has lost
    /// its cover is `uncovered`, not `closed`: nothing resident closed.
    func state(covering: Resident?) -> PostState {
        let cover: PostStatus? = switch accreditedFrom == nil ? nil : covering {
        case .open: .crossAccredited
        case .suspended: .suspended
        default: nil
        }
        let status: PostStatus = switch resident {
        case .unknown: .unknown
        case .open: .open
        case .suspended: .suspended
        case _ where cover != nil: cover!
        case .planned: .planned
        case .closed: .closed
        case .none: .uncovered
        }
        let coverInForce = cover != nil && status == cover
        return PostState(post: post, status: status,
                         accreditedFrom: coverInForce ? accreditedFrom : nil,
                         accreditedSince: coverInForce ? accreditedSince : nil,
                         opened: opened, closed: status == .open ? nil : closed, basis: basis)
    }
}
