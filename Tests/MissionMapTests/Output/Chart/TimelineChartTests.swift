import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct ChartAxisTests {
    func day(_ text: String) -> Day { Day(text)! }

    @Test func countTicksAreNiceFromZero() {
        #expect(ChartAxis.counts(upTo: 53) == [0, 10, 20, 30, 40, 50, 60])
        #expect(ChartAxis.counts(upTo: 7) == [0, 2, 4, 6, 8])
        #expect(ChartAxis.counts(upTo: 1) == [0, 1])
        #expect(ChartAxis.counts(upTo: 0) == [0, 1], "an empty chart still has an axis")
        #expect(ChartAxis.counts(upTo: 230) == [0, 50, 100, 150, 200, 250])
        #expect(ChartAxis.counts(upTo: 20) == [0, 5, 10, 15, 20], "a maximum on a tick is the top")
    }

    @Test func ordinalsCountDays() {
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2000-03-01").ordinal == 11017)
        #expect(day("2024-03-01").ordinal - day("2024-02-28").ordinal == 2, "29 February 2024")
        #expect(day("1969-12-31").ordinal == -1)
    }

    @Test func sixMonthsGetMonthTicksWithTheYearUnderTheFirstAndJanuary() {
        let ticks = ChartAxis.time(from: day("2023-09-01"), to: day("2024-03-01"), width: 852)
        #expect(ticks.map(\.label) == ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"])
        #expect(ticks.map(\.year) == ["2023", nil, nil, nil, "2024", nil, nil])
        #expect(ticks.allSatisfy { $0.day.day == 1 })
    }

    @Test func narrowAxesSpaceTheirTicksOut() {
        // 852 px for 6 months: monthly; 200 px: every other month at least 46 px apart.
        let narrow = ChartAxis.time(from: day("2023-09-01"), to: day("2024-03-01"), width: 200)
        #expect(narrow.map(\.label) == ["Sep", "Nov", "Jan", "Mar"])
        #expect(narrow.map(\.year) == ["2023", nil, "2024", nil])
    }

    @Test func longPeriodsGetYearTicks() {
        let years = ChartAxis.time(from: day("2019-01-01"), to: day("2025-06-30"), width: 852)
        #expect(years.map(\.label) == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"])
        let century = ChartAxis.time(from: day("1900-01-01"), to: day("2024-12-31"), width: 852)
        #expect(century.map(\.label) == stride(from: 1900, through: 2020, by: 10).map(String.init), "46 px apart at least: every ten years")
    }

    @Test func aPeriodWithoutAMonthsFirstDayGetsItsEnds() {
        let ticks = ChartAxis.time(from: day("2024-01-10"), to: day("2024-01-20"), width: 852)
        #expect(ticks.map(\.day) == [day("2024-01-10"), day("2024-01-20")])
    }
}

@Suite(.tags(.unit)) struct AnnotationPlacerTests {
    @Test func labelsCloseTogetherAreStackedWithoutOverlapping() {
        let bounds = ChartBox(0, 0, 400, 300)
        // A line falling in six steps 30 px apart, each change with a label twice as wide.
        var line: [ChartBox] = [], anchors: [(x: Double, y: Double)] = []
        for i in 0..<6 {
            let (x, y) = (100 + Double(i) * 30, 100 + Double(i) * 10)
            line += [ChartBox(x - 30, y - 10, x, y - 10, pad: 1.5), ChartBox(x, y - 10, x, y, pad: 1.5)]
            anchors.append((x, y))
        }
        var placer = AnnotationPlacer(bounds: bounds, fontSize: 11, obstacles: line)
        var placed: [AnnotationPlacer.Placement] = []
        for (i, anchor) in anchors.enumerated() {
            if let p = placer.place("−2: ES, U\(i)", anchors: [anchor]) { placed.append(p) }
        }
        #expect(placed.count == 6, "\(placed.map(\.box))")
        for (i, a) in placed.enumerated() {
            #expect(bounds.contains(a.box))
            #expect(!line.contains { $0.intersects(a.box) }, "label \(i) covers the line")
            for b in placed[(i + 1)...] {
                #expect(!a.box.intersects(b.box))
                // A later label's leader runs clear of the earlier labels.
                #expect(!a.box.intersects(ChartBox(b.joinX, b.joinY, b.joinX, anchors[placed.firstIndex(of: b)!].y)))
            }
        }
    }

    @Test func noRoomGivesNoPlace() {
        var placer = AnnotationPlacer(bounds: ChartBox(0, 0, 60, 20), fontSize: 11, obstacles: [])
        #expect(placer.place("a label far too long for the room", anchors: [(x: 30, y: 10)]) == nil)
        #expect(placer.labels.isEmpty)
    }
}

