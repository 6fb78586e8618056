/// What a map looks from, which decides what its countries stand for and what its header,
/// tooltips and legend say. From a sender, the countries are the hosts of its posts, filled by
/// their host status; from a host, they are the senders, filled by the status of their own
/// posts there, and the host itself is marked as such.
struct MapSide {
    /// How a country is filled: its status, or, on a host's map, the host itself or a sender
    /// whose only post there is planned (a planned post makes no host status).
    enum Fill: Hashable {
        case status(HostStatus)
        case planned
        case host

        /// The country's class, after `host-`.
        var name: String {
            switch self {
            case .status(let status): status.rawValue
            case .planned: "planned"
            case .host: "host"
            }
        }
    }

    let snapshot: Snapshot
    /// The country the map looks from: the sender, or the host.
    let country: Country
    let side: MapModel.Side

    init(_ snapshot: Snapshot) {
        self.snapshot = snapshot
        switch snapshot.query {
        case .sender(let sender): (country, side) = (sender, .sender)
        case .host(let host, _): (country, side) = (host, .host)
        }
    }

    /// The city of a host query, if one was asked for.
    var city: String? {
        if case .host(_, let city) = snapshot.query { city } else { nil }
    }

    /// Where the host's posts are, in words: "North Korea", or "Pyongyang, North Korea".
    var place: String {
        city.map { "\($0), \(country.name)" } ?? country.name
    }

    /// The fill of every country the snapshot says something about, by code.
    var fills: [String: Fill] {
        var fills = snapshot.countryStatuses.mapValues { Fill.status($0) }
        switch side {
        case .sender:
            fills[country.iso2] = .status(.sender)
        case .host:
            for state in snapshot.countedPosts where state.post.type.isBilateral && state.status == .planned {
                let code = state.post.sender.iso2
                if (fills[code] ?? .status(.none)) == .status(.none) { fills[code] = .planned }
            }
            fills[country.iso2] = .host
        }
        return fills
    }

    /// The title a map gets unless one is given.
    func title(region: String?) -> String {
        switch side {
        case .sender: "Diplomatic posts of \(country.name)\(region.map { " in \($0)" } ?? ""), \(snapshot.asOf)"
        case .host: "Foreign posts in \(place)\(region.map { " from \($0)" } ?? ""), \(snapshot.asOf)"
        }
    }

    /// The line of counts under the title, over the counted posts `shown` (those of the
    /// region's countries). A host's line leads with its open embassies, the figure that
    /// published counts give.
    func headline(shown: [PostState], region: String?) -> String {
        let counts = Dictionary(grouping: shown, by: \.status).mapValues(\.count)
        let world = snapshot.countsByStatus
        switch side {
        case .sender:
            let unknown = counts[.unknown].map { ", \($0) unknown (no record yet)" } ?? ""
            let open = counts[.open] ?? 0
            return "\(open) open \(open == 1 ? "post" : "posts"), \(counts[.crossAccredited] ?? 0) hosts covered from elsewhere, \(counts[.closed] ?? 0) closed\(unknown)"
                + (region == nil ? "" : " (world: \(world[.open]!) open)")
        case .host:
            func embassies(_ posts: [PostState]) -> String {
                let open = posts.filter { $0.status == .open && $0.post.type.isEmbassy }
                let n = open.count
                // High commissions count as embassies, and the line says so where it has any.
                let incl = open.contains { $0.post.type == .highCommission } ? " (incl. high commissions)" : ""
                return "\(n) \(n == 1 ? "embassy" : "embassies")\(incl) open"
            }
            var parts = ["\(counts[.open] ?? 0) open"]
            let rest: [(PostStatus, String)] = [(.suspended, "suspended"), (.closed, "closed"), (.planned, "planned"),
                                                (.crossAccredited, "covered from elsewhere"), (.uncovered, "cover ended"),
                                                (.unknown, "unknown (no record yet)")]
            for (status, words) in rest { if let n = counts[status] { parts.append("\(n) \(words)") } }
            // A city without embassies (Chongjin's consulates) has no embassy figure to lead with.
            let lead = shown.contains { $0.post.type.isEmbassy } ? "\(embassies(shown)); all posts: " : "Posts: "
            return lead + parts.joined(separator: ", ")
                + (region == nil ? "" : " (all senders: \(embassies(snapshot.countedPosts)))")
        }
    }

