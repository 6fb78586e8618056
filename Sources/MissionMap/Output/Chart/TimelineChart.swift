/// A timeline laid out as a step chart, ready to write as SVG (`TimelineChartWriter`): one
/// panel per series (sender or host) stacked over a shared time axis; in each, the counts
/// by status as step lines (values hold until the next step), the changes of open posts
/// named at their dates, and the published counts of the same scope as points with their
/// tolerance, over the log's own figure for that scope.
public struct TimelineChart: Sendable {
    /// A count by status drawn as a line: its class name (as in maps), legend text and value.
    enum Measure: String, CaseIterable, Sendable {
        case open, crossAccredited = "cross-accredited", closed, suspended, unknown

        var legend: String {
            switch self {
            case .open: "open"
            case .crossAccredited: "cross-accredited"
            case .closed: "closed"
            case .suspended: "suspended"
            case .unknown: "unknown (no record yet)"
            }
        }

        func value(_ p: Timeline.Point) -> Int {
            switch self {
            case .open: p.open
            case .crossAccredited: p.crossAccredited
            case .closed: p.closed
            case .suspended: p.suspended
            case .unknown: p.unknown
            }
        }

        /// The status a scope of that one status counts.
        var status: PostStatus {
            switch self {
            case .open: .open
            case .crossAccredited: .crossAccredited
            case .closed: .closed
            case .suspended: .suspended
            case .unknown: .unknown
            }
        }
    }

    /// One step line: its class, the value at each step and its path.
    struct Line: Sendable {
        let className: String
        let values: [Int]
        let path: String
        /// The line's segments, which labels must not cover.
        let segments: [ChartBox]
    }

    /// A published count drawn over the lines.
    struct PublishedPoint: Sendable {
        let reconciliation: Reconciliation
        let x, y, low, high: Double
    }

    /// A label naming one change or several nearby ones.
    struct Annotation: Sendable {
        let changes: [ChartChange]
        let text: String
        let anchors: [(x: Double, y: Double)]
        let placement: AnnotationPlacer.Placement
    }

    /// The chart of one series.
    struct Panel: Sendable {
        let series: Timeline.Series
        let heading: String
        let plot: ChartBox
        let yTicks: [(value: Int, y: Double)]
        let lines: [Line]
        /// The log's figure for the published counts' scope, when no count line is it.
        let reference: Line?
        /// What the published points are set against, in words.
        let referenceLabel: String?
        let points: [PublishedPoint]
        let annotations: [Annotation]
        /// Changes grouped under one label, and changes left unnamed for want of room.
        let grouped: Bool, unlabelled: Int
        /// Published counts of the period in other scopes (by type or region), not drawn.
        let otherCounts: Int
    }

    /// A legend entry: a line's class (or "published" for the points), its text and place.
    struct LegendItem: Sendable {
        let key: String
        let label: String
        let x, y: Double
    }

    public let timeline: Timeline
    let width: Double, height: Double
    let legend: [LegendItem]
    let title: String, subtitle: String, credit: String
    let panels: [Panel]
    let xTicks: [(tick: ChartAxis.TimeTick, x: Double)]
    /// The measures drawn in some panel, in legend order.
    let measures: [Measure]
    let notes: [String]

    static let width = 960.0
    static let left = 64.0, right = 44.0
    static let titleSize = 20.0, subtitleSize = 13.0, labelSize = 11.0, legendSize = 12.0, noteSize = 11.0

