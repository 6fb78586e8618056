import Foundation
import GeoKit
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct MapViewTests {
    /// A cap's lon/lat pieces cover exactly the cap: the same area as a cap drawn with no cut.
    @Test(arguments: [XY(139.8, -24.6), XY(125.75, 39.03), XY(-170, 10), XY(0, 0), XY(20, 89)])
    func capPiecesCoverTheWholeCap(center: XY) throws {
        let session = try GeoSession()
        let geos = session.geos
        let parts = try MapView.cap(center: center, radiusDegrees: 60, session: session)
        let union = try geos.multiPolygon(parts).unaryUnion()
        #expect(try union.isValid)
        // Area on the ellipsoid of the pieces against the cap's own ring, each measured geodesically.
        var pieces = 0.0
        for polygon in try union.polygons() {
            pieces += Geodesic.wgs84.area(ring: try geos.polygon(polygon).densified(0.5).polygons()[0][0])
        }
        let radius = 6_371_008.8
        let sphereCap: Double = 2 * Double.pi * radius * radius * (1 - cos(Double.pi / 3))
        #expect(abs(pieces - sphereCap) / sphereCap < 0.005, "\(pieces) vs \(sphereCap)")
        // Just inside the rim, all round, including where the ring closes (azimuth 359°-0°).
        let prepared = try union.prepared()
        #expect(try prepared.contains(geos.point(center)))
        let sphere = Geodesic(equatorialRadius: 1, flattening: 0)
        for azimuth in [0, 0.5, 90, 180, 270, 359.5] {
            let p = sphere.destination(center, azimuth: azimuth, distance: 59 * Double.pi / 180)
            #expect(try prepared.intersects(geos.point(p)), "azimuth \(azimuth)")
        }
    }

    @Test func worldViewsCutAlongTheMeridianOppositeTheCentre() throws {
        let session = try GeoSession()
        let view = try MapView.world(.robinson, center: XY(150, 0), session: session)
        // One window of longitudes around 150°: from -30° to 330°, 180° inside it.
        #expect(view.visible.count == 1 && view.window == 150)
        let xs = view.visible.flatMap { $0[0].map(\.x) }
        #expect(xs.contains { abs($0 - (-30 + MapView.epsilon)) < 1e-12 } && xs.contains { abs($0 - (330 - MapView.epsilon)) < 1e-12 })
        #expect(try MapView.world(.equalEarth, center: XY(0, 0), session: session).visible.count == 1)
        #expect(try MapView.world(.mercator, center: XY(0, 0), session: session).visible[0][0].allSatisfy { abs($0.y) <= 85 })
    }
}
