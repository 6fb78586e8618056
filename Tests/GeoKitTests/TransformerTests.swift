import Testing
@testable import GeoKit

@Suite(.tags(.unit)) struct TransformerTests {
    @Test func equalEarthAreaOfDensifiedCellMatchesGeodesicArea() throws {
        let geos = try GEOSContext()
        let proj = try ProjContext()
        let toEqualEarth = try Transformer(from: "EPSG:4326", to: "+proj=eqearth +datum=WGS84 +type=crs", in: proj)
        let cell = try geos.polygon([[XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 1), XY(0, 0)]]).densified(0.01)
        let rings = try cell.polygons()
        #expect(rings[0][0].count > 400, "densified to 0.01°")
        let projected = try geos.polygon(rings[0].map { try toEqualEarth.forward($0) })
        let planar = try projected.area()
        let geodesic = Geodesic.wgs84.area(ring: rings[0][0])
        #expect(abs(planar - geodesic) / geodesic < 0.001, "\(planar) vs \(geodesic)")
    }

    @Test func axisOrderIsLonLatAfterNormalisation() throws {
        let proj = try ProjContext()
        // EPSG:4326 is lat/lon by definition; normalisation must make it lon/lat.
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:3857", in: proj)
        let p = try t.forward([XY(180, 0), XY(0, 0)])
        #expect(abs(p[0].x - 20_037_508.34) < 0.01 && abs(p[0].y) < 1e-6)
        #expect(abs(p[1].x) < 1e-9)
    }

    @Test func inverseRoundTrips() throws {
        let t = try Transformer(from: "EPSG:4326", to: "+proj=robin +type=crs", in: ProjContext())
        var points = [XY(125.7625, 39.0392), XY(-77.0428, -12.0464)]
        let original = points
        try t.forward(&points)
        #expect(points != original)
        try t.inverse(&points)
        for (a, b) in zip(points, original) { #expect(abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9) }
    }

    @Test func unknownCRSIsAnErrorWithPROJsMessage() throws {
        #expect {
            _ = try Transformer(from: "EPSG:4326", to: "+proj=nosuchprojection +type=crs", in: ProjContext())
        } throws: { error in
            guard case GeoError.proj(let message) = error else { return false }
            return message.contains("nosuchprojection") || message.lowercased().contains("unknown")
        }
    }

    @Test func failedPointIsAnError() throws {
        let t = try Transformer(from: "EPSG:4326", to: "+proj=ortho +lat_0=0 +lon_0=0 +type=crs", in: ProjContext())
        #expect(throws: GeoError.self) { try t.forward([XY(0, 0), XY(180, 0)]) }
    }
}
