import Foundation
import GeoKit

/// Fits a map to a UN region or subregion: centred on the GEOS centroid of the region's
/// land near its capitals, in Lambert azimuthal equal-area.
///
/// The union of all the region's polygons would not do: UN "Europe" holds all of Russia,
/// whose centroid lies in Siberia, and France's overseas departments stretch "Western
/// Europe" to South America. So the land considered is the region's union clipped to a cap
/// around the capitals of its peopled countries (100,000 or more: not the French Southern
/// Lands), out to the farthest of them plus 600 km; its centroid is taken in an equal-area
/// plane, which also keeps regions across ±180° (Oceania) in one piece. The frame fits the
/// larger land parts (1% of the land or more), those capitals, and each peopled country's
/// largest part within 3,500 km of its capital (all of mainland Australia, European Russia),
/// so that small remote islands do not shrink the map while island states still count.
/// A list of countries (`render --countries`) is fitted the same way; a box of longitudes and
/// latitudes (`render --extent`) is centred on its middle and fitted to its edges.
///
/// The centre and the points fitted depend only on the boundaries and the members' capitals,
/// and take GEOS unions: they are kept in the `PreparedCache` for later maps of the region.
enum RegionFit {
    static let preparedKind = "fit"

    static func view(region: String, gazetteer: Gazetteer, boundaries: Boundaries, session: GeoSession,
                     cache: PreparedCache = PreparedCache(folder: nil)) throws -> MapView {
        let members = gazetteer.countries.filter { $0.isIn(region) }
        guard !members.isEmpty else { throw GeoError.geos("no country in region \(region)") }
        return try view(members: members, boundaries: boundaries, session: session, cache: cache)
    }

    static func view(extent: MapExtent, boundaries: Boundaries, session: GeoSession,
                     cache: PreparedCache = PreparedCache(folder: nil)) throws -> MapView {
        switch extent {
        case .countries(let members):
            guard !members.isEmpty else { throw GeoError.geos("no country to fit the map to") }
            return try view(members: members, boundaries: boundaries, session: session, cache: cache)
        case .box(let west, let south, let east, let north):
            let eastward = west + MapExtent.span(west, east)
            let center = XY(MapView.wrap((west + eastward) / 2), (south + north) / 2)
            return try MapView.region(center: center, fit: MapView.rectangle(west: west, east: eastward, south: south, north: north),
                                      name: "centred on \(MapView.place(center))", session: session)
        }
    }

    static func view(members: [Country], boundaries: Boundaries, session: GeoSession, cache: PreparedCache) throws -> MapView {
        let detail = members.map { "\($0.iso2) \($0.capitalLocation.x) \($0.capitalLocation.y)" }.joined(separator: "\n")
        let decode = { (input: inout ByteReader) throws -> (XY, [XY]) in
            let center = try input.doubles(), fit = try input.doubles()
            guard center.count == 2, fit.count % 2 == 0, !fit.isEmpty, (center + fit).allSatisfy(\.isFinite) else {
                throw PreparedFileError.malformed("a fit is not pairs of finite numbers")
            }
            return (XY(center[0], center[1]), stride(from: 0, to: fit.count, by: 2).map { XY(fit[$0], fit[$0 + 1]) })
        }
        let encode = { (value: (XY, [XY]), out: inout ByteWriter) in
            out.doubles([value.0.x, value.0.y])
            out.doubles(value.1.flatMap { [$0.x, $0.y] })
        }
        let (center, fit) = try cache.value(preparedKind, key: boundaries.contentHash, detail: detail, decode: decode, encode: encode) {
            try centerAndFit(members: members, boundaries: boundaries, session: session)
        }
        return try MapView.region(center: center, fit: fit, name: "centred on \(MapView.place(center))", session: session)
    }

    /// The centre of the members' land near their capitals, and the points the frame must hold.
    private static func centerAndFit(members: [Country], boundaries: Boundaries, session: GeoSession) throws -> (XY, [XY]) {
        let geos = session.geos
        let peopled = members.filter { boundaries.population($0.iso2) >= 100_000 }
        let anchors = (peopled.isEmpty ? members : peopled).map(\.capitalLocation)
        let provisional = sphericalMean(anchors)
        let reachKm = anchors.map { Geodesic.wgs84.distance(provisional, $0) / 1000 }.max()! + 600
        let cap = try geos.multiPolygon(MapView.cap(center: provisional, radiusDegrees: min(85, reachKm / 111.2), session: session))
        let shapes = try members.compactMap { country -> Geometry? in
            guard let shape = try boundaries.shape(country.iso2, in: session) else { return nil }
            return try shape.simplifiedPreservingTopology(0.05).validOrRepaired()
        }
        let land = try geos.collection(of: shapes).unaryUnion().intersection(cap)
        // The centroid in an equal-area plane around the provisional centre, taken back to lon/lat.
        let plane = try session.transformer(from: "EPSG:4326", to: "+proj=laea +lat_0=\(provisional.y) +lon_0=\(provisional.x) +datum=WGS84 +type=crs")
        let polygons = try land.polygons()
        let projected = try geos.multiPolygon(polygons.map { try $0.map(plane.forward) })
        var center = try projected.centroid().points()
        try plane.inverse(&center)
        let areas = try polygons.map { try geos.polygon($0.map { try plane.forward($0) }).area() }
        let total = areas.reduce(0, +)
        let large = zip(polygons, areas).filter { $0.1 >= total / 100 }.map(\.0)
        var fit = large.flatMap { $0[0] } + anchors
        for country in peopled {
            guard let shape = try boundaries.shape(country.iso2, in: session) else { continue }
            let parts = try shape.simplifiedPreservingTopology(0.05).polygons()
            guard let largest = try parts.max(by: { try geos.polygon($0).area() < geos.polygon($1).area() }) else { continue }
            let near = try geos.multiPolygon(MapView.cap(center: country.capitalLocation, radiusDegrees: 3500 / 111.2, session: session)).unaryUnion()
            let piece = try geos.polygon(largest).validOrRepaired()
            fit += try piece.intersection(near).polygons().flatMap { $0[0] }
        }
        return (center.first ?? provisional, fit)
    }

    /// The point on the sphere nearest to the mean of the points' unit vectors.
    static func sphericalMean(_ points: [XY]) -> XY {
        var x = 0.0, y = 0.0, z = 0.0
        for p in points {
            let lat = p.y * .pi / 180, lon = p.x * .pi / 180
            x += cos(lat) * cos(lon)
            y += cos(lat) * sin(lon)
            z += sin(lat)
        }
        return XY(atan2(y, x) * 180 / .pi, atan2(z, (x * x + y * y).squareRoot()) * 180 / .pi)
    }
}
