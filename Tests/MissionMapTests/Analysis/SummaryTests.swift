import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// Regional figures on squares whose areas, populations and distances are known by hand.
@Suite(.tags(.unit)) struct SummaryAnalysisTests {
    // Europe: AA and BB are 10°x10° squares side by side on the equator; DD lies exactly on
    // AA (an overlap that a sum of areas would count twice); EE is a tiny country drawn as a
    // point. Oceania: CC. The sender SS sits in Asia. SS has an embassy in BB, which covers DD.
    static let gazetteer = Gazetteer(countries: [
        Country(iso2: "AA", iso3: "AAA", name: "Aland", capital: "A", capitalLocation: XY(5, 0), region: "Europe", subregion: "West"),
        Country(iso2: "BB", iso3: "BBB", name: "Beeland", capital: "B", capitalLocation: XY(15, 0), region: "Europe", subregion: "East"),
        Country(iso2: "DD", iso3: "DDD", name: "Deeland", capital: "D", capitalLocation: XY(5, 5), region: "Europe", subregion: "West"),
        Country(iso2: "EE", iso3: "EEE", name: "Eeland", capital: "E", capitalLocation: XY(25, 0), region: "Europe", subregion: "East"),
        Country(iso2: "CC", iso3: "CCC", name: "Ceeland", capital: "C", capitalLocation: XY(-175, 0), region: "Oceania", subregion: "South"),
        Country(iso2: "SS", iso3: "SSS", name: "Sender", capital: "S", capitalLocation: XY(105, 5), region: "Asia", subregion: "Far"),
    ], cities: [])

    static func boundaries(_ session: GeoSession) throws -> Boundaries {
        let square = { (x: Int) in #"{"type":"Polygon","coordinates":[[[\#(x),0],[\#(x + 10),0],[\#(x + 10),10],[\#(x),10],[\#(x),0]]]}"# }
        let features = [("AA", square(0), 1000), ("BB", square(10), 3000), ("DD", square(0), 0), ("CC", square(-180), 50),
                        ("SS", square(100), 9), ("EE", #"{"type":"Point","coordinates":[25,0]}"#, 500)].map { code, geometry, pop in
            #"{"type":"Feature","properties":{"iso2":"\#(code)","pop_est":\#(pop)},"geometry":\#(geometry)}"#
        }
        let text = #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
        return try Boundaries(data: Data(text.utf8), file: "squares.geojson", session: session)
    }

    static func summary(_ date: String = "2022-01-01", label: BoundariesLabel? = nil) throws -> Summary {
        let csv = """
        post_id,date,event,sender,host,type,accredited_from,source
        SS-BB,2020-01-01,opened,SS,BB,embassy,,s
        SS-DD,2021-01-01,accredited,SS,DD,embassy,SS-BB,s
        """
        let network = try MissionsLog.load(table: CSVTable(text: csv, file: "squares.csv"), gazetteer: gazetteer)
        let session = try GeoSession()
        var boundaries = try boundaries(session)
        if let label { boundaries.label = label }
        let geography = try Geography(boundaries: boundaries, session: session)
        return try Summary(network.snapshot(sender: "SS", asOf: Day(date)!), gazetteer: gazetteer, geography: geography)
    }

    @Test func handComputedFigures() throws {
        let s = try Self.summary()
        let europe = try #require(s.regions.first { $0.region == "Europe" })
        #expect(europe.countries == 4 && europe.countriesResident == 1 && europe.countriesCovered == 2)
        // Land: AA ∪ BB ∪ DD is two equal squares (DD lies on AA); covered BB ∪ DD is both of them.
        #expect(europe.areaShareCovered == 1.0, "a sum of areas would give 2/3")
        // People: 3000 (BB) + 0 (DD) of 1000 + 3000 + 0 + 500 (EE, a point).
        #expect(europe.populationShareCovered == 0.6667)
        // From each capital to the one open post, in Beeland at (15, 0), along the equator or
        // nearly: 10° of the equator is 1,113.19 km; Deeland's capital at (5, 5) is 1,113.8 km away.
        let expected = (1113.1949 + 0 + Geodesic.wgs84.distance(XY(5, 5), XY(15, 0)) / 1000 + 1113.1949) / 4
        #expect(abs(europe.meanDistanceKmToOpenPost! - expected) <= 0.05, "\(europe.meanDistanceKmToOpenPost!) vs \(expected)")
        let oceania = try #require(s.regions.first { $0.region == "Oceania" })
        #expect(oceania.areaShareCovered == 0 && oceania.populationShareCovered == 0 && oceania.countriesCovered == 0)
        #expect(s.notes.first == "No polygon in squares.geojson, so counted with their population and zero area: Eeland.")
        let bundled = try Self.summary(label: .naturalEarth50m)
        #expect(bundled.notes.first == "No polygon at 1:50m, so counted with their population and zero area: Eeland.")
    }

    @Test func worldIsTheUnionOfTheRegions() throws {
        let s = try Self.summary()
        // World land: AA∪BB (2 squares) + CC + SS, all the same size: covered 2 of 4.
        #expect(s.world.areaShareCovered == 0.5)
        #expect(s.world.countries == 6 && s.world.countriesCovered == 2)
        #expect(s.world.populationShareCovered == rounded(3000.0 / 4559, places: 4))
    }

    @Test func comparisonGivesTheChangeOfEveryFigure() throws {
        let before = try Self.summary("2020-06-01"), after = try Self.summary("2022-01-01")
        let compared = after.compared(to: before)
        let europe = try #require(compared.changes?.first { $0.region == "Europe" })
        #expect(europe.countriesCovered == 1 && europe.crossAccredited == 1 && europe.open == 0)
        #expect(europe.areaShareCovered == 0.5, "from a half (BB) to all (BB and DD)")
        #expect(compared.compareTo == Day("2020-06-01") && compared.worldChange?.countriesCovered == 1)
    }

    @Test func bySubregionGroupsTheSameCountries() throws {
        let csv = "post_id,date,event,sender,host,type,source\nSS-BB,2020-01-01,opened,SS,BB,embassy,s\n"
        let network = try MissionsLog.load(table: CSVTable(text: csv, file: "s.csv"), gazetteer: Self.gazetteer)
        let s = try Summary(network.snapshot(sender: "SS", asOf: Day("2021-01-01")!), gazetteer: Self.gazetteer, by: .subregion)
        #expect(s.regions.map(\.region) == ["Far", "East", "West", "South"])
        #expect(s.regions.first { $0.region == "East" }?.open == 1 && s.regions.map(\.countries).reduce(0, +) == 6)
    }

    @Test func everyFormatCarriesTheSameNumbers() throws {
        let s = try Self.summary().compared(to: try Self.summary("2020-06-01"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(SummaryFormatter.format(s, as: .json).utf8)) as? [String: Any])
        let europeJSON = try #require((json["regions"] as? [[String: Any]])?.first { $0["region"] as? String == "Europe" })
        #expect(europeJSON["population_share_covered"] as? Double == 0.6667)
        let csv = try CSVTable(text: SummaryFormatter.format(s, as: .csv), file: "s.csv")
        let europeCSV = try #require(csv.records.first { $0["region"] == "Europe" })
        #expect(europeCSV["population_share_covered"] == "0.6667" && europeCSV["countries_covered_change"] == "+1")
        #expect(europeCSV["open_embassy"] == "1")
        let table = try SummaryFormatter.format(s, as: .table)
        #expect(table.contains("66.7%") && table.contains("2 (+1)"))
        let markdown = try SummaryFormatter.format(s, as: .markdown)
        #expect(markdown.contains("| Europe |") && markdown.contains("66.7%"))
    }
}
