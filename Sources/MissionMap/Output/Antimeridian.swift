import GeoKit

/// Cutting lon/lat lines and polygons at ±180° so that no edge jumps across the map (RFC 7946 §3.1.9).
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
        return try bands(context.polygon(continuous))
    }

    /// Every polygon cut (see `cut(_:context:)`); with `wound`, the pieces of cut ones wound
    /// again for RFC 7946 (exterior counter-clockwise), as cutting keeps the winding only of
    /// polygons it leaves whole.
    static func cut(_ polygons: [[[XY]]], wound: Bool, context: GEOSContext) throws -> [[[XY]]] {
        var out: [[[XY]]] = []
        for polygon in polygons {
            let parts = try cut(polygon, context: context)
            out += !wound || parts.count == 1 && parts[0] == polygon ? parts : try context.multiPolygon(parts).polygons(rfc7946Winding: true)
        }
        return out
    }

    /// A lon/lat polygon whose longitudes may run past ±180° (continuous), as polygons within
    /// [-180, 180]: clipped with GEOS to each 360° band, each piece shifted back.
    static func bands(_ polygon: Geometry) throws -> [[[XY]]] {
        var parts: [[[XY]]] = []
        for shift in [-360.0, 0, 360] {
            let box = try polygon.context.polygon([[XY(-180 + shift, -90), XY(180 + shift, -90), XY(180 + shift, 90),
                                                    XY(-180 + shift, 90), XY(-180 + shift, -90)]])
            parts += try polygon.intersection(box).polygons().map { $0.map { $0.map { XY($0.x - shift, $0.y) } } }
        }
        return parts
    }

    /// Cuts a lon/lat path where a step jumps across ±180°, ending one part and starting the
    /// next on the meridian at the crossing latitude (interpolated on the short step). Parts
    /// that would be a single point (an end lying on the meridian itself) are dropped.
    static func split(_ path: [XY]) -> [[XY]] {
        guard var previous = path.first else { return [] }
        var parts: [[XY]] = [[previous]]
        for p in path.dropFirst() {
            if abs(p.x - previous.x) > 180 {
                let edge: Double = previous.x > 0 ? 180 : -180
                let unwrapped = p.x + (edge > 0 ? 360 : -360)
                let t = (edge - previous.x) / (unwrapped - previous.x)
                let lat = previous.y + t * (p.y - previous.y)
                if parts[parts.count - 1].last != XY(edge, lat) { parts[parts.count - 1].append(XY(edge, lat)) }
                parts.append([XY(-edge, lat)])
            }
            if parts[parts.count - 1].last != p { parts[parts.count - 1].append(p) }
            previous = p
        }
        return parts.filter { $0.count >= 2 }
    }
}
