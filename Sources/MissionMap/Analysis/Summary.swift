import GeoKit

/// The figures of a snapshot: totals, one row per UN region (or subregion), and the world.
/// Posts fall in the region of their counterpart: the host for a sender's posts abroad, the
/// sender for every sender's posts in a host.
///
/// Shares and distances are rounded when the summary is made (shares to 4 decimals,
/// kilometres to 1), so that every output format carries the same numbers. The figures are
/// typed; `SummaryDocument` is their JSON form.
public struct Summary: Sendable, Equatable {
    public struct Totals: Sendable, Equatable {
        public var open = 0, closed = 0, crossAccredited = 0, suspended = 0, planned = 0
        /// Covered-only hosts whose cover has ended.
        public var uncovered = 0
        /// Posts before their first evidence: the other figures are lower bounds when not zero.
        public var unknown = 0
        /// Open posts by type (types with none are left out).
        public var byType: [PostType: Int] = [:]
    }

    /// The figures of one region, subregion or the world.
    public struct Row: Sendable, Equatable {
        public var region: String
        public var open = 0, crossAccredited = 0, closed = 0, suspended = 0, uncovered = 0, unknown = 0
        /// Open posts by type.
        public var byType: [PostType: Int] = [:]
        /// Countries and territories of the gazetteer in the region.
        public var countries = 0
        /// Hosts with an open bilateral post.
        public var countriesResident = 0
        /// Resident plus non-resident hosts.
        public var countriesCovered = 0
        /// Share of the region's land (the GEOS union of its countries, in an equal-area
        /// projection) that covered hosts make up; nil without boundaries.
        public var areaShareCovered: Double?
        /// Share of the region's population (Natural Earth `pop_est`) living in covered hosts.
        public var populationShareCovered: Double?
        /// Mean geodesic distance from each capital of the region to the nearest open post.
        public var meanDistanceKmToOpenPost: Double?

        public init(region: String) {
            self.region = region
        }

        /// Every figure of `self` less those of `other` (a row of changes).
        public func minus(_ other: Row) -> Row {
            var d = Row(region: region)
            d.open = open - other.open
            d.crossAccredited = crossAccredited - other.crossAccredited
            d.closed = closed - other.closed
            d.suspended = suspended - other.suspended
            d.uncovered = uncovered - other.uncovered
            d.unknown = unknown - other.unknown
            for type in Set(byType.keys).union(other.byType.keys) {
                let change = (byType[type] ?? 0) - (other.byType[type] ?? 0)
                if change != 0 { d.byType[type] = change }
            }
            d.countries = countries - other.countries
            d.countriesResident = countriesResident - other.countriesResident
            d.countriesCovered = countriesCovered - other.countriesCovered
            let difference = { (a: Double?, b: Double?, places: Int) in a.flatMap { a in b.map { rounded(a - $0, places: places) } } }
            d.areaShareCovered = difference(areaShareCovered, other.areaShareCovered, 4)
            d.populationShareCovered = difference(populationShareCovered, other.populationShareCovered, 4)
            d.meanDistanceKmToOpenPost = difference(meanDistanceKmToOpenPost, other.meanDistanceKmToOpenPost, 1)
            return d
        }
    }

    public enum Grouping: String, Sendable, CaseIterable {
        case region, subregion
    }

    public var asOf: Day
    /// The side the figures look from: a sender's posts abroad, or the posts in a host.
    public var query: Snapshot.Query
    public var by: Grouping
    public var totals: Totals
    public var regions: [Row]
    public var world: Row
    /// What a reader should know about the figures (countries without a polygon, ...).
    public var notes: [String]
    /// With a comparison: the other date, and each row's change from it to `asOf`.
    public var compareTo: Day?
    public var changes: [Row]?
    public var worldChange: Row?

    /// The five UN regions, always listed, in this order.
    public static let unRegions = ["Africa", "Americas", "Asia", "Europe", "Oceania"]

