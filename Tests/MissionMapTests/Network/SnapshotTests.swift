import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct SnapshotTests {
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

    @Test func countryStatusesCountBilateralPostsOnly() throws {
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

/// A host's view: every sender's posts in one country, covers included.
@Suite(.tags(.unit)) struct HostQueryTests {
    // In BB: AA's embassy (closes 2023), AA's UN mission in Geneva, and CC covered from its
    // embassy in AA. CC's own post in AA is not in BB.
    let network = try! Fixture.network("""
    AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,
    AA-BB-UN,2020-01-01,opened,AA,BB,Geneva,permanent-mission,,,,s2,
    AA-BB,2023-01-01,closed,AA,BB,,,,,,s3,
    CC-AA,2020-01-01,opened,CC,AA,,embassy,,,,s4,
    CC-BB,2021-01-01,accredited,CC,BB,,embassy,CC-AA,,,s5,
    CC-AA,2022-06-01,suspended,CC,AA,,,,,,s6,
    """)

    func country(_ code: String) -> Country { Fixture.gazetteer.country(code: code)! }

    func snapshot(_ date: String, city: String? = nil) -> Snapshot {
        network.snapshot(.host(country("BB"), city: city), asOf: Day(date)!)
    }

    @Test func everySendersPostsInTheHost() {
        let s = snapshot("2021-06-01")
        #expect(s.posts.map(\.post.id) == ["AA-BB", "AA-BB-UN", "CC-BB"])
        #expect(s.sender == nil)
        #expect(s.posts.map { s.counterpart($0.post).iso2 } == ["AA", "AA", "CC"], "the far side of a post in a host is its sender")
        #expect(s.countryStatuses == ["AA": .resident, "CC": .nonResident], "the UN mission is not bilateral")
    }

    @Test func coversComeWithTheirCoveringPostElsewhere() throws {
        let s = snapshot("2021-06-01")
        #expect(s.accreditations.map { "\($0.from.post.id)>\($0.to.post.id)" } == ["CC-AA>CC-BB"])
        #expect(try #require(s.post(id: "CC-AA")).post.host.iso2 == "AA", "the covering post is found, though not in BB")
        #expect(!s.posts.contains { $0.post.id == "CC-AA" })
    }

    @Test func aCoverFollowsItsCoveringPostElsewhere() {
        #expect(snapshot("2022-07-01").post(id: "CC-BB")?.status == .suspended, "CC's post in AA is suspended, so is its cover of BB")
        #expect(snapshot("2023-06-01").countryStatuses == ["AA": .closed, "CC": .suspended])
        #expect(snapshot("2019-06-01").posts.isEmpty)
    }

    @Test func aCityNarrowsTheHost() {
        #expect(snapshot("2021-06-01", city: "geneva").posts.map(\.post.id) == ["AA-BB-UN"], "matched without case")
        #expect(snapshot("2021-06-01", city: "Béta").posts.map(\.post.id) == ["AA-BB"], "a cover from abroad is not in the city")
        #expect(snapshot("2021-06-01", city: "").posts.map(\.post.id) == ["AA-BB"], "no city is the capital, as in the log")
        #expect(snapshot("2021-06-01", city: "Nowhere").posts.isEmpty)
    }

    @Test func theSameStatesAsFromEachSender() {
        for date in ["2020-06-01", "2021-06-01", "2022-07-01", "2023-06-01"] {
            let host = snapshot(date)
            for sender in ["AA", "CC"] {
                let own = network.snapshot(sender: sender, asOf: Day(date)!).posts.filter { $0.post.host.iso2 == "BB" }
                let seen = host.posts.filter { $0.post.sender.iso2 == sender }
                #expect(own.map(\.post.id) == seen.map(\.post.id) && own.map(\.status) == seen.map(\.status), "\(sender) on \(date)")
            }
        }
    }
}
