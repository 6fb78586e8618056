import GeoKit
import Testing
@testable import MissionMap

/// The bundled dataset reproduces the public counts (ROK MOFA, via the fact sheet's reconciliation).
@Suite(.tags(.unit, .bundledData)) struct BundledDataTests {
    let network: Network
    init() throws {
        network = try MissionsLog.load(file: Repo.data.missions, gazetteer: Repo.data.gazetteer())
    }

    func snapshot(_ date: String) throws -> Snapshot {
        network.snapshot(sender: "KP", asOf: try #require(Day(date)))
    }

    @Test func everyRowHasASource() {
        #expect(network.warnings.isEmpty)
        #expect(network.posts.allSatisfy { $0.events.allSatisfy { $0.source.hasPrefix("http") } })
    }

    /// South Korea's lists count the posts that are not closed: the open ones, and Lima,
    /// inactive since Peru expelled the DPRK's diplomats in Dec 2017.
    func listed(_ s: Snapshot) -> [PostState] {
        s.posts(.open) + s.posts(.suspended)
    }

    @Test func fiftyThreePostsOnFirstOctober2023() throws {
        let s = try snapshot("2023-10-01")
        #expect(listed(s).count == 53)
        #expect(s.posts(.suspended).map(\.post.id) == ["KP-PE-LIMA"])
        #expect(s.posts(.unknown).isEmpty)
        #expect(s.openByType == [.embassy: 46, .consulateGeneral: 3, .permanentMission: 3])
    }

    @Test func fortyNineAfterTheFourLateOctoberClosures() throws {
        let s = try snapshot("2023-11-03")
        #expect(listed(s).count == 49)
        let before = Set(listed(try snapshot("2023-10-01")).map(\.post.host.iso2))
        let gone = before.subtracting(listed(s).map(\.post.host.iso2))
        #expect(gone == ["ES", "UG", "AO", "HK"])
        #expect(listed(try snapshot("2023-11-06")).count == 48, "Nepal closes on 6 November")
    }

    @Test func fortyFourOnFirstFebruary2024() throws {
        let s = try snapshot("2024-02-01")
        #expect(listed(s).count == 44)
        #expect(s.openByType == [.embassy: 38, .consulateGeneral: 2, .permanentMission: 3])
    }

    @Test func spainIsCoveredFromRomeAfterTheClosure() throws {
        let s = try snapshot("2024-01-01")
        let madrid = try #require(s.posts.first { $0.post.host.iso2 == "ES" })
        #expect(madrid.status == .crossAccredited)
        #expect(madrid.accreditedFrom == "KP-IT-ROME")
        #expect(s.countryStatuses["ES"] == .nonResident)
        #expect(try snapshot("2023-10-01").countryStatuses["ES"] == .resident)
    }

    @Test func postsOutsideTheOfficialCountAreFlagged() throws {
        let uncounted = Set(network.posts.filter { !$0.counted }.map(\.city))
        #expect(uncounted == ["Dandong", "Karachi", "Khabarovsk", "Tokyo"])
        #expect(try snapshot("2023-10-01").countryStatuses["JP"] == nil, "Chongryon does not make Japan a host")
    }

    @Test func belarusEmbassyOpenedIn2016() throws {
        #expect(try snapshot("2016-08-31").post(id: "KP-BY-MINSK") == nil)
        #expect(try snapshot("2016-10-01").post(id: "KP-BY-MINSK")?.status == .open)
    }

    @Test func foreignEmbassiesInPyongyangLeftAndCameBack() throws {
        func status(_ sender: String, _ date: String) throws -> PostStatus? {
            network.snapshot(sender: sender, asOf: try #require(Day(date))).posts.first { $0.post.host.iso2 == "KP" }?.status
        }
        #expect(try status("SE", "2019-06-01") == .open)
        #expect(try status("SE", "2021-06-01") == .suspended, "suspended, not closed")
        #expect(try status("SE", "2024-09-12") == .suspended)
        #expect(try status("SE", "2024-09-13") == .open)
        #expect(try status("PL", "2024-06-01") == .suspended)
        #expect(try status("PL", "2024-12-31") == .open)
        #expect(try status("RU", "2021-06-01") == .open, "Russia kept its staff")
        let pyongyang = network.senders.map(\.iso2).filter { $0 != "KP" }
        let open2024 = try pyongyang.filter { try status($0, "2024-12-31") == .open }
        #expect(open2024.count == 15, "15 embassies operating in Dec 2024 (Yonhap): \(open2024)")
    }

    @Test func pyongyangIsInsideNorthKoreaAndNotSouthKorea() throws {
        let session = try GeoSession()
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let pyongyang = try #require(network.gazetteer.country(code: "KP")).capitalLocation
        let point = try session.geos.point(pyongyang)
        #expect(try #require(try boundaries.shape("KP", in: session)).prepared().contains(point))
        #expect(try !#require(try boundaries.shape("KR", in: session)).prepared().contains(point))
        #expect(boundaries.codes.count == network.gazetteer.countries.count)
        #expect(boundaries.population("KP") > 20_000_000)
    }
}