    /// Lays out `timeline` (of `network`) with the counts of `published` that fall in its
    /// period and match a drawn scope; `logName` names the data in the credit line.
    public init(timeline: Timeline, network: Network, published: [PublishedCount], logName: String) {
        self.timeline = timeline
        let first = timeline.steps.first ?? timeline.from
        let from = min(timeline.from, first), to = timeline.to
        let several = timeline.series.count > 1
        var measures = Measure.allCases.filter { m in m == .open || timeline.series.contains { $0.points.contains { m.value($0) > 0 } } }
        if measures.isEmpty { measures = [.open] }
        self.measures = measures

        let plotHeight = several ? 230.0 : 330.0
        var top = 0.0
        let plotLeft = Self.left, plotRight = Self.width - Self.right
        func x(_ day: Day) -> Double {
            let span = Double(max(to.ordinal - from.ordinal, 1))
            return plotLeft + Double(day.ordinal - from.ordinal) / span * (plotRight - plotLeft)
        }
        // The legend first, which lists what the panels draw, so that they start under it.
        let selections = timeline.series.map { Self.counts(for: $0, timeline: timeline, published: published, measures: measures) }
        var entries = measures.map { ($0.rawValue, $0.legend + ($0 == .open ? " posts" : "")) }
        for label in Set(selections.compactMap { $0.reference.first.map { Self.describe($0.scope) } }).sorted() {
            entries.append(("reference", "The log's \(label) (what the counts count)"))
        }
        if selections.contains(where: { !$0.drawn.isEmpty }) { entries.append(("published", "published count ± tolerance")) }
        var legend: [LegendItem] = []
        var (lx, ly) = (Self.left - 40, 74.0)
        for (key, label) in entries {
            let width = 32 + AnnotationPlacer.width(of: label, size: Self.legendSize) + 18
            if lx + width > Self.width - 10 && lx > Self.left - 40 { (lx, ly) = (Self.left - 40, ly + 20) }
            legend.append(LegendItem(key: key, label: label, x: lx, y: ly))
            lx += width
        }
        self.legend = legend
        top = ly + 28
        var panels: [Panel] = []
        for (series, selection) in zip(timeline.series, selections) {
            let heading = several ? series.query.title : ""
            if several { top += 22 }
            let plot = ChartBox(plotLeft, top, plotRight, top + plotHeight)
            panels.append(Self.panel(series, heading: heading, plot: plot, timeline: timeline, network: network,
                                     counts: selection, measures: measures, x: x))
            top += plotHeight + (several ? 34 : 0)
        }
        self.panels = panels
        xTicks = ChartAxis.time(from: from, to: to, width: plotRight - plotLeft).map { ($0, x($0.day)) }

        let every = switch timeline.every {
        case .month: "on the same day of each month"
        case .year: "on the same day of each year"
        case .event: "on each day with an event"
        }
        let whose = timeline.series.map(\.query.title).joined(separator: ", ")
        // A host's series is titled "Foreign posts in …" already.
        title = timeline.series.first?.sender == nil ? whose : (several ? "Posts abroad: " : "Posts abroad of ") + whose
        subtitle = "Counted posts \(every), from \(timeline.from) to \(timeline.to)"
        credit = "Data: \(logName); published counts: Geo/checks/published-counts.csv"

        var notes: [String] = []
        if panels.contains(where: \.grouped) { notes.append("Changes close together are named under one label, its leaders running to each.") }
        let unlabelled = panels.map(\.unlabelled).reduce(0, +)
        if unlabelled > 0 { notes.append("\(unlabelled) smaller change\(unlabelled == 1 ? " is" : "s are") not named for want of room: `missionmap changes` lists every one.") }
        let others = panels.map(\.otherCounts).reduce(0, +)
        if others > 0 { notes.append("\(others) other published count\(others == 1 ? "" : "s") of the period count\(others == 1 ? "s" : "") another scope (a type or region): `missionmap reconcile` lists them.") }
        if timeline.every != .event {
            notes.append("Each step holds the figures of its day until the next; a change between two steps shows at the later one."
                + (panels.contains { $0.reference != nil } ? " The thin line steps on each published count's day too." : ""))
        }
        if several { notes.append("Each panel has its own scale of posts.") }
        self.notes = notes
        height = top + 44 + Double(notes.count) * 15 + 24
        width = Self.width
    }

    /// The published counts a panel draws: those of its series' direction and country in the
    /// period, whose scope is the whole network. A count of one drawn status is set against
    /// that line; of the rest, the scope most counted gets a line of its own (`reference`).
    struct Counts: Sendable {
        var onLines: [PublishedCount] = []
        var reference: [PublishedCount] = []
        /// Counts of the period in other scopes (a type or region), not drawn.
        var others = 0
        var drawn: [PublishedCount] { onLines + reference }
    }

