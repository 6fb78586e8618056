import CPROJ
import Foundation

/// Geodesics on an ellipsoid (WGS84 by default) from PROJ's geodesic.h.
/// Positions are `XY(lon, lat)` in degrees; lengths in metres, areas in square metres.
public struct Geodesic: @unchecked Sendable {
    // geod_geodesic is a plain C struct of numbers, written once in init and only read after.
    private let g: geod_geodesic

    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    public init(equatorialRadius a: Double, flattening f: Double) {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        self.g = g
    }

    /// The length of the shortest path between two positions, in metres.
    public func distance(_ from: XY, _ to: XY) -> Double {
        var g = self.g
        var s12 = 0.0
        geod_inverse(&g, from.y, from.x, to.y, to.x, &s12, nil, nil)
        return s12
    }

    /// The position reached going `distance` metres from `from` on the initial `azimuth`
    /// (degrees clockwise from north).
    public func destination(_ from: XY, azimuth: Double, distance: Double) -> XY {
        var g = self.g
        var lat = 0.0, lon = 0.0
        geod_direct(&g, from.y, from.x, azimuth, distance, &lat, &lon, nil)
        return XY(lon, lat)
    }

    /// Points along the shortest path, both ends included, no step longer than
    /// `maxStepDegrees` of arc. Longitudes stay in [-180, 180], so a path over the
    /// antimeridian jumps there and the caller splits it.
    public func path(_ from: XY, _ to: XY, maxStepDegrees: Double = 1) -> [XY] {
        var g = self.g
        var line = geod_geodesicline()
        geod_inverseline(&line, &g, from.y, from.x, to.y, to.x, 0)
        let steps = max(1, Int((line.a13 / maxStepDegrees).rounded(.up)))
        return (0...steps).map { i in
            if i == 0 { return from }
            if i == steps { return to }
            var lat = 0.0, lon = 0.0
            geod_position(&line, line.s13 * Double(i) / Double(steps), &lat, &lon, nil)
            return XY(lon, lat)
        }
    }

    /// The area enclosed by a ring whose edges are geodesics, in square metres (unsigned).
    /// A closing point equal to the first is ignored.
    public func area(ring: [XY]) -> Double {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        var lats = points.map(\.y), lons = points.map(\.x)
        var g = self.g
        var area = 0.0, perimeter = 0.0
        geod_polygonarea(&g, &lats, &lons, Int32(points.count), &area, &perimeter)
        return abs(area)
    }
}
