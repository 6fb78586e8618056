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

    struct Series: Encodable {
        let sender: String
        let sender_name: String
        let points: [Point]
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
        series = t.series.map { Series(sender: $0.sender.iso2, sender_name: $0.sender.name, points: $0.points.map(Point.init)) }
    }
}
