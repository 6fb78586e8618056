import Foundation
import GeoKit
import Testing
@testable import MissionMap

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite(.tags(.unit)) struct SVGMapRendererTests {
    /// Three square "countries" matching the fixture gazetteer, read from memory.
    func boundaries(_ session: GeoSession) throws -> Boundaries {
        let square = { (x: Int, y: Int) in "[[[\(x),\(y)],[\(x + 5),\(y)],[\(x + 5),\(y + 5)],[\(x),\(y + 5)],[\(x),\(y)]]]" }
        let features = [("AA", 8, 8), ("BB", 18, 8), ("CC", -172, -17)].map { code, x, y in
            #"{"type":"Feature","properties":{"iso2":"\#(code)","pop_est":1000},"geometry":{"type":"Polygon","coordinates":\#(square(x, y))}}"#
        }
        let text = #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
        return try Boundaries(data: Data(text.utf8), file: "b.geojson", session: session)
    }

    final class ElementCounter: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var ids: [String] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            if let id = attributes["id"] { ids.append(id) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    func parse(_ svg: String) throws -> ElementCounter {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "well-formed XML: \(String(describing: parser.parserError))")
        return counter
    }

    @Test func layersMarkersAndTooltips() throws {
        let network = try Fixture.network("""
        A-BB,2020-01-01,opened,AA,BB,,embassy,,,,s,
        A-BB-UN,2020-01-01,opened,AA,BB,Geneva,permanent-mission,,,,s,
        A-CC,2021-01-01,accredited,AA,CC,,embassy,A-BB,,,s,
        """)
        let session = try GeoSession()
        let svg = try SVGMapRenderer(width: 800).render(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!), gazetteer: network.gazetteer,
                                                         boundaries: boundaries(session), session: session)
        let doc = try parse(svg)
        for layer in ["sphere", "graticule", "countries", "accreditations", "posts", "labels", "legend"] {
            #expect(doc.ids.contains(layer), "layer \(layer)")
        }
        #expect(svg.contains("viewBox=\"0 0 800 "))
        #expect(svg.contains("class=\"country host-resident\" data-iso=\"BB\""))
        #expect(svg.contains("class=\"country host-non-resident\" data-iso=\"CC\""))
        #expect(svg.contains("class=\"country host-sender\" data-iso=\"AA\""))
        #expect(svg.components(separatedBy: "class=\"post open embassy\"").count == 2)
        #expect(svg.contains("class=\"post open permanent-mission\""))
        #expect(svg.contains("class=\"post cross-accredited embassy\""))
        #expect(svg.components(separatedBy: "class=\"accreditation\"").count == 2)
        #expect(doc.text.contains("Open (2)") && doc.text.contains("Host covered from elsewhere (1)"))
        #expect(doc.text.contains("Diplomatic posts of Aland, 2022-01-01"))
        #expect(doc.text.contains("Gamma, Ceeland: embassy, cross-accredited; covered from Béta since 2021-01-01"))
    }

    @Test func namesFromDataAreEscaped() throws {
        let hostile = Gazetteer(countries: Fixture.gazetteer.countries.map {
            $0.iso2 == "BB" ? Country(iso2: "BB", iso3: "BBB", name: "<script>alert(1)</script> & \"Co\"", capital: "Béta",
                                      capitalLocation: XY(20, 10), region: "Europe", subregion: "Western Europe") : $0
        }, cities: [])
        // The post id is A-"<b>"&' (quotes doubled inside a quoted CSV field).
        let csv = Fixture.header + #""A-""<b>""&'",2020-01-01,opened,AA,BB,,embassy,,,,s,"# + "\n"
        let network = try MissionsLog.load(table: CSVTable(text: csv, file: "h.csv"), gazetteer: hostile)
        let session = try GeoSession()
        let svg = try SVGMapRenderer(width: 800).render(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!), gazetteer: network.gazetteer,
                                                         boundaries: boundaries(session), session: session)
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(svg.contains("[A-&quot;&lt;b&gt;&quot;&amp;&apos;]"))
        let doc = try parse(svg)
        #expect(doc.text.contains("<script>alert(1)</script> & \"Co\": resident post"), "round-trips as text")
        #expect(doc.elements["script"] == nil)
    }
}

/// The legend says what the map shows, and the text keeps its size in proportion.
@Suite(.tags(.unit)) struct MapLegendAndScaleTests {
    let network = try! Fixture.network("""
    A-BB,2020-01-01,opened,AA,BB,,embassy,,,,s,
    A-CC,2020-01-01,planned,AA,CC,,representative-office,,,,s,
    """)

    func model(width: Double) throws -> MapModel {
        let session = try GeoSession()
        return try SVGMapRenderer(width: width).model(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!), gazetteer: network.gazetteer,
                                                      boundaries: SVGMapRendererTests().boundaries(session), session: session)
    }

    @Test func theLegendListsExactlyTheStatusesAndShapesDrawn() throws {
        let texts = try model(width: 1200).legend.texts.map(\.text)
        #expect(texts.contains("Open (1)") && texts.contains("Planned (1)"))
        #expect(!texts.contains { $0.hasPrefix("Closed") || $0.hasPrefix("Suspended") || $0.hasPrefix("Host covered") })
        #expect(texts.contains("Embassy") && texts.contains("Representative office"))
        #expect(!texts.contains { $0.hasPrefix("Consulate") || $0.hasPrefix("Mission to") })
        #expect(texts.contains("Resident post (1)") && texts.contains("Sender") && !texts.contains { $0.hasPrefix("Post closed") })
    }

    @Test(arguments: [300.0, 600, 1200, 2400])
    func textFollowsTheWidthAndStaysInside(width: Double) throws {
        let map = try model(width: width)
        #expect(map.scale == min(3, max(0.8, width / 1200)))
        let sizes = ["title": MapLayout.titleSize, "subtitle": MapLayout.subtitleSize, "legend-note": MapLayout.noteSize]
        for text in map.legend.texts + map.header {
            let fontSize = (sizes[text.classes] ?? MapLayout.legendSize) * map.scale
            #expect(text.at.x + MapLayout.width(of: text.text, size: fontSize) <= width + 1, "\(text.text) runs off a \(width) px map")
        }
        #expect(map.labels.allSatisfy { $0.at.x > 0 && $0.at.x < width })
        #expect(map.height > map.legend.texts.map(\.at.y).max()!)
    }
}
