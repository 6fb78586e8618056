/// Writes a timeline as an aligned table, CSV, Markdown or JSON; all carry the same numbers.
public enum TimelineFormatter {
    public static func format(_ timeline: Timeline, as format: SummaryFormatter.Format) throws -> String {
        switch format {
        case .json: try JSONText.pretty(TimelineDocument(timeline))
        case .csv: csv(timeline)
        // People read one table per sender under a heading that names it.
        case .table:
            timeline.series.map { heading(timeline, $0) + "\n\n" + table(timeline, $0, sender: false).aligned() }
                .joined(separator: "\n") + notes(timeline)
        case .markdown:
            timeline.series.map { "**" + heading(timeline, $0) + "**\n\n" + table(timeline, $0, sender: false).markdown() }
                .joined(separator: "\n") + notes(timeline)
        }
    }

    /// One row per day and sender, a `sender` column second (`host` for a host's series), so
    /// that every series is in one table.
    public static func csv(_ timeline: Timeline) -> String {
        var merged = table(timeline, nil, sender: true)
        merged.rows = timeline.series.flatMap { table(timeline, $0, sender: true).rows }
        return merged.csv()
    }

    static func heading(_ timeline: Timeline, _ series: Timeline.Series) -> String {
        let every = switch timeline.every {
        case .month: "monthly"
        case .year: "yearly"
        case .event: "on each day with an event"
        }
        let whose = series.sender == nil ? series.query.title : series.query.title + ": posts abroad"
        return "\(whose) \(every) from \(timeline.from) to \(timeline.to)"
    }

    static func notes(_ timeline: Timeline) -> String {
        var notes = ["posts: open and suspended posts, the scope of the published counts (a dormant embassy stays on a list).",
                     "Posts outside the official count (counted=no) are left out; the type and region columns count open posts."]
        if timeline.series.contains(where: { $0.points.contains { $0.unknown > 0 } }) {
            notes.append("unknown: posts with no record yet on that day, so the other figures of that day are lower bounds.")
        }
        return "\n" + notes.map { "Note: \($0)\n" }.joined()
    }

    /// The types with an open post on some day of some series, in `PostType` order (embassy
    /// first), so that every row of every series has the same columns.
    static func types(_ timeline: Timeline) -> [PostType] {
        let present = Set(timeline.series.flatMap { $0.points.flatMap(\.openByType.keys) })
        return PostType.allCases.filter(present.contains)
    }

    /// The points of `series` as rows (none without a series: the columns only). Column names
    /// are the CSV's in every format, so that a reader meets one name for one figure.
    static func table(_ timeline: Timeline, _ series: Timeline.Series?, sender: Bool) -> TextTable {
        let types = types(timeline)
        let regions = timeline.by == .region ? Summary.unRegions : []
        let key = timeline.series.first?.sender == nil ? "host" : "sender"
        var columns = ["as_of"] + (sender ? [key] : [])
        columns += ["posts", "open", "cross_accredited", "closed", "suspended", "unknown"]
        columns += types.map { "open_\($0.rawValue)" } + regions.map { "open_\($0)" }
        let rows: [[TextTable.Cell]] = (series?.points ?? []).map { p in
            var cells: [TextTable.Cell] = [.text(p.asOf.description)]
            if sender { cells.append(.text(series!.country.iso2)) }
            let counts = [p.posts, p.open, p.crossAccredited, p.closed, p.suspended, p.unknown]
                + types.map { p.openByType[$0] ?? 0 } + regions.map { p.openByRegion?[$0] ?? 0 }
            return cells + counts.map { .number(String($0)) }
        }
        return TextTable(columns: columns, rows: rows)
    }
}
