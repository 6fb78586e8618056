import GeoKit

/// Longitudes taken into the 360° window around a map's centre, so that the only cut is the
/// map's own (the meridian opposite its centre). Natural Earth cuts Russia, Fiji and
/// Antarctica along ±180°; on a map centred at 150° those pieces would meet along 180° as
/// separate polygons and draw a hairline down Chukotka. Here the pieces beyond the window are
/// shifted by 360° and merged with GEOS with what they meet, so the old cut disappears.
struct Rewrap {
    /// The window is `centre - 180 ... centre + 180`.
    let centre: Double
    let session: GeoSession

    var west: Double { centre - 180 }
    var east: Double { centre + 180 }

    /// The shape with every longitude in the window, pieces that met across the window's
    /// edges in the source merged.
    func shape(_ shape: Geometry) throws -> Geometry {
        guard let b = try shape.bounds() else { return shape }
        // Most shapes lie whole in the window, or whole once shifted: no cut, no union.
        for shift in [0.0, 360, -360] where b.minX + shift >= west && b.maxX + shift <= east {
            return shift == 0 ? shape : try session.geos.multiPolygon(shape.polygons().map { Rewrap.shifted($0, by: shift) })
        }
        var pieces: [[[XY]]] = []
        for shift in [-360.0, 0, 360] {
            let box = try session.geos.polygon([[XY(west - shift, -90), XY(east - shift, -90), XY(east - shift, 90),
                                                 XY(west - shift, 90), XY(west - shift, -90)]])
            pieces += try shape.intersection(box).polygons().map { Rewrap.shifted($0, by: shift) }
        }
        return try session.geos.multiPolygon(pieces).unaryUnion()
    }

    /// Lines (none crossing ±180°) with each part in the window: a part outside it is shifted
    /// by 360°, and one across its edge is given in both places (the clip keeps what is inside).
    func lines(_ lines: [[XY]]) -> [[XY]] {
        lines.flatMap { line -> [[XY]] in
            guard let b = Bounds(of: line) else { return [] }
            return [-360.0, 0, 360].filter { b.maxX + $0 >= west && b.minX + $0 <= east }.map { shift in line.map { XY($0.x + shift, $0.y) } }
        }
    }

    /// The point with its longitude in the window.
    func point(_ p: XY) -> XY {
        var x = p.x
        while x < west { x += 360 }
        while x > east { x -= 360 }
        return XY(x, p.y)
    }

    static func shifted(_ rings: [[XY]], by shift: Double) -> [[XY]] {
        rings.map { $0.map { XY($0.x + shift, $0.y) } }
    }
}
