import GeoKit
import Testing
@testable import MissionMap

/// The bundled dataset reproduces the public counts (ROK MOFA, via the fact sheet's reconciliation).
@Suite struct BundledDataTests {
    let network: Network
    init() throws {
        let gazetteer = try Gazetteer(capitalsFile: Repo.data.capitals, citiesFile: Repo.data.cities)
        network = try MissionsLog.load(file: Repo.data.missions, gazetteer: gazetteer)
    }

    func snapshot(_ date: String) throws -> Snapshot {
        network.snapshot(sender: "KP", asOf: try #require(Day(date)))
    }

    @Test func everyRowHasASource() {
        #expect(network.warnings.isEmpty)
        #expect(network.posts.allSatisfy { $0.events.allSatisfy { $0.source.hasPrefix("http") } })
    }

    @Test func fiftyThreePostsOnFirstOctober2023() throws {
        let s = try snapshot("2023-10-01")
        #expect(s.posts(.open).count == 53)
        #expect(s.openByType == [.embassy: 47, .consulateGeneral: 3, .permanentMission: 3])
    }

    @Test func fortyNineAfterTheFourLateOctoberClosures() throws {
        let s = try snapshot("2023-11-03")
        #expect(s.posts(.open).count == 49)
        let gone = Set(s.posts.filter { $0.status != .open }.map(\.post.host))
        #expect(gone == ["ES", "UG", "AO", "HK"])
        #expect(try snapshot("2023-11-06").posts(.open).count == 48, "Nepal closes on 6 November")
    }

    @Test func fortyFourOnFirstFebruary2024() throws {
        let s = try snapshot("2024-02-01")
        #expect(s.posts(.open).count == 44)
        #expect(s.openByType == [.embassy: 39, .consulateGeneral: 2, .permanentMission: 3])
    }

    @Test func spainIsCoveredFromRomeAfterTheClosure() throws {
        let s = try snapshot("2024-01-01")
        let madrid = try #require(s.posts.first { $0.post.host == "ES" })
        #expect(madrid.status == .crossAccredited)
        #expect(madrid.accreditedFrom == "KP-IT-ROME")
        #expect(s.hostStatuses["ES"] == .nonResident)
        #expect(try snapshot("2023-10-01").hostStatuses["ES"] == .resident)
    }

    @Test func pyongyangIsInsideNorthKoreaAndNotSouthKorea() throws {
        let boundaries = try Boundaries(file: Repo.data.boundaries, context: GEOSContext())
        let pyongyang = try #require(network.gazetteer.country(code: "KP")).capitalLocation
        let point = try boundaries.context.point(pyongyang)
        #expect(try #require(boundaries.shape("KP")).prepared().contains(point))
        #expect(try !#require(boundaries.shape("KR")).prepared().contains(point))
        #expect(boundaries.codes.count == network.gazetteer.countries.count)
        #expect(boundaries.population("KP") > 20_000_000)
    }
}
