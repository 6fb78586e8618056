import Testing
@testable import MissionMap

/// Posts before their first evidence are `unknown`; covers that end leave a host `uncovered`.
@Suite(.tags(.unit)) struct EvidenceHorizonTests {
    // AA-BB is only attested (2020); AA-CC opened (2019). CC's embassy covers PE from 2019 until
    // the cover ends in 2021; BB's embassy covers FJ, and is suspended in 2022, resumed in 2023,
    // closed in 2024.
    let network: Network
    init() throws {
        network = try Fixture.network("""
        AA-BB,2020-06,attested,AA,BB,,embassy,,,,s1,
        AA-CC,2019-01-01,opened,AA,CC,,embassy,,,,s2,
        AA-PE,2019-06-01,accredited,AA,PE,,embassy,AA-CC,,,s3,
        AA-PE,2021-01-01,accreditation-ended,AA,PE,,,,,,s4,
        AA-FJ,2021-01-01,accredited,AA,FJ,,embassy,AA-BB,,,s5,
        AA-BB,2022-01-01,suspended,AA,BB,,,,,,s6,
        AA-BB,2023-01-01,resumed,AA,BB,,,,,,s7,
        AA-BB,2024-01-01,closed,AA,BB,,,,,,s8,
        """)
    }

    func snapshot(_ date: String) throws -> Snapshot {
        network.snapshot(sender: "AA", asOf: try #require(Day(date)))
    }

    func status(_ id: String, _ date: String) throws -> PostStatus? {
        try snapshot(date).post(id: id)?.status
    }

    @Test func aPostIsUnknownBeforeItsFirstAttestationAndAbsentBeforeItsOpening() throws {
        #expect(try status("AA-BB", "1990-01-01") == .unknown)
        #expect(try status("AA-BB", "2020-06-29") == .unknown, "a month-precision row counts from the month's end")
        #expect(try status("AA-BB", "2020-06-30") == .open)
        #expect(try status("AA-CC", "2018-12-31") == nil, "opened later: it did not exist yet")
        #expect(try snapshot("2018-12-31").post(id: "AA-BB")?.basis.source == "s1", "the unknown post points at its first evidence")
    }

    @Test func aCoverOnlyHostWhoseCoverEndsIsUncoveredNeverClosed() throws {
        #expect(try status("AA-PE", "2020-01-01") == .crossAccredited)
        #expect(try status("AA-PE", "2021-01-01") == .uncovered)
        #expect(try snapshot("2021-01-01").countryStatuses["PE"] == .uncovered)
        #expect(try status("AA-FJ", "2024-01-01") == .uncovered, "the covering post closed")
    }

    @Test func aCoverIsSuspendedWithItsCoveringPost() throws {
        #expect(try status("AA-FJ", "2021-06-01") == .crossAccredited)
        let suspended = try #require(try snapshot("2022-06-01").post(id: "AA-FJ"))
        #expect(suspended.status == .suspended)
        #expect(suspended.accreditedFrom == "AA-BB")
        #expect(try snapshot("2022-06-01").countryStatuses["FJ"] == .suspended)
        #expect(try snapshot("2022-06-01").accreditations.isEmpty, "no line drawn for a suspended cover")
        #expect(try status("AA-FJ", "2023-06-01") == .crossAccredited)
    }

    @Test func anUnknownPostOutranksNothingButAClosedOne() throws {
        #expect(try snapshot("2019-06-01").countryStatuses["BB"] == .unknown)
        #expect(HostStatus.precedence.firstIndex(of: .unknown)! < HostStatus.precedence.firstIndex(of: .closed)!)
        #expect(HostStatus.precedence.firstIndex(of: .unknown)! > HostStatus.precedence.firstIndex(of: .suspended)!)
    }

    @Test func theSummaryCarriesUnknownAndUncoveredAndSaysSo() throws {
        let early = try Summary(try snapshot("2019-06-01"), gazetteer: Fixture.gazetteer)
        #expect(early.totals.unknown == 1 && early.totals.open == 1 && early.totals.crossAccredited == 1)
        #expect(early.regions.first { $0.region == "Europe" }?.unknown == 1)
        let note = try #require(early.notes.first { $0.contains("no record") })
        #expect(note.contains("1 post has no record on or before 2019-06-01, so its status is unknown"))
        #expect(note.contains("Béta (Beeland, first record 2020-06)"))
        let late = try Summary(try snapshot("2024-06-01"), gazetteer: Fixture.gazetteer)
        #expect(late.totals.unknown == 0 && late.totals.uncovered == 2 && late.totals.closed == 1)
        #expect(!late.notes.contains { $0.contains("no record") })
        let json = try SummaryFormatter.json(early)
        #expect(json.contains("\"unknown\" : 1") && json.contains("\"uncovered\" : 0"))
    }
}
