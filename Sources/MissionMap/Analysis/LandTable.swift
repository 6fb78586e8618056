import GeoKit

/// The land of the world as faces of its arrangement: every country outline, in an equal-area
/// projection (Equal Earth, through PROJ), noded together with GEOS (unary union of the
/// boundaries), polygonised, and each face tagged with the countries it lies in. The union of
/// any set of countries is then exactly the faces tagged with one of them: an overlap of two
/// countries is one face, counted once. Made once per boundaries file (about 0.45 s for the
/// world at 1:50m) and kept as a prepared file (`PreparedCache`), it turns every later union
/// into a sum. A plain value: one table serves every worker of a run.
public struct LandTable: Sendable, Equatable {
    public struct Face: Sendable, Equatable {
        /// Square metres.
        public let area: Double
        /// The countries the face lies in.
        public let owners: [String]
    }

    /// The faces, in the order GEOS polygonised them (sums are made in this order).
    public let faces: [Face]
    /// The countries the boundaries draw as land (a polygon), not just a point or nothing.
    public let countriesWithLand: Set<String>

    static let preparedKind = "land"

    init(faces: [Face], countriesWithLand: Set<String>) {
        self.faces = faces
        self.countriesWithLand = countriesWithLand
    }

    /// Builds the table of `boundaries` with GEOS and PROJ in `session`.
    public init(boundaries: Boundaries, session: GeoSession) throws {
        let shapes = try LandTable.equalAreaShapes(boundaries, codes: boundaries.codes, session: session)
        countriesWithLand = Set(shapes.map(\.code))
        guard !shapes.isEmpty else {
            faces = []
            return
        }
        let noded = try session.geos.collection(of: shapes.map { try $0.shape.boundary() }).unaryUnion()
        let owners = try shapes.map { (code: $0.code, shape: try $0.shape.prepared(), bounds: try $0.shape.bounds()!) }
        faces = try noded.polygonized().parts().compactMap { face in
            let inside = try face.pointOnSurface()
            guard let p = try inside.points().first else { return nil }
            let tags = try owners.filter {
                $0.bounds.minX <= p.x && p.x <= $0.bounds.maxX && $0.bounds.minY <= p.y && p.y <= $0.bounds.maxY
            }.filter { try $0.shape.contains(inside) }.map(\.code)
            return tags.isEmpty ? nil : Face(area: try face.area(), owners: tags)
        }
    }

    /// The table of `boundaries` as an earlier run prepared it in `cache`, or built now (and
    /// kept there).
    public static func prepared(_ boundaries: Boundaries, session: GeoSession, cache: PreparedCache) throws -> LandTable {
        try cache.value(preparedKind, key: boundaries.contentHash, decode: { try LandTable(prepared: &$0) },
                        encode: { $0.encode(into: &$1) }, make: { try LandTable(boundaries: boundaries, session: session) })
    }

    /// The area of the union of the countries' land, in square metres.
    public func area(ofUnionOf codes: [String]) -> Double {
        let wanted = Set(codes)
        return faces.reduce(0) { $1.owners.contains(where: wanted.contains) ? $0 + $1.area : $0 }
    }

    /// The same area from a GEOS unary union of the countries, for checking the faces.
    static func areaByUnaryUnion(of codes: [String], boundaries: Boundaries, session: GeoSession) throws -> Double {
        let shapes = try equalAreaShapes(boundaries, codes: codes, session: session).map(\.shape)
        return shapes.isEmpty ? 0 : try session.geos.collection(of: shapes).unaryUnion().area()
    }

    /// The countries' land in the equal-area plane, in metres, leaving out those without a polygon.
    private static func equalAreaShapes(_ boundaries: Boundaries, codes: [String], session: GeoSession) throws -> [(code: String, shape: Geometry)] {
        let transformer = try session.transformer(from: "EPSG:4326", to: "+proj=eqearth +datum=WGS84 +units=m +type=crs")
        return try codes.compactMap { code in
            guard let lonLat = try boundaries.shape(code, in: session) else { return nil }
            let polygons = try lonLat.polygons().map { try $0.map(transformer.forward) }
            // A tiny country given as a point has people but no land at this scale.
            guard !polygons.isEmpty else { return nil }
            // Projecting can pinch a valid shape (two vertices landing on one point).
            return (code, try session.geos.multiPolygon(polygons).validOrRepaired())
        }
    }

    func encode(into out: inout ByteWriter) {
        out.strings(countriesWithLand.sorted())
        out.int(faces.count)
        for face in faces {
            out.double(face.area)
            out.strings(face.owners)
        }
    }

    init(prepared input: inout ByteReader) throws {
        countriesWithLand = Set(try input.strings())
        faces = try (0..<input.count(unit: 16)).map { _ in
            let area = try input.double()
            guard area.isFinite, area >= 0 else { throw PreparedFileError.malformed("a face's area is not a finite size") }
            return Face(area: area, owners: try input.strings())
        }
    }
}