    /// The sender a sender summary looks from; nil for a host's.
    public var sender: Country? {
        if case .sender(let sender) = query { sender } else { nil }
    }

    /// The host a host summary looks at; nil for a sender's.
    public var host: Country? {
        if case .host(let host, _) = query { host } else { nil }
    }

    /// The figures of a snapshot, its regions those of `gazetteer`. Counts only; areas,
    /// populations and distances need `geography`, and are left out (nil) for a host: the
    /// land, people and capitals of the senders' regions say nothing about posts in one host.
    public init(_ snapshot: Snapshot, gazetteer: Gazetteer, by grouping: Grouping = .region, geography: Geography? = nil) throws {
        asOf = snapshot.asOf
        query = snapshot.query
        let geography = snapshot.sender == nil ? nil : geography
        by = grouping
        let countries = gazetteer.countries.filter { Summary.unRegions.contains($0.region) }
        let names = grouping == .region
            ? Summary.unRegions
            : Summary.unRegions.flatMap { region in Set(countries.filter { $0.region == region }.map(\.subregion)).sorted() }
        let group = { (iso2: String) -> String? in
            gazetteer.country(code: iso2).map { grouping == .region ? $0.region : $0.subregion }
        }

        let hostStatuses = snapshot.countryStatuses
        let covered = Set(hostStatuses.filter { $0.value == .resident || $0.value == .nonResident }.keys)
        // Filtered once: every row walks them, and a large network has hundreds of thousands.
        let counted = snapshot.countedPosts
        let openPosts = counted.filter { $0.status == .open }.map(\.post.location)
        var notes: [String] = []
        // Each capital's distance to its nearest open post, worked out once for its region and
        // the world, through an index of the open posts made on first use.
        var nearestCache: [String: Double] = [:]
        var nearestPost: NearestPost?
        func nearest(_ country: Country) throws -> Double {
            if let known = nearestCache[country.iso2] { return known }
            // Its own GEOS context: a geography is a value that no session belongs to.
            if nearestPost == nil { nearestPost = try NearestPost(openPosts, in: GEOSContext()) }
            let d = try nearestPost!.distance(from: country.capitalLocation)!
            nearestCache[country.iso2] = d
            return d
        }
        func row(_ name: String, members: [Country], inGroup: (String) -> Bool) throws -> Row {
            var r = Row(region: name)
            for state in counted where inGroup(snapshot.counterpart(state.post).iso2) {
                switch state.status {
                case .open:
                    r.open += 1
                    r.byType[state.post.type, default: 0] += 1
                case .closed: r.closed += 1
                case .crossAccredited: r.crossAccredited += 1
                case .suspended: r.suspended += 1
                case .uncovered: r.uncovered += 1
                case .unknown: r.unknown += 1
                case .planned: break
                }
            }
            r.countries = members.count
            r.countriesResident = members.filter { hostStatuses[$0.iso2] == .resident }.count
            r.countriesCovered = members.filter { covered.contains($0.iso2) }.count
            if let geography {
                let codes = members.map(\.iso2), coveredCodes = codes.filter(covered.contains)
                let land = geography.area(ofUnionOf: codes)
                r.areaShareCovered = land > 0 ? rounded(geography.area(ofUnionOf: coveredCodes) / land, places: 4) : nil
                let people = codes.reduce(0) { $0 + geography.population($1) }
                r.populationShareCovered = people > 0 ? rounded(coveredCodes.reduce(0) { $0 + geography.population($1) } / people, places: 4) : nil
                if !openPosts.isEmpty, !members.isEmpty {
                    let total = try members.reduce(0.0) { $0 + (try nearest($1)) }
                    r.meanDistanceKmToOpenPost = rounded(total / Double(members.count) / 1000, places: 1)
                }
            }
            return r
        }
        regions = try names.map { name in
            try row(name, members: countries.filter { group($0.iso2) == name }, inGroup: { group($0) == name })
        }
        world = try row("World", members: countries, inGroup: { _ in true })
        // The world row counts every counted post; the totals add the planned ones.
        totals = Totals(open: world.open, closed: world.closed, crossAccredited: world.crossAccredited,
                        suspended: world.suspended, planned: snapshot.posts(.planned).count,
                        uncovered: world.uncovered, unknown: world.unknown, byType: world.byType)
        if let note = Summary.evidenceNote(snapshot) { notes.append(note) }
        if let geography {
            let missing = countries.filter { !geography.hasPolygon($0.iso2) }.map(\.name)
            if !missing.isEmpty {
                notes.append("No polygon \(geography.boundaries.label.scale.map { "at \($0)" } ?? "in \(geography.boundaries.label.name)"), so counted with their population and zero area: \(missing.joined(separator: ", ")).")
            }
        }
        if case .host(let host, _) = snapshot.query {
            notes.append("Rows group the senders of the posts in \(host.name) by their own region; resident and covered count the senders with a post there. Land, population and distance figures describe a sender's network abroad, so a host's summary leaves them out.")
        }
        notes.append("Countries are the gazetteer's countries and territories in the five UN regions; posts outside the official count (counted=no) are left out.")
        self.notes = notes
    }

