import Testing
@testable import MissionMap

/// Summaries and changes seen from a host: posts fall in their sender's region, land figures
/// are left out, and the JSON names the host instead of a sender.
@Suite(.tags(.unit)) struct HostSummaryTests {
    // In BB: AA's embassy (Europe, closed 2023), AA's UN mission, CC's embassy (Oceania),
    // PE's embassy (Americas, opens 2022). FJ's post is in AA, not BB.
    let network = try! Fixture.network("""
    AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,
    AA-BB-UN,2020-01-01,opened,AA,BB,Geneva,permanent-mission,,,,s2,
    CC-BB,2020-06-01,opened,CC,BB,,embassy,,,,s3,
    PE-BB,2022-03-01,opened,PE,BB,,embassy,,,,s4,
    AA-BB,2023-01-01,closed,AA,BB,,,,,,s5,
    FJ-AA,2022-01-01,opened,FJ,AA,,embassy,,,,s6,
    """)

    var bb: Country { Fixture.gazetteer.country(code: "BB")! }

    func summary(_ date: String) throws -> Summary {
        try Summary(network.snapshot(.host(bb, city: nil), asOf: Day(date)!), gazetteer: Fixture.gazetteer)
    }

    func row(_ s: Summary, _ region: String) -> Summary.Row { s.regions.first { $0.region == region }! }

    @Test func postsFallInTheirSendersRegion() throws {
        let s = try summary("2022-06-01")
        #expect(s.host == bb && s.sender == nil)
        #expect(row(s, "Europe").open == 2 && row(s, "Europe").countriesResident == 1, "AA's embassy and mission; AA once")
        #expect(row(s, "Oceania").open == 1 && row(s, "Americas").open == 1)
        #expect(s.world.open == 4 && s.totals.byType == [.embassy: 3, .permanentMission: 1])
        let later = try summary("2023-06-01")
        #expect(row(later, "Europe").closed == 1 && row(later, "Europe").open == 1, "the embassy closed, the mission open")
    }

    @Test func noLandFiguresAndTheNotesSayWhy() throws {
        let s = try summary("2022-06-01")
        #expect(s.world.areaShareCovered == nil && s.world.meanDistanceKmToOpenPost == nil)
        #expect(s.notes.contains { $0.contains("leaves them out") })
    }

    @Test func theJSONNamesTheHostAndTheHeadingSaysForeignPosts() throws {
        let s = try summary("2022-06-01")
        let json = try SummaryFormatter.json(s)
        #expect(json.contains("\"host\" : \"BB\"") && !json.contains("\"sender\""))
        #expect(try SummaryFormatter.format(s, as: .table).hasPrefix("Foreign posts in Beeland (BB) as of 2022-06-01\n"))
        let sender = try Summary(network.snapshot(sender: "AA", asOf: Day("2022-06-01")!), gazetteer: Fixture.gazetteer)
        let senderJSON = try SummaryFormatter.json(sender)
        #expect(senderJSON.contains("\"sender\" : \"AA\"") && !senderJSON.contains("\"host\" :"), "a sender's JSON as before")
    }

    @Test func changesInAHostListEverySenderWithTheSenderColumn() throws {
        let changes = Changes(network: network, query: .host(bb, city: nil), from: Day("2021-01-01")!, to: Day("2023-12-31")!)
        #expect(changes.entries.map { "\($0.post.sender.iso2) \($0.event.kind.rawValue)" } == ["PE opened", "AA closed"])
        let csv = try ChangesFormatter.format(changes, as: .csv)
        #expect(csv.hasPrefix("date,sender,sender_name,post,"))
        let inCity = Changes(network: network, query: .host(bb, city: "Geneva"), from: Day("2019-01-01")!, to: Day("2023-12-31")!)
        #expect(inCity.entries.map(\.post.id) == ["AA-BB-UN"])
        let json = try ChangesFormatter.format(changes, as: .json)
        #expect(json.contains("\"host\" : \"BB\"") && !json.contains("\"sender\" : \"BB\""))
    }
}
