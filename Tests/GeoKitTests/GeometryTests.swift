import Foundation
import Testing
@testable import GeoKit

@Suite(.tags(.unit)) struct GeometryTests {
    let geos: GEOSContext
    init() throws { geos = try GEOSContext() }

    @Test func readersAgreeOnTheSameSquare() throws {
        let fromWKT = try geos.geometry(wkt: "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))")
        let fromGeoJSON = try geos.geometry(geoJSON: #"{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}"#)
        let fromWKB = try geos.geometry(wkb: try fromWKT.wkb())
        for g in [fromWKT, fromGeoJSON, fromWKB] {
            #expect(try g.area() == 4)
            #expect(try g.kind == .polygon)
        }
    }

    @Test func featureCollectionReadsAsOneCollectionInFeatureOrder() throws {
        let json = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3,4]}}]}"#
        let g = try geos.geometry(geoJSON: json)
        #expect(try g.partCount == 2)
        #expect(try g.part(1).points() == [XY(3, 4)])
    }

    @Test func badInputIsAnErrorCarryingGEOSsMessage() throws {
        #expect { try geos.geometry(wkt: "POLYGON((0 0, 1 1") } throws: { error in
            guard case GeoError.geos(let message) = error else { return false }
            return message.hasPrefix("WKT: ParseException")
        }
    }

    @Test func unionIntersectionAndUnaryUnion() throws {
        let a = try geos.geometry(wkt: "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))")
        let b = try geos.geometry(wkt: "POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))")
        #expect(try a.union(b).area() == 7)
        #expect(try a.intersection(b).area() == 1)
        let both = try geos.collection(of: [a, b])
        #expect(try both.unaryUnion().area() == 7, "overlap counted once")
        #expect(try a.envelope().bounds() == Bounds(minX: 0, minY: 0, maxX: 2, maxY: 2))
    }

    @Test func preparedContains() throws {
        let square = try geos.geometry(wkt: "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))").prepared()
        #expect(try square.contains(geos.point(XY(1, 1))))
        #expect(try !square.contains(geos.point(XY(3, 1))))
    }

    @Test func windingIsNormalisedForRFC7946() throws {
        // Clockwise exterior with a counter-clockwise hole: both the wrong way round for RFC 7946.
        let g = try geos.geometry(wkt: "POLYGON((0 0, 0 4, 4 4, 4 0, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))")
        let rings = try g.polygons(rfc7946Winding: true)[0]
        #expect(rings[0] == [XY(0, 0), XY(4, 0), XY(4, 4), XY(0, 4), XY(0, 0)])
        #expect(rings[1] == [XY(1, 1), XY(1, 2), XY(2, 2), XY(2, 1), XY(1, 1)])
        #expect(try g.polygons()[0][0][1] == XY(0, 4), "without the flag, GEOS's order is kept")
    }

    @Test func builtGeometriesRoundTrip() throws {
        let mp = try geos.multiPolygon([[[XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 0)]], [[XY(5, 5), XY(6, 5), XY(6, 6), XY(5, 5)]]])
        #expect(try mp.kind == .multiPolygon)
        #expect(try mp.partCount == 2)
        #expect(try mp.area() == 1)
        let line = try geos.lineString([XY(0, 0), XY(3, 4)])
        #expect(try line.lineStrings() == [[XY(0, 0), XY(3, 4)]])
        #expect(try line.distance(to: geos.point(XY(0, 5))) == 3)
    }

    @Test func invalidBowTieIsReportedAndRepaired() throws {
        let bowTie = try geos.geometry(wkt: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(try !bowTie.isValid)
        #expect(try bowTie.validityReason().contains("Self-intersection"))
        let fixed = try bowTie.madeValid()
        #expect(try fixed.isValid)
        #expect(try abs(fixed.area() - 2) < 1e-12)
    }
}

@Suite(.tags(.unit)) struct GeometryErrorTests {
    let geos: GEOSContext
    init() throws { geos = try GEOSContext() }

    @Test func mismatchedCollectionPartsAreRefusedNotCrashed() throws {
        let point = try geos.point(XY(0, 0)), line = try geos.lineString([XY(0, 0), XY(1, 1)])
        #expect(throws: GeoError.geos("a multiPolygon cannot hold a point")) {
            try geos.collection(.multiPolygon, of: [point, line])
        }
        #expect(throws: GeoError.self) { try geos.collection(.point, of: [point]) }
        #expect(try geos.collection(.multiPoint, of: [point, point]).partCount == 2)
    }

    @Test func failedPartsAreReportedWithGEOSsMessage() throws {
        // An unclosed hole after a good shell: the shell must be freed, the error must say why.
        #expect { try geos.polygon([[XY(0, 0), XY(4, 0), XY(4, 4), XY(0, 0)], [XY(1, 1), XY(2, 1), XY(2, 2)]]) } throws: { error in
            guard case GeoError.geos(let message) = error else { return false }
            return message.hasPrefix("GEOSGeom_createLinearRing:") && message.contains("closed")
        }
        #expect(throws: GeoError.self) { try geos.multiLineString([[XY(0, 0), XY(1, 1)], [XY(0, 0)]]) }
    }
}

@Suite(.tags(.unit)) struct PrecisionTests {
    @Test func snappingRoundsAndStaysValid() throws {
        let geos = try GEOSContext()
        // A sliver thinner than the grid collapses; the square keeps its corners on the grid.
        let g = try geos.geometry(wkt: "MULTIPOLYGON(((0 0, 1.0000004 0, 1 1.0000003, 0 1, 0 0)), ((5 5, 6 5, 6 5.0000001, 5 5)))")
        let snapped = try g.snappedToGrid(1e-6)
        #expect(try snapped.isValid)
        let polygons = try snapped.polygons()
        #expect(polygons.count == 1, "the sliver collapsed away")
        #expect(Set(polygons[0][0].map { [$0.x, $0.y] }) == [[0, 0], [1, 0], [1, 1], [0, 1]])
    }
}

@Suite(.tags(.unit)) struct EmptyGeometryTests {
    @Test func emptyPartsHaveNoCoordinates() throws {
        let geos = try GEOSContext()
        #expect(try geos.geometry(wkt: "POLYGON EMPTY").polygons().isEmpty)
        #expect(try geos.geometry(wkt: "GEOMETRYCOLLECTION(POLYGON EMPTY, POINT(1 2))").points() == [XY(1, 2)])
        let disjoint = try geos.geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 0))").intersection(geos.geometry(wkt: "POLYGON((5 5, 6 5, 6 6, 5 5))"))
        #expect(try disjoint.polygons().isEmpty)
    }
}
