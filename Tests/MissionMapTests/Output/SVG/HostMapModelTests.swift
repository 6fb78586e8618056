import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// A host's map, from a small log of posts in Beeland (BB): the senders' countries take the
/// status of their posts there, the host is marked, and each city with posts has one marker.
@Suite(.tags(.unit)) struct HostMapModelTests {
    // Aland's embassy is open; Ceeland's suspended; Peru covers Beeland from its embassy in
    // Aland; Fiji's consulate general in Geneva was planned, opened and closed.
    let network = try! Fixture.network("""
    A-BB,2020-01-01,opened,AA,BB,,embassy,,,,s,
    C-BB,2019-01-01,opened,CC,BB,,embassy,,,,s,
    C-BB,2021-01-01,suspended,CC,BB,,,,,,s,
    P-AA,2019-01-01,opened,PE,AA,,embassy,,,,s,
    P-BB,2021-06-01,accredited,PE,BB,,embassy,P-AA,,,s,
    F-BB-GENEVA,2019-01-01,planned,FJ,BB,Geneva,consulate-general,,,,s,
    F-BB-GENEVA,2020-01-01,opened,FJ,BB,,,,,,s,
    F-BB-GENEVA,2021-03-01,closed,FJ,BB,,,,,,s,
    """)

    /// Squares for the fixture's countries, Peru and Fiji too.
    func boundaries(_ session: GeoSession) throws -> Boundaries {
        let square = { (x: Int, y: Int) in "[[[\(x),\(y)],[\(x + 5),\(y)],[\(x + 5),\(y + 5)],[\(x),\(y + 5)],[\(x),\(y)]]]" }
        let features = [("AA", 8, 8), ("BB", 18, 8), ("CC", -172, -17), ("PE", -80, -15), ("FJ", 175, -20)].map { code, x, y in
            #"{"type":"Feature","properties":{"iso2":"\#(code)","pop_est":1000},"geometry":{"type":"Polygon","coordinates":\#(square(x, y))}}"#
        }
        let text = #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
        return try Boundaries(data: Data(text.utf8), file: "b.geojson", session: session)
    }

    func model(_ date: String, city: String? = nil) throws -> MapModel {
        let session = try GeoSession()
        let host = try #require(network.gazetteer.country(code: "BB"))
        return try SVGMapRenderer(width: 900).model(network.snapshot(.host(host, city: city), asOf: Day(date)!), gazetteer: network.gazetteer,
                                                    boundaries: boundaries(session), session: session)
    }

    func classes(_ map: MapModel) -> [String: String] {
        let countries = map.layers.first { $0.id == "countries" }!.shapes
        return Dictionary(uniqueKeysWithValues: countries.map { ($0.iso!, $0.classes) })
    }

    @Test func statusesBecomeClassesAndTheLegendCountsThem() throws {
        let map = try model("2022-01-01")
        #expect(map.side == .host)
        #expect(classes(map) == ["AA": "country host-resident", "CC": "country host-suspended", "PE": "country host-non-resident",
                                 "FJ": "country host-closed", "BB": "country host-host"])
        let legend = map.legend.texts.map(\.text)
        for row in ["Senders (countries)", "Embassy open (1)", "Suspended (1)", "Covered from elsewhere (1)", "Closed (1)", "Beeland (host)",
                    "City with posts open (1)", "City with posts closed, none open (1)", "Embassy", "Consulate general"] {
            #expect(legend.contains(row), "\(row) in \(legend)")
        }
        #expect(!legend.contains { $0.hasPrefix("Planned") || $0.hasPrefix("Posts (markers)") })
        #expect(map.header.map(\.text) == ["Foreign posts in Beeland, 2022-01-01",
                                           "1 embassy open; all posts: 1 open, 1 suspended, 1 closed, 1 covered from elsewhere"])
        #expect(map.layers.first { $0.id == "accreditations" }?.shapes.count == 1)
    }

    @Test func aPlannedPostFillsItsSenderAsPlanned() throws {
        let map = try model("2019-06-01")
        #expect(classes(map)["FJ"] == "country host-planned" && classes(map)["CC"] == "country host-resident")
        #expect(map.legend.texts.map(\.text).contains("Planned (1)"))
        let fiji = try #require(map.layers.first { $0.id == "countries" }?.shapes.first { $0.iso == "FJ" })
        #expect(fiji.title == "Fiji: consulate general in Geneva, planned")
    }

    @Test func eachCityHasOneMarkerListingItsPosts() throws {
        let map = try model("2022-01-01")
        #expect(map.markers.count == 2)
        let capital = try #require(map.markers.first { $0.title?.hasPrefix("Béta, Beeland") == true })
        #expect(capital.classes == "post open embassy" && capital.type == .embassy)
        #expect(capital.title == """
        Béta, Beeland: 2 posts (1 open, 1 suspended)
        Aland: embassy, open (opened 2020-01-01) [A-BB]
        Ceeland: embassy, suspended (opened 2019-01-01, suspended 2021-01-01) [C-BB]
        """)
        let geneva = try #require(map.markers.first { $0.title?.hasPrefix("Geneva, Beeland") == true })
        #expect(geneva.classes == "post closed consulate-general")
        #expect(Set(map.labels.map(\.text)) == ["Béta", "Geneva"])
    }

    @Test func aCityKeepsItsOwnPosts() throws {
        let map = try model("2022-01-01", city: "Geneva")
        #expect(map.header.first?.text == "Foreign posts in Geneva, Beeland, 2022-01-01")
        #expect(map.markers.count == 1)
        #expect(classes(map)["FJ"] == "country host-closed" && classes(map)["AA"] == "country host-none")
        let aland = try #require(map.layers.first { $0.id == "countries" }?.shapes.first { $0.iso == "AA" })
        #expect(aland.title == "Aland: no post in Geneva, Beeland")
    }

    /// The host's own rules are in a host's map only: a sender's stylesheet is as before.
    @Test func onlyAHostsMapHasTheHostRules() throws {
        let session = try GeoSession()
        let host = try SVGMapRenderer(width: 900).render(network.snapshot(.host(network.gazetteer.country(code: "BB")!, city: nil), asOf: Day("2022-01-01")!),
                                                         gazetteer: network.gazetteer, boundaries: boundaries(session), session: session)
        let sender = try SVGMapRenderer(width: 900).render(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!),
                                                           gazetteer: network.gazetteer, boundaries: boundaries(session), session: session)
        #expect(host.contains(".mm-map .host-host{fill:#7f2704;fill:var(--mm-host-sender,#7f2704)}"))
        #expect(host.contains(".mm-map .host-planned{"))
        #expect(!sender.contains(".host-host") && !sender.contains(".host-planned"))
    }
}