    /// A sentence on what the colours and markers mean, for the map's description.
    var key: String {
        switch side {
        case .sender: "Countries are filled by the status of the sender's presence; markers show posts by type and status."
        case .host: "Countries are filled by the status of their own posts in \(place); markers show the cities with posts, and their tooltips list the posts."
        }
    }

    /// A country's tooltip: its name, then what it is to the side looked from (on a host's
    /// map, each of its posts there with its status and dates).
    func tooltip(name: String, code: String, fill: Fill) -> String {
        switch (side, fill) {
        case (.sender, .status(let status)): return "\(name): \(SVGMapRenderer.hostLabel(status))"
        case (_, .host): return "\(name): the host"
        default:
            let posts = snapshot.posts.filter { $0.post.sender.iso2 == code }
            guard !posts.isEmpty else { return "\(name): no post in \(place)" }
            return "\(name): " + posts.map { describe($0, withCity: true) }.joined(separator: "; ")
        }
    }

    /// One post of a host's map in words: "embassy in Pyongyang, open (opened 1975,
    /// suspended 2020-08, resumed 2024-09-13)".
    func describe(_ state: PostState, withCity: Bool) -> String {
        let type = PostMarker.label(state.post.type).lowercased()
        var text = withCity && state.status != .crossAccredited ? "\(type) in \(state.post.city)" : type
        switch state.status {
        case .crossAccredited:
            let from = state.accreditedFrom.flatMap { snapshot.post(id: $0) }
            text += ", covered from elsewhere" + (from.map { " (\($0.post.city), \($0.post.host.name))" } ?? "")
                + (state.accreditedSince.map { " since \($0)" } ?? "")
        case .unknown:
            text += ", unknown: no record before \(state.basis.date)"
        case .uncovered:
            text += ", cover ended"
        default:
            text += ", \(state.status.rawValue)"
        }
        // The dates the log has up to the map's date, in the order they happened.
        let known = state.post.events.filter { $0.date.knownBy <= snapshot.asOf }
        var dates: [String] = []
        if let opened = state.opened { dates.append("opened \(opened)") }
        let since = state.opened?.knownBy
        if let suspended = known.last(where: { $0.kind == .suspended }), since.map({ suspended.date.knownBy >= $0 }) ?? true {
            dates.append("suspended \(suspended.date)")
            if let resumed = known.last(where: { $0.kind == .resumed }), resumed.date.knownBy >= suspended.date.knownBy {
                dates.append("resumed \(resumed.date)")
            }
        }
        if state.status == .closed, let closed = state.closed { dates.append("closed \(closed)") }
        if !dates.isEmpty { text += " (\(dates.joined(separator: ", ")))" }
        if !state.post.counted { text += ", not in the official count" }
        return text
    }

    /// The heading of the legend's block of country patches.
    var countriesHeading: String {
        side == .sender ? "Countries" : "Senders (countries)"
    }

    /// The legend's country rows, in order: each fill present, with its count of countries
    /// (a sender's own country and a host have none).
    func countryLegend(_ present: [Fill: Int]) -> [(classes: String, text: String)] {
        switch side {
        case .sender:
            return SVGMapRenderer.hostLegend.filter { present[.status($0.0)] != nil }.map { status, label in
                ("country host-\(status.rawValue)", status == .sender ? label : "\(label) (\(present[.status(status)]!))")
            }
        case .host:
            // Resident senders all with an open embassy are "Embassy open"; where some (or all)
            // have only another kind of post open, the row says so.
            let openEmbassies = Set(snapshot.posts(.open).filter { $0.post.type.isEmbassy }.map(\.post.sender.iso2))
            let residents = Set(fills.filter { $0.value == .status(.resident) }.keys)
            let open = residents.isSubset(of: openEmbassies) ? "Embassy open"
                : residents.isDisjoint(with: openEmbassies) ? "Post open" : "Embassy or other post open"
            let rows: [(Fill, String)] = [
                (.status(.resident), open), (.status(.nonResident), "Covered from elsewhere"), (.status(.suspended), "Suspended"),
                (.planned, "Planned"), (.status(.closed), "Closed"), (.status(.uncovered), "Cover ended, none since"),
                (.status(.unknown), "Unknown: no record yet"),
            ]
            return rows.compactMap { fill, label in present[fill].map { ("country host-\(fill.name)", "\(label) (\($0))") } }
                + (present[.host] == nil ? [] : [("country host-host", "\(country.name) (host)")])
        }
    }
}
