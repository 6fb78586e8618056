/// The JSON form of a summary (the README's "Figures by region"): snake_case keys, dates and
/// types as text, each field named as the key it writes. Kept apart from `Summary` so that the figures stay typed and the wire
/// format can change without touching the analysis.
struct SummaryDocument: Encodable {
    struct Totals: Encodable {
        let open, closed, cross_accredited, suspended, planned, uncovered, unknown: Int
        let by_type: [String: Int]
    }

    struct Row: Encodable {
        let region: String
        let open, cross_accredited, closed, suspended, uncovered, unknown: Int
        let by_type: [String: Int]
        let countries, countries_resident, countries_covered: Int
        let area_share_covered, population_share_covered, mean_distance_km_to_open_post: Double?

        init(_ r: Summary.Row) {
            region = r.region
            open = r.open
            cross_accredited = r.crossAccredited
            closed = r.closed
            suspended = r.suspended
            uncovered = r.uncovered
            unknown = r.unknown
            by_type = SummaryDocument.byType(r.byType)
            countries = r.countries
            countries_resident = r.countriesResident
            countries_covered = r.countriesCovered
            area_share_covered = r.areaShareCovered
            population_share_covered = r.populationShareCovered
            mean_distance_km_to_open_post = r.meanDistanceKmToOpenPost
        }
    }

    let as_of: String
    /// The sender, for a sender's summary (as before hosts came); absent for a host's.
    let sender: String?
    /// The host (and city) a host's summary looks at; absent for a sender's.
    let host: String?
    let city: String?
    let by: String
    let totals: Totals
    let regions: [Row]
    let world: Row
    let notes: [String]
    let compare_to: String?
    let changes: [Row]?
    let world_change: Row?

    init(_ s: Summary) {
        as_of = s.asOf.description
        sender = s.sender?.iso2
        host = s.host?.iso2
        if case .host(_, let named) = s.query { city = named } else { city = nil }
        by = s.by.rawValue
        let t = s.totals
        totals = Totals(open: t.open, closed: t.closed, cross_accredited: t.crossAccredited, suspended: t.suspended,
                        planned: t.planned, uncovered: t.uncovered, unknown: t.unknown, by_type: SummaryDocument.byType(t.byType))
        regions = s.regions.map(Row.init)
        world = Row(s.world)
        notes = s.notes
        compare_to = s.compareTo?.description
        changes = s.changes?.map(Row.init)
        world_change = s.worldChange.map(Row.init)
    }

    static func byType(_ counts: [PostType: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
    }
}
