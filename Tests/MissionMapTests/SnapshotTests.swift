import Testing
@testable import MissionMap

@Suite struct SnapshotTests {
    // AA's embassy in BB covers CC from 2021; BB closes in 2023, so CC's cover lapses.
    let network: Network
    init() throws {
        network = try Fixture.network("""
        AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,
        AA-BB-UN,2020-01-01,opened,AA,BB,Geneva,permanent-mission,,,,s2,
        AA-CC,2019-06-01,opened,AA,CC,,embassy,,,,s3,
        AA-CC,2021-03-01,accredited,AA,CC,,,AA-BB,,,s4,
        AA-CC,2021-04-01,closed,AA,CC,,,,,,s5,
        AA-BB,2023-01-01,closed,AA,BB,,,,,,s6,
        """)
    }

    func status(_ id: String, _ date: String) throws -> PostStatus? {
        network.snapshot(sender: "AA", asOf: try #require(Day(date))).post(id: id)?.status
    }

    @Test func statusesFollowTheEvents() throws {
        #expect(try status("AA-BB", "2019-12-31") == nil, "no event yet")
        #expect(try status("AA-CC", "2021-03-15") == .open, "still resident while accredited")
        #expect(try status("AA-CC", "2021-04-01") == .crossAccredited)
        #expect(try status("AA-CC", "2023-01-01") == .closed, "cover lapses with the covering post")
        #expect(try status("AA-BB", "2023-01-01") == .closed)
    }

    @Test func crossAccreditationCarriesItsOriginAndDates() throws {
        let snap = network.snapshot(sender: "AA", asOf: try #require(Day("2022-01-01")))
        let cc = try #require(snap.post(id: "AA-CC"))
        #expect(cc.accreditedFrom == "AA-BB")
        #expect(cc.accreditedSince?.description == "2021-03-01")
        #expect(cc.closed?.description == "2021-04-01")
        #expect(cc.opened?.description == "2019-06-01")
        #expect(cc.basis.source == "s5")
        #expect(snap.accreditations.map { "\($0.from.post.id)>\($0.to.post.id)" } == ["AA-BB>AA-CC"])
    }

    @Test func hostStatusesCountBilateralPostsOnly() throws {
        let snap = network.snapshot(sender: "AA", asOf: try #require(Day("2023-06-01")))
        // The UN mission in BB stays open, yet BB is closed as a host: it is not a bilateral post.
        #expect(snap.post(id: "AA-BB-UN")?.status == .open)
        #expect(snap.countryStatuses == ["BB": .closed, "CC": .closed])
        let earlier = network.snapshot(sender: "AA", asOf: try #require(Day("2022-06-01")))
        #expect(earlier.countryStatuses == ["BB": .resident, "CC": .nonResident])
    }

    @Test func summaryCountsByRegion() throws {
        let summary = try Summary(network.snapshot(sender: "AA", asOf: try #require(Day("2022-06-01"))), gazetteer: network.gazetteer)
        #expect(summary.totals.open == 2 && summary.totals.crossAccredited == 1 && summary.totals.closed == 0)
        #expect(summary.totals.byType == [.embassy: 1, .permanentMission: 1])
        let europe = try #require(summary.regions.first { $0.region == "Europe" })
        #expect(europe.open == 2 && europe.countries == 2 && europe.countriesResident == 1 && europe.countriesCovered == 1)
        let oceania = try #require(summary.regions.first { $0.region == "Oceania" })
        #expect(oceania.crossAccredited == 1 && oceania.countriesResident == 0 && oceania.countriesCovered == 1)
        #expect(summary.regions.map(\.region) == Summary.unRegions)
    }

    @Test func otherSendersAreLeftOut() throws {
        #expect(network.snapshot(sender: "BB", asOf: try #require(Day("2022-06-01"))).posts.isEmpty)
    }
}
