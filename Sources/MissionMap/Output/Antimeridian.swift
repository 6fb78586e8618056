import GeoKit

/// Cutting lon/lat polygons at ±180° so that no edge jumps across the map (RFC 7946 §3.1.9).
enum Antimeridian {
    /// Whether any edge of the rings jumps more than 180° in longitude: the sign of a polygon
    /// drawn across the antimeridian without being cut.
    static func crosses(_ rings: [[XY]]) -> Bool {
        rings.contains { ring in zip(ring, ring.dropFirst()).contains { abs($0.1.x - $0.0.x) > 180 } }
    }

    /// The polygon split into parts on each side of ±180°: its rings are made continuous
    /// (longitudes beyond ±180), then clipped with GEOS to each 360° band and shifted back.
    /// Polygons that do not cross are returned as they are. A ring around a pole cannot be
    /// made continuous, and is an error.
    static func cut(_ rings: [[XY]], context: GEOSContext) throws -> [[[XY]]] {
        guard crosses(rings), let shellStart = rings.first?.first else { return [rings] }
        let continuous = try rings.map { ring -> [XY] in
            var offset = (shellStart.x - ring[0].x) > 180 ? 360.0 : (ring[0].x - shellStart.x) > 180 ? -360 : 0
            var out = [XY(ring[0].x + offset, ring[0].y)]
            for (a, b) in zip(ring, ring.dropFirst()) {
                if b.x - a.x > 180 { offset -= 360 } else if a.x - b.x > 180 { offset += 360 }
                out.append(XY(b.x + offset, b.y))
            }
            guard out.first == out.last else { throw GeoError.geos("a ring around a pole cannot be cut at the antimeridian") }
            return out
        }
        let polygon = try context.polygon(continuous)
        var parts: [[[XY]]] = []
        for shift in [-360.0, 0, 360] {
            let band = Bounds(minX: -180 + shift, minY: -90, maxX: 180 + shift, maxY: 90)
            let piece = try polygon.intersection(context.polygon([[XY(band.minX, band.minY), XY(band.maxX, band.minY),
                                                                  XY(band.maxX, band.maxY), XY(band.minX, band.maxY), XY(band.minX, band.minY)]]))
            parts += try piece.polygons().map { $0.map { $0.map { XY($0.x - shift, $0.y) } } }
        }
        return parts
    }
}
