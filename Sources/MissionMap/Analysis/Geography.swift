import GeoKit

/// Country land and population for regional figures: each country's polygons in an
/// equal-area projection (Equal Earth, through PROJ), made valid, so that areas of GEOS
/// unions are true areas and overlaps are not counted twice.
public final class Geography {
    private let boundaries: Boundaries
    private let transformer: Transformer
    private var projected: [String: Geometry] = [:]
    private var unions: [String: Geometry?] = [:]

    public init(boundaries: Boundaries, context: ProjContext) throws {
        self.boundaries = boundaries
        transformer = try Transformer(from: "EPSG:4326", to: "+proj=eqearth +datum=WGS84 +units=m +type=crs", in: context)
    }

    /// Reads boundaries into GEOS and PROJ contexts of its own.
    public convenience init(boundariesFile: String) throws {
        try self.init(boundaries: Boundaries(file: boundariesFile), context: ProjContext())
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
        guard let lonLat = boundaries.shape(iso2) else { return nil }
        let polygons = try lonLat.polygons().map { try $0.map(transformer.forward) }
        // A tiny country given as a point has people but no land at this scale.
        guard !polygons.isEmpty else { return nil }
        var shape = try boundaries.context.multiPolygon(polygons)
        if try !shape.isValid { shape = try shape.madeValid() }
        projected[iso2] = shape
        return shape
    }

    /// The union of the countries' land in the equal-area plane (nil for none), remembered
    /// for the same set of countries, as a comparison needs each region's land twice.
    func union(of codes: [String]) throws -> Geometry? {
        let key = codes.sorted().joined(separator: ",")
        if let cached = unions[key] { return cached }
        let shapes = try codes.compactMap(shape)
        let union = shapes.isEmpty ? nil : try boundaries.context.collection(of: shapes).unaryUnion()
        unions[key] = union
        return union
    }

    /// The union of unions already made (union is associative, and the parts are few and
    /// already dissolved, so this is far cheaper than starting from the countries).
    func union(ofUnions parts: [Geometry?]) throws -> Geometry? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : try boundaries.context.collection(of: present).unaryUnion()
    }

    /// The area of the union of the countries' land, in square metres.
    public func area(ofUnionOf codes: [String]) throws -> Double {
        try union(of: codes)?.area() ?? 0
    }
}

@available(*, unavailable, message: "geography belongs to its GEOS and PROJ contexts' task")
extension Geography: Sendable {}