    static func counts(for series: Timeline.Series, timeline: Timeline, published: [PublishedCount], measures: [Measure]) -> Counts {
        // A city's series has none: the counts are of whole countries.
        if case .host(_, _?) = series.query { return Counts() }
        let direction: PublishedCount.Direction = series.sender == nil ? .inHost : .abroad
        let inPeriod = published.filter {
            $0.direction == direction && $0.country == series.country && $0.date >= timeline.from && $0.date <= timeline.to
        }
        let whole = inPeriod.filter { $0.scope.regions == nil && $0.scope.countries == nil && $0.scope.except.isEmpty }
        func key(_ s: PublishedCount.Scope) -> String {
            s.statuses.map(\.rawValue).sorted().joined(separator: "|") + ";" + (s.types.map { $0.map(\.rawValue).sorted().joined(separator: "|") } ?? "*")
        }
        var result = Counts()
        result.onLines = whole.filter { c in c.scope.types == nil && c.scope.statuses.count == 1 && measures.contains { $0.status == c.scope.statuses.first! } }
        let rest = whole.filter { c in !result.onLines.contains { $0.line == c.line } }
        let byScope = Dictionary(grouping: rest, by: { key($0.scope) })
        result.reference = byScope.values.max { a, b in (a.count, -a[0].line) < (b.count, -b[0].line) } ?? []
        result.others = inPeriod.count - result.drawn.count
        return result
    }

