import Testing
@testable import MissionMap

/// `--host` and `--city` resolved against a log: a host must hold some sender's post, a city
/// a resident post, and a slip is answered with a "did you mean".
@Suite(.tags(.unit)) struct HostSelectionTests {
    // BB holds AA's embassy and UN mission (in Geneva) and CC's cover from AA; AA holds CC's embassy.
    let network = try! Fixture.network("""
    AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,
    AA-BB-UN,2020-01-01,opened,AA,BB,Geneva,permanent-mission,,,,s2,
    CC-AA,2020-01-01,opened,CC,AA,,embassy,,,,s3,
    CC-BB,2021-01-01,accredited,CC,BB,,embassy,CC-AA,,,s4,
    """)

    func country(_ code: String) -> Country { Fixture.gazetteer.country(code: code)! }

    func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return (error as? SelectionError)?.description }
    }

    @Test func aHostByCodeOrName() throws {
        #expect(network.hosts.map(\.iso2) == ["AA", "BB"])
        #expect(try network.host(named: "bb", log: "t.csv") == country("BB"))
        #expect(try network.host(named: "Aland", log: "t.csv") == country("AA"))
        #expect(try network.selection(host: "BB", city: nil, log: "t.csv") == .host(country("BB"), city: nil))
    }

    @Test func aHostWithoutPostsOrUnknownIsAnErrorWithAHint() {
        #expect(message { try network.host(named: "CC", log: "t.csv") } == "Ceeland (CC) holds no post in t.csv. Hosts in t.csv: AA, BB.")
        #expect(message { try network.host(named: "Beland", log: "t.csv") } == "unknown host 'Beland'; did you mean Beeland (BB)? Hosts in t.csv: AA, BB.")
        #expect(message { try network.host(named: "Zork", log: "t.csv") } == "unknown host 'Zork'. Hosts in t.csv: AA, BB.")
    }

    @Test func aCityAsTheLogSpellsIt() throws {
        #expect(try network.selection(host: "BB", city: "geneva", log: "t.csv") == .host(country("BB"), city: "Geneva"))
        #expect(try network.city(named: "BÉTA", in: country("BB"), log: "t.csv") == "Béta", "the capital, where the embassy is")
    }

    @Test func aCityWithoutAPostListsThoseWithOne() {
        #expect(message { try network.city(named: "Genva", in: country("BB"), log: "t.csv") }
            == "no post in 'Genva', Beeland (BB), in t.csv; did you mean Geneva? Cities with posts there: Béta, Geneva.")
        #expect(message { try network.city(named: "Port Aa", in: country("AA"), log: "t.csv") }
            == "no post in 'Port Aa', Aland (AA), in t.csv. Cities with posts there: Alpha.")
    }
}
