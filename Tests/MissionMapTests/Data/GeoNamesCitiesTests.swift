import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// Finding a post's city among GeoNames' cities: case, accents, ASCII and alternate names,
/// primary names before alternates, the dominant match, and ambiguity as an error.
@Suite(.tags(.unit)) struct GeoNamesCitiesTests {
    static let rows = """
        iso2,name,ascii,alternates,lat,lon,population,geonameid\r
        AA,Zürich,Zurich,Zuerich|Turicum,47.3667,8.5500,341730,1\r
        AA,Frankfurt am Main,,Frankfurt|Francfort,50.1155,8.6842,650000,2\r
        AA,Frankfurt (Oder),,Frankfurt|Frankfurt/Oder,52.3471,14.5506,57107,3\r
        AA,Springfield,,,37.2153,-93.2982,170188,4\r
        AA,Springfield,,,42.1015,-72.5898,154341,5\r
        AA,Oldtown,,Springfield,40.0000,-80.0000,900000,6\r
        AA,Port Aa,,Zurich,12.0000,12.0000,20000,7\r
        BB,Springfield,,,45.0000,5.0000,30000,8\r

        """

    /// The fixture gazetteer with these GeoNames rows in a temporary file.
    static func gazetteer(_ text: String = rows) throws -> (Gazetteer, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("geonames-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        let g = Fixture.gazetteer
        return (Gazetteer(countries: g.countries, cities: [City(iso2: "AA", name: "Port Aa", location: XY(11, 11))],
                          geonames: GeoNamesCities(file: url.path)), url)
    }

    @Test func caseAccentsAsciiAndAlternateNamesMatch() throws {
        let (g, url) = try Self.gazetteer()
        defer { try? FileManager.default.removeItem(at: url) }
        for name in ["Zürich", "ZURICH", "zurich", "Zuerich", "turicum"] {
            #expect(try g.match(city: name, in: "AA") == .found(XY(8.55, 47.3667)), "\(name)")
        }
        #expect(try g.match(city: "Zürich", in: "BB") == .none, "another country's city is not found")
    }

    @Test func capitalAndHandMadeCitiesComeFirst() throws {
        let (g, url) = try Self.gazetteer()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try g.match(city: "alpha", in: "AA") == .found(XY(10, 10)))
        #expect(try g.match(city: "Port Aa", in: "AA") == .found(XY(11, 11)), "cities.csv's point, not GeoNames' (12, 12)")
    }

    @Test func primaryNamesBeatAlternatesAndADominantMatchWins() throws {
        let (g, url) = try Self.gazetteer()
        defer { try? FileManager.default.removeItem(at: url) }
        // Oldtown (900,000) is also called Springfield, but two cities are named Springfield.
        guard case .ambiguous(let candidates) = try g.match(city: "Springfield", in: "AA") else {
            Issue.record("Springfield should be ambiguous")
            return
        }
        #expect(candidates.map(\.geonameid) == [4, 5], "only the primary matches, most populous first")
        // 650,000 against 57,107: more than ten times, so "Frankfurt" is Frankfurt am Main.
        #expect(try g.match(city: "frankfurt", in: "AA") == .found(XY(8.6842, 50.1155)))
        #expect(try g.match(city: "Frankfurt/Oder", in: "AA") == .found(XY(14.5506, 52.3471)))
        #expect(try g.match(city: "Springfield", in: "BB") == .found(XY(5, 45)))
    }

    @Test func anAmbiguousCityIsAnErrorListingTheCandidates() throws {
        let (g, url) = try Self.gazetteer()
        defer { try? FileManager.default.removeItem(at: url) }
        let log = Fixture.header + "X-1,2020-01-01,opened,BB,AA,springfield,consulate-general,,,,https://example.org,\n"
        #expect {
            try MissionsLog.load(data: Data(log.utf8), file: "log.csv", gazetteer: g)
        } throws: { error in
            let message = (error as? DataErrors)?.errors.first?.description ?? ""
            return message == "log.csv:2: error: city 'springfield' in AA is ambiguous: 2 cities match, "
                + "Springfield (170,188 people, at 37.2153,-93.2982); Springfield (154,341 people, at 42.1015,-72.5898); "
                + "give lat/lon, or a name only one of them has (such as its full name in GeoNames)"
        }
        // With lat/lon the name is not looked up.
        let placed = try MissionsLog.load(data: Data((Fixture.header + "X-1,2020-01-01,opened,BB,AA,Springfield,consulate-general,,42.1,-72.6,https://example.org,\n").utf8),
                                          file: "log.csv", gazetteer: g)
        #expect(placed.posts[0].location == XY(-72.6, 42.1))
        #expect(placed.posts[0].locationTyped)
    }

    @Test func theFileIsReadOnlyWhenACityIsNotACapitalOrHandMade() throws {
        let g = Fixture.gazetteer
        let missing = Gazetteer(countries: g.countries, cities: [], geonames: GeoNamesCities(file: "/nonexistent/cities15000.csv"))
        #expect(try missing.match(city: "Alpha", in: "AA") == .found(XY(10, 10)))
        #expect(throws: DataError.self) { try missing.match(city: "Zurich", in: "AA") }
        #expect(throws: DataError.self, "the failure is kept, and given again") { try missing.match(city: "Zurich", in: "AA") }
    }

    @Test func suggestionsReachGeoNamesCities() throws {
        let (g, url) = try Self.gazetteer()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(g.suggestion(forCity: "Zurick", in: "AA") == "Zürich")
        #expect(g.cityNames(in: "AA").prefix(3) == ["Alpha", "Port Aa", "Oldtown"])
    }
}