    /// The summary of each sender a request selects (or of its host), on its date, with each
    /// figure's change since `compareTo` if given.
    public static func of(_ request: Request, compareTo: Day? = nil, by grouping: Grouping = .region,
                          geography: Geography?) throws -> [Summary] {
        try request.selection.queries(in: request.network).map {
            try of(request.network, query: $0, asOf: request.asOf, compareTo: compareTo, by: grouping, geography: geography)
        }
    }

    /// The summary of `sender` on `asOf`, with each figure's change since `compareTo` if given.
    public static func of(_ network: Network, sender: Country, asOf: Day, compareTo: Day? = nil,
                          by grouping: Grouping = .region, geography: Geography?) throws -> Summary {
        try of(network, query: .sender(sender), asOf: asOf, compareTo: compareTo, by: grouping, geography: geography)
    }

    /// The summary of a query on `asOf`, with each figure's change since `compareTo` if given.
    public static func of(_ network: Network, query: Snapshot.Query, asOf: Day, compareTo: Day? = nil,
                          by grouping: Grouping = .region, geography: Geography?) throws -> Summary {
        let summary = try Summary(network.snapshot(query, asOf: asOf), gazetteer: network.gazetteer, by: grouping, geography: geography)
        guard let compareTo else { return summary }
        return summary.compared(to: try Summary(network.snapshot(query, asOf: compareTo), gazetteer: network.gazetteer,
                                                by: grouping, geography: geography))
    }

    /// This summary with the change of every figure since `earlier`.
    public func compared(to earlier: Summary) -> Summary {
        var s = self
        s.compareTo = earlier.asOf
        s.changes = zip(regions, earlier.regions).map { $0.minus($1) }
        s.worldChange = world.minus(earlier.world)
        return s
    }

    /// The evidence horizon, said aloud: which posts the log cannot place on this date because
    /// their first record is later. Nil when every post rests on evidence.
    static func evidenceNote(_ snapshot: Snapshot) -> String? {
        let unknown = snapshot.posts(.unknown)
        guard !unknown.isEmpty else { return nil }
        // Seen from a host, every post is in it: name whose post it is instead.
        let names = unknown.map { state in
            let whose = snapshot.sender == nil ? "\(state.post.sender.name)'s post" : state.post.host.name
            return "\(state.post.city) (\(whose), first record \(state.basis.date))"
        }
        let (count, its) = unknown.count == 1 ? ("1 post has", "its") : ("\(unknown.count) posts have", "their")
        return "\(count) no record on or before \(snapshot.asOf), so \(its) status is unknown and the other figures are lower bounds: \(names.joined(separator: ", "))."
    }
}
