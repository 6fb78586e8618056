/// The JSON form of a timeline: snake_case keys, dates and types as text. Kept apart from
/// `Timeline`, as `SummaryDocument` is from `Summary`, so that the figures stay typed.
struct TimelineDocument: Encodable {
    struct Point: Encodable {
        let as_of: String
        let posts, open, cross_accredited, closed, suspended, unknown: Int
        let open_by_type: [String: Int]
        let open_by_region: [String: Int]?

        init(_ p: Timeline.Point) {
            as_of = p.asOf.description
            posts = p.posts
            open = p.open
            cross_accredited = p.crossAccredited
            closed = p.closed
            suspended = p.suspended
            unknown = p.unknown
            open_by_type = SummaryDocument.byType(p.openByType)
            open_by_region = p.openByRegion
        }
    }

    /// `sender` and `sender_name` for a sender's series, `host` and `host_name` for a host's.
    struct Series: Encodable {
        var sender, sender_name, host, host_name, city: String?
        let points: [Point]

        init(_ s: Timeline.Series) {
            points = s.points.map(Point.init)
            switch s.query {
            case .sender(let c): (sender, sender_name) = (c.iso2, c.name)
            case .host(let c, let place): (host, host_name, city) = (c.iso2, c.name, place)
            }
        }
    }

    let from: String
    let to: String
    let every: String
    let by: String?
    let series: [Series]

    init(_ t: Timeline) {
        from = t.from.description
        to = t.to.description
        every = t.every.rawValue
        by = t.by?.rawValue
        series = t.series.map(Series.init)
    }
}