@Suite(.tags(.unit)) struct TimelineChartTests {
    // AA opens in BB and CC, covers PE from BB; CC is suspended, then BB closes (ending the cover).
    let network: Network
    init() throws {
        network = try Fixture.network("""
        post_id,date,event,sender,host,city,type,accredited_from,counted,source
        AA-BB,2020-01-15,opened,AA,BB,,embassy,,,s
        AA-CC,2020-02-01,opened,AA,CC,,consulate,,,s
        AA-PE,2020-06,accredited,AA,PE,,embassy,AA-BB,,s
        AA-CC,2021-02-10,suspended,AA,CC,,,,,s
        AA-BB,2021-03-15,closed,AA,BB,,,,,s
        """, header: "")
    }

    func day(_ text: String) -> Day { Day(text)! }

    func chart(every: Timeline.Interval = .event, published: [PublishedCount] = []) -> TimelineChart {
        let aa = network.gazetteer.country(code: "AA")!
        let (from, to) = (day("2020-01-01"), day("2021-06-30"))
        let steps = Timeline.steps(in: network, senders: [aa], from: from, to: to, every: every)
        let timeline = Timeline(network: network, senders: [aa], from: from, to: to, every: every, by: nil, steps: steps)
        return TimelineChart(timeline: timeline, network: network, published: published, logName: "fixture.csv")
    }

    func counts(_ rows: String) throws -> [PublishedCount] {
        let table = try CSVTable(text: PublishedCount.columns.joined(separator: ",") + "\n" + rows, file: "counts.csv", required: PublishedCount.columns)
        return try table.records.map { try PublishedCount(record: $0, file: "counts.csv", gazetteer: network.gazetteer) }
    }

    /// The y values a path of `M`, `H` and `V` commands passes through, in order; nil if it
    /// has any other command (a slope).
    func levels(_ path: String) -> [Double]? {
        var levels: [Double] = []
        var scanner = path[...]
        while let command = scanner.first {
            scanner = scanner.dropFirst()
            let number = scanner.prefix { !"MHV".contains($0) }
            scanner = scanner.dropFirst(number.count)
            switch command {
            case "M": levels.append(Double(number.split(separator: " ")[1])!)
            case "V": levels.append(Double(number)!)
            case "H": continue
            default: return nil
            }
        }
        return levels
    }

    @Test func linesAreStepsThroughTheStepsValues() throws {
        let c = chart()
        let panel = try #require(c.panels.first)
        let open = try #require(panel.lines.first { $0.className == "open" })
        #expect(open.values == c.timeline.series[0].points.map(\.open))
        #expect(open.values == [0, 1, 2, 2, 1, 0, 0], "2020-01-01, BB, CC, PE's cover, CC suspended, BB closed, to")
        // Only horizontal and vertical moves, one vertical per change of value.
        let ys = try #require(levels(open.path))
        #expect(ys.count == 1 + 4)
        let scale = (panel.plot.maxY - panel.plot.minY) / Double(panel.yTicks.last!.value)
        #expect(ys.map { ((panel.plot.maxY - $0) / scale).rounded() } == [0, 1, 2, 1, 0])
        #expect(c.measures.map(\.rawValue) == ["open", "cross-accredited", "closed", "suspended"], "no unknown post: no unknown line")
    }

    @Test func changesAreNamedFromTheSnapshots() throws {
        let panel = try #require(chart().panels.first)
        let changes = panel.annotations.flatMap(\.changes)
        #expect(changes.map(\.day) == [day("2020-01-15"), day("2020-02-01"), day("2021-02-10"), day("2021-03-15")])
        #expect(changes.map(\.delta) == [1, 1, -1, -1])
        #expect(panel.annotations.map(\.text).contains("−1: BB"))
        // The consulate is named by its city (the capital, as the log leaves the city out).
        #expect(changes[1].joined == ["Gamma"])
        for (i, a) in panel.annotations.enumerated() {
            for b in panel.annotations[(i + 1)...] { #expect(!a.placement.box.intersects(b.placement.box)) }
            #expect(!panel.lines.flatMap(\.segments).contains { $0.intersects(a.placement.box) })
        }
    }

    @Test func publishedCountsOfADrawnScopeInThePeriodArePlotted() throws {
        let published = try counts("""
        2020-03-01,abroad,AA,,status=open|suspended,2,0,https://a,whole network
        2021-02-20,abroad,AA,,status=open|suspended,1,1,https://b,whole network
        2020-12-01,abroad,AA,,status=open,2,0,https://c,open alone: on the open line
        2020-12-01,abroad,AA,,status=open;region=Europe,1,0,https://d,a region: not drawn
        2019-06-01,abroad,AA,,status=open|suspended,0,0,https://e,before the period
        2020-12-01,abroad,BB,,status=open,1,0,https://f,another sender
        """)
        let panel = try #require(chart(published: published).panels.first)
        #expect(panel.points.map(\.reconciliation.count.source) == ["https://a", "https://c", "https://b"])
        #expect(panel.points.map(\.reconciliation.tool) == [2, 2, 2], "the log's figures for those scopes")
        #expect(panel.otherCounts == 1, "the regional count")
        let reference = try #require(panel.reference)
        #expect(panel.referenceLabel == "the log's open + suspended posts")
        // Open plus suspended: CC's suspension keeps it in; BB's closing takes it out.
        #expect(reference.values.last == 1)
        #expect(panel.points[0].y == TimelineChartWriter.yFor(2, panel))
    }

    @Test func monthStepsLeaveTheReferenceExactOnTheCountsDays() throws {
        let published = try counts("2021-02-20,abroad,AA,,status=open|suspended,2,0,https://b,x\n")
        let c = chart(every: .month, published: published)
        let panel = try #require(c.panels.first)
        // 2021-02-20 is no month end: the reference line steps there too, at the log's figure.
        #expect(panel.reference?.values.count == c.timeline.steps.count + 1)
        #expect(panel.points.first?.reconciliation.tool == 2)
        #expect(c.notes.contains { $0.contains("Each step holds") })
    }

    @Test func theSVGIsEscapedAndNamesItsParts() throws {
        let svg = TimelineChartWriter.svg(chart().timeline, network: network, published: [], logName: "a<b>&c.csv")
        #expect(svg.contains("Data: a&lt;b&gt;&amp;c.csv"))
        #expect(!svg.contains("a<b>"))
        #expect(svg.contains("viewBox=\"0 0 960 "))
        #expect(svg.contains("<title>") && svg.contains("<desc>"))
        for className in ["open", "cross-accredited", "closed", "suspended"] {
            #expect(svg.contains("class=\"series \(className)\""))
        }
    }
}
