import GeoKit

/// Hand-typed coordinates (a row's lat/lon) must fall in the host country, or within 25 km of
/// it (coasts and islands at 1:50m). A point farther out is an error with its distance, and a
/// hint when the point with a sign flipped, or lat and lon swapped, would fit: a dropped
/// minus puts a Canadian consulate in Siberia and into every distance figure.
///
/// Posts placed by their city are not checked here (the gazetteer's own test covers every
/// city), nor posts in a host the boundaries lack (tiny states not drawn at 1:50m).
public enum PostLocationCheck {
    /// How far outside its host a point may lie, in km.
    public static let toleranceKm = 25.0

    /// An error, at the post's first row in `file`, for every post of `network` with typed
    /// coordinates more than `toleranceKm` outside its host's polygon in `boundaries`.
    public static func errors(in network: Network, file: String, boundaries: Boundaries, session: GeoSession) throws -> [DataError] {
        var errors: [DataError] = []
        var shapes: [String: Host?] = [:]
        for post in network.posts where post.locationTyped {
            let iso2 = post.host.iso2
            if shapes[iso2] == nil {
                shapes[iso2] = try boundaries.shape(iso2, in: session).map { try Host($0.validOrRepaired(), session) }
            }
            guard let host = shapes[iso2] ?? nil else { continue }
            let km = try host.kmOutside(post.location)
            guard km > toleranceKm else { continue }
            // The city as the gazetteer has it, if it does: how far the typed point is from it.
            let city = network.gazetteer.location(ofCity: post.city, in: iso2)
            errors.append(DataError(file: file, line: post.line, message(post, km: km, fromCity: city, hints: try hints(post.location, host))))
        }
        return errors
    }

    /// A host's polygons, prepared for point-in-polygon tests.
    struct Host {
        let shape: Geometry
        let prepared: PreparedGeometry
        let vertices: [XY]
        let session: GeoSession

        init(_ shape: Geometry, _ session: GeoSession) throws {
            self.shape = shape
            prepared = try shape.prepared()
            vertices = try shape.polygons().flatMap { $0.flatMap { $0 } }
            self.session = session
        }

        /// Geodesic km from `p` to the polygons; 0 inside.
        func kmOutside(_ p: XY) throws -> Double {
            if try prepared.contains(session.geos.point(p)) { return 0 }
            // The nearest vertex is at most one 1:50m edge (a few km) farther than the nearest
            // point: exact enough for a point far out, and cheaper than a projection.
            let coarse = vertices.lazy.map { Geodesic.wgs84.distance(p, $0) }.min().map { $0 / 1000 } ?? .infinity
            guard coarse < 500 else { return coarse }
            // Near the border: in an azimuthal equidistant projection centred on the point,
            // where distances from the centre are true, over the part of the shape near it.
            // (Not the session's cache: one transformer per point would only fill it.)
            let aeqd = try Transformer(from: "+proj=longlat +datum=WGS84 +type=crs",
                                       to: "+proj=aeqd +lat_0=\(p.y) +lon_0=\(p.x) +datum=WGS84 +type=crs", in: session.proj)
            let near = try shape.clipped(to: Bounds(minX: max(-180, p.x - 20), minY: max(-89, p.y - 10),
                                                    maxX: min(180, p.x + 20), maxY: min(89, p.y + 10)))
            let rings = try near.polygons().flatMap { $0 }
            guard !rings.isEmpty else { return coarse }
            let projected = try session.geos.multiLineString(rings.map { try aeqd.forward($0) })
            return try projected.distance(to: session.geos.point(XY(0, 0))) / 1000
        }
    }

    /// What the typed point would be with one slip undone, and the words for the slip, for
    /// each that puts it in (or within 25 km of) the host.
    static func hints(_ p: XY, _ host: Host) throws -> [String] {
        let lat = p.y, lon = p.x
        var tries: [(XY, String)] = [
            (XY(-lon, lat), "with lon \(fixedDecimal(-lon, 6)) it would be inside: \(lon < 0 ? "a stray" : "a dropped") minus?"),
            (XY(lon, -lat), "with lat \(fixedDecimal(-lat, 6)) it would be inside: \(lat < 0 ? "a stray" : "a dropped") minus?"),
            (XY(-lon, -lat), "with lat \(fixedDecimal(-lat, 6)) and lon \(fixedDecimal(-lon, 6)) it would be inside: both signs wrong?"),
        ]
        if abs(lon) <= 90 {
            tries.append((XY(lat, lon), "read as \(fixedDecimal(lon, 6)),\(fixedDecimal(lat, 6)) it would be inside: lat and lon swapped?"))
        }
        return try tries.filter { try $0.0 != p && host.kmOutside($0.0) <= toleranceKm }.map(\.1)
    }

    /// "Winnipeg (post X) at 49.9,97.1 is 8,300 km outside Canada (CA); with lon -97.1 ..."
    static func message(_ post: Post, km: Double, fromCity city: XY?, hints: [String]) -> String {
        let at = "\(fixedDecimal(post.location.y, 6)),\(fixedDecimal(post.location.x, 6))"
        let advice = hints.isEmpty
            ? "check the lat/lon (decimal degrees, lat first), or leave them empty to place the post by its city"
            : hints.joined(separator: "; ")
        let away = city.map { " and \(rounded(Geodesic.wgs84.distance(post.location, $0) / 1000)) km from the gazetteer's \(post.city)" } ?? ""
        return "\(post.city) (post \(post.id)) at lat,lon \(at) is \(rounded(km)) km outside \(post.host.name) (\(post.host.iso2))\(away), "
            + "more than the \(Int(toleranceKm)) km allowed for coasts; \(advice)"
    }

    /// A distance as a reader needs it: 31, 140, 8,300.
    static func rounded(_ km: Double) -> String {
        let step = km < 100 ? 1.0 : km < 1000 ? 10 : 100
        return groupedNumber(Int((km / step).rounded() * step))
    }
}
