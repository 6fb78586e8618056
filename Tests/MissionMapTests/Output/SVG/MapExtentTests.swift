import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// Views that are not a UN region: a box of degrees, or a list of countries.
@Suite(.tags(.unit)) struct MapExtentTests {
    static let gazetteer = Fixture.gazetteer

    @Test func boxHoldsTheCountriesWhoseCapitalItHolds() throws {
        let aa = try #require(Self.gazetteer.country(code: "AA")), cc = try #require(Self.gazetteer.country(code: "CC"))
        let fj = try #require(Self.gazetteer.country(code: "FJ"))
        let box = MapExtent.box(west: 5, south: 5, east: 15, north: 15)
        #expect(box.contains(aa) && !box.contains(cc))
        // Across the antimeridian: 170°E to 170°W takes in Suva (178.4°E) and Gamma (170°W).
        let wrap = MapExtent.box(west: 170, south: -30, east: -170, north: 0)
        #expect(wrap.contains(fj) && wrap.contains(cc) && !wrap.contains(aa))
        #expect(MapExtent.span(170, -170) == 20 && MapExtent.span(4, 32) == 28)
        #expect(box.name == "5°E–15°E, 5°N–15°N")
        #expect(MapExtent.countries([aa, cc]).name == "Aland, Ceeland")
        #expect(MapExtent.countries([aa]).contains(aa) && !MapExtent.countries([aa]).contains(cc))
    }

    /// A box's view is centred on its middle, even across ±180°, and fits its corners.
    @Test func boxViewIsCentredOnItsMiddle() throws {
        let session = try GeoSession()
        let boundaries = try Boundaries(data: Data(#"{"type":"FeatureCollection","features":[]}"#.utf8), file: "empty.geojson", session: session)
        let nordic = try RegionFit.view(extent: .box(west: 4, south: 54, east: 32, north: 72), boundaries: boundaries, session: session)
        #expect(nordic.definition.contains("+lat_0=63.0 ") && nordic.definition.contains("+lon_0=18.0 "), "\(nordic.definition)")
        #expect(nordic.clipsToFrame)
        #expect(nordic.fit.contains(XY(4, 54)) && nordic.fit.contains(XY(32, 72)))
        let wrap = try RegionFit.view(extent: .box(west: 170, south: -50, east: -170, north: -30), boundaries: boundaries, session: session)
        #expect(wrap.definition.contains("+lon_0=180.0 ") || wrap.definition.contains("+lon_0=-180.0 "), "\(wrap.definition)")
        // Longitudes run on past 180° rather than jumping back across the map.
        #expect(wrap.fit.map(\.x).max() == 190)
    }

    /// Countries are fitted as a region's members are: around their land and capitals.
    @Test func countriesAreFittedAsARegion() throws {
        let session = try GeoSession()
        let boundaries = try SVGMapRendererTests().boundaries(session)
        let aa = try #require(Self.gazetteer.country(code: "AA")), bb = try #require(Self.gazetteer.country(code: "BB"))
        let view = try RegionFit.view(extent: .countries([aa, bb]), boundaries: boundaries, session: session)
        // Capitals at 10°E and 20°E on 10°N: the centre lies between them.
        let lon = try #require(view.definition.split(separator: " ").first { $0.hasPrefix("+lon_0=") }.flatMap { Double($0.dropFirst(7)) })
        #expect((12...18).contains(lon), "\(view.definition)")
    }

    /// The legend and the headline count the hosts in the view, as for a region.
    @Test func legendCountsWhatIsInTheView() throws {
        let network = try Fixture.network("""
        A-BB,2020-01-01,opened,AA,BB,,embassy,,,,s,
        A-CC,2020-01-01,opened,AA,CC,,embassy,,,,s,
        """)
        let session = try GeoSession()
        var renderer = SVGMapRenderer(width: 800)
        renderer.extent = .box(west: 15, south: 0, east: 30, north: 20)
        let svg = try renderer.render(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!), gazetteer: network.gazetteer,
                                      boundaries: SVGMapRendererTests().boundaries(session), session: session)
        #expect(svg.contains("Diplomatic posts of Aland in 15°E–30°E, 0°N–20°N, 2022-01-01"))
        #expect(svg.contains(">1 open post, 0 hosts covered from elsewhere, 0 closed (world: 2 open)<"))
        #expect(svg.contains(">Open (1)<"))
    }
}
