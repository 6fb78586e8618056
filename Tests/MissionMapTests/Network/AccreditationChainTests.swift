import Testing
@testable import MissionMap

/// Chains of posts covering each other: valid ones pass, cycles are found, and the check does
/// not walk the chain again for every link (its time is measured in Benchmarks/, not here).
@Suite(.tags(.unit)) struct AccreditationChainTests {
    static func next(_ d: Day) -> Day {
        if d.day < d.daysInMonth { return Day(year: d.year, month: d.month, day: d.day + 1)! }
        return d.month < 12 ? Day(year: d.year, month: d.month + 1, day: 1)! : Day(year: d.year + 1, month: 1, day: 1)!
    }

    /// `count` embassies, all opened in 2000; from 2001 each is covered by the next, one link a
    /// day, the last links first.
    static func chain(_ count: Int, closingLink: Bool = false) -> String {
        let hosts = ["BB", "CC", "PE", "FJ"]
        var rows = ""
        for i in 0..<count {
            rows += "P\(i),2000-01-01,opened,AA,\(hosts[i % hosts.count]),,embassy,,,,s,\n"
        }
        var day = Day(year: 2001, month: 1, day: 1)!
        let next = Self.next
        // Top down, the order that made the old check walk the whole chain for every link.
        for i in (0..<(count - 1)).reversed() {
            rows += "P\(i),\(day),accredited,AA,\(hosts[i % hosts.count]),,,P\(i + 1),,,s,\n"
            day = next(day)
        }
        if closingLink {
            rows += "P\(count - 1),\(day),accredited,AA,\(hosts[(count - 1) % hosts.count]),,,P0,,,s,\n"
        }
        return rows
    }

    @Test func aLongValidChainLoads() throws {
        let network = try Fixture.network(Self.chain(10_000))
        #expect(network.posts.count == 10_000)
        let last = network.snapshot(sender: "AA", asOf: Day(year: 2030, month: 1, day: 1)!)
        #expect(last.posts.filter { $0.accreditedFrom != nil }.isEmpty, "each post is open: its own presence wins")
    }

    @Test func theLinkThatClosesALongChainIsACycle() throws {
        let error = try #require(Fixture.error(Self.chain(2_000, closingLink: true)))
        #expect(error.line == 4_001, "the header, 2,000 openings, 1,999 links, then the closing one")
        let day = (0..<1_999).reduce(Day(year: 2001, month: 1, day: 1)!) { d, _ in Self.next(d) }
        #expect(error.message.hasPrefix("accreditation cycle on \(day): P1999 -> P0 -> P1 -> P2 -> "))
        #expect(error.message.hasSuffix(" -> P1997 -> P1998 -> P1999"))
    }

    @Test func aCoverMovedInACircleOnOneDayIsJudgedAtTheDaysEnd() throws {
        // A covers B, then on one day B's cover moves to A while A's moves away: no cycle remains.
        #expect(Fixture.error("""
        A,2000-01-01,opened,AA,BB,,embassy,,,,s,
        B,2000-01-01,opened,AA,CC,,embassy,,,,s,
        C,2000-01-01,opened,AA,PE,,embassy,,,,s,
        A,2001-01-01,accredited,AA,BB,,,B,,,s,
        B,2002-01-01,accredited,AA,CC,,,A,,,s,
        A,2002-01-01,accredited,AA,BB,,,C,,,s,
        """) == nil)
        let error = try #require(Fixture.error("""
        A,2000-01-01,opened,AA,BB,,embassy,,,,s,
        B,2000-01-01,opened,AA,CC,,embassy,,,,s,
        A,2001-01-01,accredited,AA,BB,,,B,,,s,
        B,2002-01-01,accredited,AA,CC,,,A,,,s,
        """))
        #expect(error.description == "fixture.csv:5: error: accreditation cycle on 2002-01-01: B -> A -> B")
    }
}

@Suite(.tags(.unit)) struct LinkCutForestTests {
    @Test func rootsFollowLinksAndCuts() {
        var forest = LinkCutForest(count: 6)
        for i in 0..<5 { forest.link(i, under: i + 1) }
        #expect((0..<6).map { forest.root(of: $0) } == [5, 5, 5, 5, 5, 5])
        forest.cut(2)
        #expect((0..<6).map { forest.root(of: $0) } == [2, 2, 2, 5, 5, 5])
        forest.link(2, under: 4)
        #expect(forest.root(of: 0) == 5)
        forest.cut(4)
        #expect(forest.root(of: 0) == 4 && forest.root(of: 3) == 4 && forest.root(of: 5) == 5)
    }
}