    static func panel(_ series: Timeline.Series, heading: String, plot: ChartBox, timeline: Timeline, network: Network,
                      counts: Counts, measures: [Measure], x: (Day) -> Double) -> Panel {
        let snapshots = timeline.steps.map { network.snapshot(series.query, asOf: $0) }
        let drawn = counts.drawn
        let chosen = counts.reference.isEmpty ? nil : counts.reference
        // The reference line steps on the counts' own days too, so that it gives the log's
        // figure on each of them, whatever the timeline's steps.
        let referenceDays = Array(Set(timeline.steps + (chosen ?? []).map(\.date))).sorted()
        let referenceValues = chosen.map { c in
            referenceDays.map { day in
                let snapshot = timeline.steps.firstIndex(of: day).map { snapshots[$0] } ?? network.snapshot(series.query, asOf: day)
                return Reconciliation.figure(of: c[0].scope, in: snapshot).tool
            }
        }

        let series_points = series.points
        var maximum = measures.flatMap { m in series_points.map { m.value($0) } }.max() ?? 0
        maximum = max(maximum, referenceValues?.max() ?? 0, drawn.map { $0.figure + $0.tolerance }.max() ?? 0)
        // Head room over the highest value, for the labels of the changes.
        let ticks = ChartAxis.counts(upTo: Int((Double(maximum) * 1.08).rounded(.up)))
        let topValue = Double(ticks.last!)
        func y(_ v: Double) -> Double { plot.maxY - v / topValue * (plot.maxY - plot.minY) }

        func line(_ className: String, _ values: [Int], days: [Day] = timeline.steps) -> Line {
            var path = "", segments: [ChartBox] = []
            for (i, day) in days.enumerated() {
                let px = x(day), py = y(Double(values[i]))
                if i == 0 {
                    path = "M\(fixedDecimal(px, 1)) \(fixedDecimal(py, 1))"
                } else {
                    let before = y(Double(values[i - 1])), start = x(days[i - 1])
                    path += "H\(fixedDecimal(px, 1))"
                    segments.append(ChartBox(start, before, px, before, pad: 1.5))
                    if values[i] != values[i - 1] {
                        path += "V\(fixedDecimal(py, 1))"
                        segments.append(ChartBox(px, before, px, py, pad: 1.5))
                    }
                }
            }
            if days.count == 1 { segments.append(ChartBox(x(days[0]), y(Double(values[0])), x(days[0]), y(Double(values[0])), pad: 1.5)) }
            return Line(className: className, values: values, path: path, segments: segments)
        }
        let lines = measures.map { m in line(m.rawValue, series_points.map { m.value($0) }) }
        let reference = referenceValues.map { line("reference", $0, days: referenceDays) }
        let referenceLabel = chosen.map { "the log's " + Self.describe($0[0].scope) }

        let points = Reconciliation.of(drawn, in: network).sorted { $0.count.date < $1.count.date }.map { r in
            PublishedPoint(reconciliation: r, x: x(r.count.date), y: y(Double(r.count.figure)),
                           low: y(Double(max(r.count.figure - r.count.tolerance, 0))), high: y(Double(r.count.figure + r.count.tolerance)))
        }

        // The changes of open posts, named where there is room: nearby ones grouped, the
        // smallest dropped last.
        let openLine = lines[0]
        var obstacles = lines.flatMap(\.segments) + (reference?.segments ?? [])
        obstacles += points.map { ChartBox($0.x, $0.high, $0.x, $0.low, pad: 5) }
        let changes = ChartChange.changes(snapshots)
        func anchor(_ c: ChartChange) -> (x: Double, y: Double) {
            let i = timeline.steps.firstIndex(of: c.day)!
            return (x(c.day), y(Double(openLine.values[i])))
        }
        let maxLabels = max(1, Int((plot.maxX - plot.minX) / 80))
        var groups = changes.map { [$0] }
        var grouped = false, unlabelled = 0
        func mergeClosest(involving failed: Set<Int>?) {
            var best: Int?, bestGap = Int.max
            for i in 0..<(groups.count - 1) where failed == nil || failed!.contains(i) || failed!.contains(i + 1) {
                let gap = groups[i + 1].first!.day.ordinal - groups[i].last!.day.ordinal
                if gap < bestGap { (best, bestGap) = (i, gap) }
            }
            guard let i = best else { return }
            groups[i] += groups.remove(at: i + 1)
            grouped = true
        }
        while groups.count > maxLabels { mergeClosest(involving: nil) }
        var annotations: [Annotation] = []
        while true {
            var placer = AnnotationPlacer(bounds: ChartBox(plot.minX + 2, plot.minY + 2, plot.maxX - 2, plot.maxY - 2),
                                          fontSize: labelSize, obstacles: obstacles)
            annotations = []
            var failed: Set<Int> = []
            // The largest changes first, so that they get the nearest places.
            let order = groups.indices.sorted { a, b in
                let (sa, sb) = (groups[a].map { abs($0.delta) + $0.left.count }.reduce(0, +), groups[b].map { abs($0.delta) + $0.left.count }.reduce(0, +))
                return sa != sb ? sa > sb : a < b
            }
            for i in order {
                let text = ChartChange.label(groups[i])
                let anchors = groups[i].map(anchor)
                if let placement = placer.place(text, anchors: anchors) {
                    annotations.append(Annotation(changes: groups[i], text: text, anchors: anchors, placement: placement))
                } else {
                    failed.insert(i)
                }
            }
            if failed.isEmpty { break }
            if groups.count > 3 {
                mergeClosest(involving: failed)
            } else {
                unlabelled = failed.map { groups[$0].count }.reduce(0, +)
                break
            }
        }
        annotations.sort { $0.changes[0].day < $1.changes[0].day }
        return Panel(series: series, heading: heading, plot: plot, yTicks: ticks.map { ($0, y(Double($0))) }, lines: lines,
                     reference: reference, referenceLabel: referenceLabel, points: points, annotations: annotations,
                     grouped: grouped, unlabelled: unlabelled, otherCounts: counts.others)
    }

    /// What a scope counts, in words: "open + suspended posts", "open embassies".
    static func describe(_ scope: PublishedCount.Scope) -> String {
        let statuses = PostStatus.allCases.filter(scope.statuses.contains).map(\.rawValue).joined(separator: " + ")
        let kinds = scope.types.map { types in
            PostType.allCases.filter(types.contains).map { t in
                switch t {
                // A count of embassies takes in high commissions too (`PostType.isCounted(in:)`).
                case .embassy: "embassies"
                case .consulateGeneral: "consulates general"
                default: t.rawValue.replacingOccurrences(of: "-", with: " ") + "s"
                }
            }.joined(separator: " and ")
        } ?? "posts"
        return "\(statuses) \(kinds)"
    }
}
