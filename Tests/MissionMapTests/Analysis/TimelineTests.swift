import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct TimelineTests {
    // AA opens in BB (Europe) and CC (Oceania) in 2020; its BB embassy covers PE (Americas)
    // from 2020-06 (a month-precision date, known by 30 June); CC is suspended on 2021-02-10
    // and BB closes on 2021-03-15, ending PE's cover. A consulate in BB's Geneva is never
    // counted. BB has a post of its own in AA, so that a second sender has a series.
    let network: Network
    init() throws {
        network = try Fixture.network("""
        post_id,date,event,sender,host,city,type,accredited_from,counted,source
        AA-BB,2020-01-15,opened,AA,BB,,embassy,,,s
        AA-CC,2020-02-01,opened,AA,CC,,consulate,,,s
        AA-PE,2020-06,accredited,AA,PE,,embassy,AA-BB,,s
        AA-GE,2020-03-01,opened,AA,BB,Geneva,consulate-general,,no,s
        AA-CC,2021-02-10,suspended,AA,CC,,,,,s
        AA-BB,2021-03-15,closed,AA,BB,,,,,s
        BB-AA,2020-12-31,opened,BB,AA,,embassy,,,s
        """, header: "")
    }

    func day(_ text: String) -> Day { Day(text)! }

    func steps(_ from: String, _ to: String, _ every: Timeline.Interval, events: [String] = []) -> [String] {
        Timeline.steps(from: day(from), to: day(to), every: every, eventDays: events.map(day)).map(\.description)
    }

    @Test func monthStepsCountFromTheFirstDay() {
        #expect(steps("2023-09-01", "2024-03-01", .month)
            == ["2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01"])
        #expect(steps("2023-12-15", "2024-03-01", .month) == ["2023-12-15", "2024-01-15", "2024-02-15", "2024-03-01"], "then to")
        #expect(steps("2024-01-31", "2024-05-01", .month) == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-01"],
                "a short month takes its last day; the next month goes back to the 31st")
        #expect(steps("2024-01-10", "2024-01-20", .month) == ["2024-01-10", "2024-01-20"])
        #expect(steps("2024-01-31", "2024-01-31", .month) == ["2024-01-31"], "one day: once")
    }

    @Test func yearStepsCountFromTheFirstDay() {
        #expect(steps("2020-06-01", "2022-12-31", .year) == ["2020-06-01", "2021-06-01", "2022-06-01", "2022-12-31"])
        #expect(steps("2020-02-29", "2022-03-01", .year) == ["2020-02-29", "2021-02-28", "2022-02-28", "2022-03-01"])
        #expect(steps("2020-12-31", "2021-12-31", .year) == ["2020-12-31", "2021-12-31"], "to is a step: not twice")
    }

    @Test func eventStepsAreFromEachEventDayAndTo() {
        #expect(steps("2020-01-01", "2020-12-31", .event, events: ["2019-05-01", "2020-03-01", "2020-03-01", "2020-12-31", "2021-01-01"])
            == ["2020-01-01", "2020-03-01", "2020-12-31"], "outside the period left out, each day once")
        let senders = [network.gazetteer.country(code: "AA")!]
        let days = Timeline.steps(in: network, senders: senders, from: day("2020-01-01"), to: day("2021-12-31"), every: .event)
        // The month-precision cover counts on 30 June; BB's own event is not AA's.
        #expect(days.map(\.description) == ["2020-01-01", "2020-01-15", "2020-02-01", "2020-03-01", "2020-06-30",
                                             "2021-02-10", "2021-03-15", "2021-12-31"])
    }

    func timeline(_ from: String, _ to: String, _ every: Timeline.Interval, senders: [String] = ["AA"], by: Timeline.Grouping? = nil) -> Timeline {
        let countries = senders.map { network.gazetteer.country(code: $0)! }
        return Timeline(network: network, senders: countries, from: day(from), to: day(to), every: every, by: by,
                        steps: Timeline.steps(in: network, senders: countries, from: day(from), to: day(to), every: every))
    }

    @Test func countsFollowTheSnapshots() throws {
        let points = try #require(timeline("2020-01-31", "2021-04-01", .month).series.first).points
        #expect(points.count == 16)
        func point(_ date: String) throws -> Timeline.Point { try #require(points.first { $0.asOf == day(date) }) }
        let january = try point("2020-01-31")
        #expect((january.open, january.crossAccredited, january.closed, january.suspended, january.unknown) == (1, 0, 0, 0, 0))
        let june = try point("2020-06-30")
        #expect((june.open, june.crossAccredited) == (2, 1), "the uncounted consulate-general is left out")
        #expect(june.openByType == [.embassy: 1, .consulate: 1])
        let february = try point("2021-02-28")
        #expect((february.open, february.crossAccredited, february.suspended) == (1, 1, 1))
        #expect(february.posts == 2, "posts: open and suspended")
        let april = try point("2021-04-01")
        #expect((april.open, april.crossAccredited, april.closed, april.suspended) == (0, 0, 1, 1), "PE's cover ended with BB")
        #expect(april.openByType.isEmpty)
        // Every point is the snapshot of its day.
        for p in points {
            let counts = network.snapshot(sender: "AA", asOf: p.asOf).countsByStatus
            #expect(p.open == counts[.open] && p.closed == counts[.closed] && p.crossAccredited == counts[.crossAccredited])
        }
    }

    @Test func openPostsByRegionOfTheHost() throws {
        let plain = try #require(timeline("2020-12-31", "2020-12-31", .year).series.first?.points.first)
        #expect(plain.openByRegion == nil, "only when asked for")
        let point = try #require(timeline("2020-12-31", "2020-12-31", .year, by: .region).series.first?.points.first)
        #expect(point.openByRegion == ["Africa": 0, "Americas": 0, "Asia": 0, "Europe": 1, "Oceania": 1],
                "a covered host (PE) is not open; every region present")
    }

    @Test func oneSeriesPerSenderOnTheSameSteps() throws {
        let t = timeline("2020-12-01", "2021-01-15", .event, senders: ["AA", "BB"])
        #expect(t.series.map(\.country.iso2) == ["AA", "BB"])
        #expect(t.steps.map(\.description) == ["2020-12-01", "2020-12-31", "2021-01-15"], "BB's opening is a step of both")
        #expect(t.series.allSatisfy { $0.points.map(\.asOf) == t.steps })
        #expect(t.series[1].points.map(\.open) == [0, 1, 1])
    }

    @Test func formatsCarryTheSameNumbers() throws {
        let t = timeline("2020-05-31", "2020-07-10", .month, senders: ["AA", "BB"], by: .region)
        let csv = TimelineFormatter.csv(t).split(separator: "\r\n").map(String.init)
        #expect(csv.first == "as_of,sender,posts,open,cross_accredited,closed,suspended,unknown,open_embassy,open_consulate,"
            + "open_Africa,open_Americas,open_Asia,open_Europe,open_Oceania")
        #expect(csv.count == 1 + 3 * 2, "one row per day and sender")
        #expect(csv[2] == "2020-06-30,AA,2,2,1,0,0,0,1,1,0,0,0,1,1")
        let markdown = try TimelineFormatter.format(t, as: .markdown)
        #expect(markdown.contains("| 2020-06-30 | 2 | 2 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 1 |"))
        let json = try TimelineFormatter.format(t, as: .json)
        #expect(json.contains(#""open_by_region" : {"#) && json.contains(#""every" : "month""#))
    }
}
