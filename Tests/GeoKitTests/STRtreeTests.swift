import Testing
@testable import GeoKit

@Suite(.tags(.unit)) struct STRtreeTests {
    let geos: GEOSContext
    init() throws { geos = try GEOSContext() }

    /// Points on a 10 x 10 grid, item i at (i % 10, i / 10).
    func grid() throws -> STRtree {
        try STRtree((0..<100).map { try geos.point(XY(Double($0 % 10), Double($0 / 10))) }, in: geos, nodeCapacity: 4)
    }

    @Test func queryReturnsTheItemsWhoseEnvelopeMeetsTheBox() throws {
        let tree = try grid()
        // Edges count: x 2...3 and y 4...5 hold four grid points.
        #expect(try tree.query(Bounds(minX: 2, minY: 4, maxX: 3, maxY: 5)).sorted() == [42, 43, 52, 53])
        #expect(try tree.query(Bounds(minX: 2.5, minY: 2.5, maxX: 2.6, maxY: 2.6)).isEmpty)
        #expect(try tree.query(Bounds(minX: -1, minY: -1, maxX: 20, maxY: 20)).sorted() == Array(0..<100))
        // A degenerate box (a point) finds the item there.
        #expect(try tree.query(Bounds(minX: 7, minY: 1, maxX: 7, maxY: 1)) == [17])
    }

    @Test func queryByAGeometrysEnvelope() throws {
        let tree = try grid()
        let line = try geos.lineString([XY(0.5, 8.5), XY(1.5, 9.5)])
        #expect(try tree.query(meeting: line) == [91])
    }

    @Test func queryFindsPolygonsByTheirEnvelope() throws {
        let triangle = try geos.polygon([[XY(0, 0), XY(4, 0), XY(0, 4), XY(0, 0)]])
        let far = try geos.polygon([[XY(10, 10), XY(11, 10), XY(11, 11), XY(10, 10)]])
        let tree = try STRtree([triangle, far], in: geos)
        // (3, 3) is outside the triangle but inside its envelope.
        #expect(try tree.query(Bounds(minX: 3, minY: 3, maxX: 3.5, maxY: 3.5)) == [0])
        #expect(tree.geometries[1] === far)
    }

    @Test func nearestByPlanarDistance() throws {
        let tree = try grid()
        #expect(try tree.nearest(to: geos.point(XY(6.9, 3.2))) == 37)
        #expect(try tree.nearest(to: geos.point(XY(-5, 100))) == 90)
        #expect(try tree.nearest(to: geos.point(XY(4, 4))) == 44, "a point on an item")
        // Measured to the geometry, not its centre: the line's end is nearest (8, 0).
        #expect(try tree.nearest(to: geos.lineString([XY(8.4, -3), XY(8.4, -0.1)])) == 8)
    }

    @Test func emptyAndSingleTrees() throws {
        let empty = try STRtree([], in: geos)
        #expect(try empty.nearest(to: geos.point(XY(0, 0))) == nil)
        #expect(try empty.query(Bounds(minX: -1, minY: -1, maxX: 1, maxY: 1)).isEmpty)
        let one = try STRtree([try geos.point(XY(3, 3))], in: geos)
        #expect(try one.nearest(to: geos.point(XY(-50, 20))) == 0)
    }

    @Test func theTreeKeepsItsGeometriesAlive() throws {
        // The geometries are made inside the call and referenced only by the tree.
        let tree = try STRtree((0..<40).map { try geos.point(XY(Double($0), 0)) }, in: geos)
        for _ in 0..<3 { _ = try geos.point(XY(99, 99)) }
        #expect(try tree.geometries[39].points() == [XY(39, 0)])
        #expect(try tree.nearest(to: geos.point(XY(38.8, 5))) == 39)
    }
}
