/// The figures of a snapshot, in total and per UN region.
public struct Summary: Sendable, Equatable, Codable {
    public struct Totals: Sendable, Equatable, Codable {
        public var open = 0, closed = 0, crossAccredited = 0, suspended = 0, planned = 0
        /// Open posts by type (types with none are left out).
        public var byType: [String: Int] = [:]

        enum CodingKeys: String, CodingKey {
            case open, closed, crossAccredited = "cross_accredited", suspended, planned, byType = "by_type"
        }
    }

    public struct Region: Sendable, Equatable, Codable {
        public var region: String
        public var open = 0, closed = 0, crossAccredited = 0, suspended = 0
        /// Countries and territories of the gazetteer in the region.
        public var countries = 0
        /// Hosts with an open bilateral post.
        public var countriesResident = 0
        /// Resident plus non-resident hosts.
        public var countriesCovered = 0

        enum CodingKeys: String, CodingKey {
            case region, open, closed, crossAccredited = "cross_accredited", suspended
            case countries, countriesResident = "countries_resident", countriesCovered = "countries_covered"
        }
    }

    public var asOf: String
    public var sender: String
    public var totals: Totals
    public var regions: [Region]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", sender, totals, regions
    }

    /// The five UN regions, always listed, in this order.
    public static let unRegions = ["Africa", "Americas", "Asia", "Europe", "Oceania"]

    public init(_ snapshot: Snapshot) {
        asOf = snapshot.asOf.description
        sender = snapshot.sender
        var totals = Totals()
        var regions = Dictionary(uniqueKeysWithValues: Summary.unRegions.map { ($0, Region(region: $0)) })
        func regionOf(_ iso2: String) -> String? { snapshot.gazetteer.country(code: iso2)?.region }

        for state in snapshot.countedPosts {
            let region = regionOf(state.post.host)
            switch state.status {
            case .open:
                totals.open += 1
                totals.byType[state.post.type.rawValue, default: 0] += 1
                region.map { regions[$0]?.open += 1 }
            case .closed: totals.closed += 1; region.map { regions[$0]?.closed += 1 }
            case .crossAccredited: totals.crossAccredited += 1; region.map { regions[$0]?.crossAccredited += 1 }
            case .suspended: totals.suspended += 1; region.map { regions[$0]?.suspended += 1 }
            case .planned: totals.planned += 1
            }
        }
        for country in snapshot.gazetteer.countries { regions[country.region]?.countries += 1 }
        for (host, status) in snapshot.hostStatuses {
            guard let region = regionOf(host) else { continue }
            if status == .resident { regions[region]?.countriesResident += 1 }
            if status == .resident || status == .nonResident { regions[region]?.countriesCovered += 1 }
        }
        self.totals = totals
        self.regions = Summary.unRegions.compactMap { regions[$0] }
    }
}
