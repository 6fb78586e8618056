import GeoKit
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct AntimeridianTests {
    @Test func squareAcrossTheAntimeridianIsCutInTwo() throws {
        let geos = try GEOSContext()
        let square = [XY(170, -20), XY(-170, -20), XY(-170, -10), XY(170, -10), XY(170, -20)]
        #expect(Antimeridian.crosses([square]))
        let parts = try Antimeridian.cut([square], context: geos)
        #expect(parts.count == 2, "\(parts)")
        for part in parts { #expect(!Antimeridian.crosses(part)) }
        let east = try #require(parts.first { $0[0].contains { $0.x == 180 } })
        let west = try #require(parts.first { $0[0].contains { $0.x == -180 } })
        #expect(east[0].allSatisfy { $0.x >= 170 } && west[0].allSatisfy { $0.x <= -170 })
        // Together they keep the area: 20° × 10° in planar degrees.
        let area = try parts.reduce(0.0) { $0 + (try geos.polygon($1).area()) }
        #expect(abs(area - 200) < 1e-9)
    }

    @Test func polygonThatDoesNotCrossIsUntouched() throws {
        let ring = [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 0)]
        #expect(try Antimeridian.cut([ring], context: GEOSContext()) == [[ring]])
    }

    @Test func ringAroundThePoleIsAnError() throws {
        let polar = [XY(-180, -80), XY(-60, -80), XY(60, -80), XY(179, -80), XY(-179, -81), XY(-180, -80)]
        #expect(Antimeridian.crosses([polar]))
        #expect(throws: GeoError.self) { try Antimeridian.cut([polar], context: GEOSContext()) }
    }
}
