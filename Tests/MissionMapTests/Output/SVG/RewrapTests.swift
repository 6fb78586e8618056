import GeoKit
import Testing
@testable import MissionMap

/// Natural Earth cuts Russia, Fiji and Antarctica along ±180°; centred elsewhere, a map must
/// show them whole, with no edge along the old cut.
@Suite(.tags(.unit, .bundledData)) struct RewrapTests {
    /// Segments lying on a meridian (both ends on it), in a country's rings.
    static func edges(on meridian: Double, _ polygons: [[[XY]]]) -> Int {
        polygons.flatMap { $0 }.reduce(0) { count, ring in
            count + zip(ring, ring.dropFirst()).filter { abs($0.0.x - meridian) < 1e-9 && abs($0.1.x - meridian) < 1e-9 }.count
        }
    }

    /// Pairs of rings that share a stretch of a meridian: two pieces of land drawn side by side
    /// along it, which is what shows as a seam. (Natural Earth also has coast along ±180°
    /// where the other side has no land, Wrangel Island's eastern end; that is no seam.)
    static func seams(on meridian: Double, _ polygons: [[[XY]]]) -> Int {
        let stretches = polygons.flatMap { $0 }.enumerated().flatMap { index, ring in
            zip(ring, ring.dropFirst()).filter { abs($0.0.x - meridian) < 1e-9 && abs($0.1.x - meridian) < 1e-9 }
                .map { (ring: index, low: min($0.0.y, $0.1.y), high: max($0.0.y, $0.1.y)) }
        }
        var count = 0
        for a in stretches.indices {
            for b in stretches.indices where b > a && stretches[a].ring != stretches[b].ring {
                if min(stretches[a].high, stretches[b].high) - max(stretches[a].low, stretches[b].low) > 1e-9 { count += 1 }
            }
        }
        return count
    }

    @Test(arguments: [150.0, -150, 100, 179.5])
    func countriesCutAt180AreWholeOnMapsCentredElsewhere(centre: Double) throws {
        let session = try GeoSession()
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let rewrap = Rewrap(centre: centre, session: session)
        // The old cut is at +180° or -180°, whichever lies inside the window.
        let old = centre > 0 ? 180.0 : -180
        for code in ["RU", "AQ", "FJ", "US"] {
            let source = try #require(try boundaries.shape(code, in: session))
            // Only shifted into the window, the pieces would meet along the old cut.
            let shifted = try source.polygons().map { rings in
                let x = rings[0].map(\.x).reduce(0, +) / Double(rings[0].count)
                return Rewrap.shifted(rings, by: x < centre - 180 ? 360 : x > centre + 180 ? -360 : 0)
            }
            // (Fiji's and the United States' pieces do not face each other across it, and
            // Antarctica is one ring that runs down the cut to the pole and back.)
            #expect(code != "RU" || Self.seams(on: old, shifted) > 0, "\(code) is cut at ±180° in the source")
            let whole = try rewrap.shape(source)
            #expect(try whole.isValid)
            let after = try whole.polygons()
            #expect(Self.seams(on: old, after) == 0, "\(code) centred at \(centre): pieces meet along the old cut")
            if code == "AQ" { #expect(Self.edges(on: old, after) == 0, "Antarctica has no edge along the old cut") }
            let xs = after.flatMap { $0 }.flatMap { $0 }.map(\.x)
            let west = centre - 180 - 1e-9, east = centre + 180 + 1e-9
            #expect(xs.allSatisfy { $0 >= west && $0 <= east })
            // Nothing lost: the same area, in planar degrees.
            let areas = (try whole.area(), try source.area())
            #expect(abs(areas.0 - areas.1) < 1e-6 * areas.1, "\(code)")
        }
    }

    @Test func shapesInsideTheWindowAreUntouchedAndOthersShiftWhole() throws {
        let session = try GeoSession()
        let square = try session.geos.polygon([[XY(-100, 0), XY(-90, 0), XY(-90, 10), XY(-100, 10), XY(-100, 0)]])
        #expect(try Rewrap(centre: 0, session: session).shape(square) === square)
        let shifted = try Rewrap(centre: 150, session: session).shape(square)
        let bounds = try shifted.bounds()
        #expect(bounds == Bounds(minX: 260, minY: 0, maxX: 270, maxY: 10))
        #expect(Rewrap(centre: 150, session: session).point(XY(-170, 5)) == XY(190, 5))
        #expect(Rewrap(centre: -150, session: session).point(XY(170, 5)) == XY(-190, 5))
    }
}
