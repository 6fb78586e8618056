import GeoKit

/// Country land and population for regional figures: each country's polygons in an
/// equal-area projection (Equal Earth, through PROJ), made valid, so that areas of GEOS
/// unions are true areas and overlaps are not counted twice.
///
/// It caches geometries, so it belongs to the session it works in: one per thread or task.
public final class Geography {
    public let boundaries: Boundaries
    /// The session it works in, which other analyses of the same summary share.
    let session: GeoSession
    private let transformer: Transformer
    private var projected: [String: Geometry] = [:]

    public init(boundaries: Boundaries, session: GeoSession) throws {
        self.boundaries = boundaries
        self.session = session
        transformer = try session.transformer(from: "EPSG:4326", to: "+proj=eqearth +datum=WGS84 +units=m +type=crs")
    }

    /// Whether the boundaries draw the country as land (a polygon), not just a point or nothing.
    public func hasPolygon(_ iso2: String) throws -> Bool {
        try shape(iso2) != nil
    }

    public func population(_ iso2: String) -> Double {
        boundaries.population(iso2)
    }

    /// The country's land in the equal-area plane, in metres (nil without a polygon).
    func shape(_ iso2: String) throws -> Geometry? {
        if let cached = projected[iso2] { return cached }
        guard let lonLat = try boundaries.shape(iso2, in: session) else { return nil }
        let polygons = try lonLat.polygons().map { try $0.map(transformer.forward) }
        // A tiny country given as a point has people but no land at this scale.
        guard !polygons.isEmpty else { return nil }
        // Projecting can pinch a valid shape (two vertices landing on one point).
        let shape = try session.geos.multiPolygon(polygons).validOrRepaired()
        projected[iso2] = shape
        return shape
    }

    /// The land of the world as faces of its arrangement: every country outline noded
    /// together with GEOS (unary union of the boundaries), polygonised, and each face tagged
    /// with the countries it lies in. The union of any set of countries is then exactly the
    /// faces tagged with one of them: an overlap of two countries is one face, counted once.
    /// Made once (about 0.45 s for the world at 1:50m, see the README's timings), it turns every later union into a sum,
    /// which is what makes summaries of hundreds of senders affordable.
    private lazy var faces: Result<[(area: Double, owners: [String])], Error> = Result {
        let shapes = try boundaries.codes.compactMap { code in try shape(code).map { (code, $0) } }
        guard !shapes.isEmpty else { return [] }
        let context = session.geos
        let noded = try context.collection(of: shapes.map { try $0.1.boundary() }).unaryUnion()
        let owners = try shapes.map { (code: $0.0, shape: try $0.1.prepared(), bounds: try $0.1.bounds()!) }
        return try noded.polygonized().parts().compactMap { face in
            let inside = try face.pointOnSurface()
            guard let p = try inside.points().first else { return nil }
            let tags = try owners.filter {
                $0.bounds.minX <= p.x && p.x <= $0.bounds.maxX && $0.bounds.minY <= p.y && p.y <= $0.bounds.maxY
            }.filter { try $0.shape.contains(inside) }.map(\.code)
            return tags.isEmpty ? nil : (try face.area(), tags)
        }
    }

    /// Builds the land arrangement now rather than at the first area asked for (to overlap it
    /// with other work).
    public func prepare() throws {
        _ = try faces.get()
    }

    /// The area of the union of the countries' land, in square metres.
    public func area(ofUnionOf codes: [String]) throws -> Double {
        let wanted = Set(codes)
        return try faces.get().reduce(0) { $1.owners.contains(where: wanted.contains) ? $0 + $1.area : $0 }
    }

    /// The same area from a GEOS unary union of the countries, for checking the faces.
    func areaByUnaryUnion(of codes: [String]) throws -> Double {
        let shapes = try codes.compactMap(shape)
        return shapes.isEmpty ? 0 : try session.geos.collection(of: shapes).unaryUnion().area()
    }
}

@available(*, unavailable, message: "geography belongs to its session's thread or task")
extension Geography: Sendable {}
