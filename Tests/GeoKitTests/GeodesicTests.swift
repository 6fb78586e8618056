import Testing
@testable import GeoKit

@Suite(.tags(.unit)) struct GeodesicTests {
    let unitCell = [XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 1), XY(0, 0)]

    @Test func areaOfOneDegreeCellAtTheEquator() {
        let km2 = Geodesic.wgs84.area(ring: unitCell) / 1e6
        #expect(abs(km2 - 12_308.8) / 12_308.8 < 0.001, "got \(km2) km²")
    }

    @Test func areaIgnoresWindingAndClosingPoint() {
        let forward = Geodesic.wgs84.area(ring: unitCell)
        let backward = Geodesic.wgs84.area(ring: Array(unitCell.reversed().dropLast()))
        #expect(abs(forward - backward) < 1e-3)
    }

    @Test func madridToRome() {
        let km = Geodesic.wgs84.distance(XY(-3.7038, 40.4168), XY(12.4964, 41.9028)) / 1000
        #expect(abs(km - 1_367.61) < 0.01, "got \(km) km")
    }

    @Test func pathStepsAreAtMostOneDegreeAndEndAtBothPoints() {
        let lima = XY(-77.0428, -12.0464), suva = XY(178.4419, -18.1416)
        let path = Geodesic.wgs84.path(lima, suva, maxStepDegrees: 1)
        #expect(path.first == lima && path.last == suva)
        let total = Geodesic.wgs84.distance(lima, suva)
        let steps = zip(path, path.dropFirst()).map { Geodesic.wgs84.distance($0.0, $0.1) }
        #expect(abs(steps.reduce(0, +) - total) < 1, "the points lie on the geodesic")
        #expect(steps.allSatisfy { $0 <= 111_700 }, "no step longer than a degree of arc")
        #expect(path.contains { $0.x > 170 } && path.contains { $0.x < -170 }, "crosses the antimeridian")
    }
}

@Suite(.tags(.unit)) struct GeodesicDirectTests {
    @Test func destinationInvertsDistance() {
        let madrid = XY(-3.7038, 40.4168), rome = XY(12.4964, 41.9028)
        let g = Geodesic.wgs84
        // Due east from Madrid for the Madrid–Rome distance lands near Rome's latitude band.
        let d = g.distance(madrid, rome)
        let there = g.destination(madrid, azimuth: 90, distance: d)
        #expect(abs(g.distance(madrid, there) - d) < 1e-3)
        let sphere = Geodesic(equatorialRadius: 1, flattening: 0)
        let quarter = sphere.destination(XY(0, 0), azimuth: 0, distance: .pi / 2)
        #expect(abs(quarter.y - 90) < 1e-9, "a quarter circle north from the equator is the pole")
    }
}
