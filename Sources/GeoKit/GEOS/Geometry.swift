import CGEOS

/// A GEOS geometry owned by Swift: destroyed when the last reference goes.
public final class Geometry {
    /// The context the geometry was made in; kept alive as long as the geometry.
    public let context: GEOSContext
    let pointer: OpaquePointer

    /// Takes ownership of a geometry GEOS returned.
    init(owning pointer: OpaquePointer, in context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    /// Wraps a possibly null result of a GEOS call that returns a new geometry.
    convenience init(_ result: OpaquePointer?, _ operation: String, in context: GEOSContext) throws {
        self.init(owning: try context.check(result, operation), in: context)
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }

    var handle: GEOSContextHandle_t { context.handle }

    /// Two geometries of one operation must come from one context: GEOS would otherwise mix
    /// two contexts' memory and error state, which may belong to two threads.
    func sameContext(_ other: Geometry) {
        precondition(other.context === context, "a GEOS operation on geometries from two contexts")
    }

    // MARK: Kind

    /// The geometry's type, as GEOS numbers them.
    public enum Kind: Int32, Sendable, Hashable {
        case point = 0, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, geometryCollection
    }

    public var kind: Kind {
        get throws {
            let id = GEOSGeomTypeId_r(handle, pointer)
            guard let kind = Kind(rawValue: id) else { throw GeoError.geos("GEOSGeomTypeId: \(id)") }
            return kind
        }
    }

    public var isEmpty: Bool {
        get throws { try context.check(predicate: GEOSisEmpty_r(handle, pointer), "GEOSisEmpty") }
    }

    public var isValid: Bool {
        get throws { try context.check(predicate: GEOSisValid_r(handle, pointer), "GEOSisValid") }
    }

    /// Why the geometry is invalid, or "Valid Geometry".
    public func validityReason() throws -> String {
        try context.string(GEOSisValidReason_r(handle, pointer), "GEOSisValidReason")
    }

    /// Number of parts of a multi-geometry or collection (1 for a simple geometry).
    public var partCount: Int {
        get throws {
            let n = GEOSGetNumGeometries_r(handle, pointer)
            if n < 0 { throw GeoError.geos("GEOSGetNumGeometries failed") }
            return Int(n)
        }
    }

    /// A copy of part `index` of a multi-geometry or collection.
    public func part(_ index: Int) throws -> Geometry {
        let borrowed = try context.check(GEOSGetGeometryN_r(handle, pointer, Int32(index)), "GEOSGetGeometryN")
        return try Geometry(GEOSGeom_clone_r(handle, borrowed), "GEOSGeom_clone", in: context)
    }

    /// Every part as its own geometry.
    public func parts() throws -> [Geometry] {
        try (0..<partCount).map(part)
    }

    // MARK: Overlay and derived geometries

    public func union(_ other: Geometry) throws -> Geometry {
        sameContext(other)
        return try Geometry(GEOSUnion_r(handle, pointer, other.pointer), "GEOSUnion", in: context)
    }

    /// The union of all parts of this geometry: fast for many polygons in one collection.
    public func unaryUnion() throws -> Geometry {
        try Geometry(GEOSUnaryUnion_r(handle, pointer), "GEOSUnaryUnion", in: context)
    }

    public func intersection(_ other: Geometry) throws -> Geometry {
        sameContext(other)
        return try Geometry(GEOSIntersection_r(handle, pointer, other.pointer), "GEOSIntersection", in: context)
    }

    /// The bounding rectangle as a polygon (a point for a point).
    public func envelope() throws -> Geometry {
        try Geometry(GEOSEnvelope_r(handle, pointer), "GEOSEnvelope", in: context)
    }

    /// The bounds as numbers; nil for an empty geometry.
    public func bounds() throws -> Bounds? {
        if try isEmpty { return nil }
        var b = Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        try context.check(status: GEOSGeom_getXMin_r(handle, pointer, &b.minX), "GEOSGeom_getXMin")
        try context.check(status: GEOSGeom_getYMin_r(handle, pointer, &b.minY), "GEOSGeom_getYMin")
        try context.check(status: GEOSGeom_getXMax_r(handle, pointer, &b.maxX), "GEOSGeom_getXMax")
        try context.check(status: GEOSGeom_getYMax_r(handle, pointer, &b.maxY), "GEOSGeom_getYMax")
        return b
    }

    /// The boundary: a polygon's rings as lines.
    public func boundary() throws -> Geometry {
        try Geometry(GEOSBoundary_r(handle, pointer), "GEOSBoundary", in: context)
    }

    /// A point certainly inside the geometry (unlike the centroid).
    public func pointOnSurface() throws -> Geometry {
        try Geometry(GEOSPointOnSurface_r(handle, pointer), "GEOSPointOnSurface", in: context)
    }

    /// The polygons that noded lines enclose (GEOS's polygonizer), as a collection.
    public func polygonized() throws -> Geometry {
        var parts: [OpaquePointer?] = [pointer]
        let result = parts.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: OpaquePointer?.self) { GEOSPolygonize_r(handle, $0.baseAddress, 1) }
        }
        return try Geometry(result, "GEOSPolygonize", in: context)
    }

    public func centroid() throws -> Geometry {
        try Geometry(GEOSGetCentroid_r(handle, pointer), "GEOSGetCentroid", in: context)
    }

    /// Adds vertices so that no segment is longer than `tolerance` (in the geometry's units).
    public func densified(_ tolerance: Double) throws -> Geometry {
        try Geometry(GEOSDensify_r(handle, pointer, tolerance), "GEOSDensify", in: context)
    }

    /// Douglas–Peucker simplification that keeps rings valid and holes inside their shells.
    public func simplifiedPreservingTopology(_ tolerance: Double) throws -> Geometry {
        try Geometry(GEOSTopologyPreserveSimplify_r(handle, pointer, tolerance), "GEOSTopologyPreserveSimplify", in: context)
    }

    /// The part of the geometry inside a rectangle (fast, but may be invalid at the cut for polygons).
    public func clipped(to b: Bounds) throws -> Geometry {
        try Geometry(GEOSClipByRect_r(handle, pointer, b.minX, b.minY, b.maxX, b.maxY), "GEOSClipByRect", in: context)
    }

    /// The geometry with every coordinate snapped to a grid of `gridSize` (1e-6 for six
    /// decimals), kept valid: rings that collapse are removed, crossings that rounding would
    /// create are resolved (GEOS's precision reducer). The input must be valid.
    public func snappedToGrid(_ gridSize: Double) throws -> Geometry {
        try Geometry(GEOSGeom_setPrecision_r(handle, pointer, gridSize, 0), "GEOSGeom_setPrecision", in: context)
    }


    /// The geometry itself if valid, else a repaired copy (GEOS's MakeValid).
    public func validOrRepaired() throws -> Geometry {
        try isValid ? self : madeValid()
    }

    /// A valid version of an invalid geometry (GEOS's MakeValid).
    public func madeValid() throws -> Geometry {
        try Geometry(GEOSMakeValid_r(handle, pointer), "GEOSMakeValid", in: context)
    }

    // MARK: Measures and predicates

    /// Planar area in the square of the geometry's units.
    public func area() throws -> Double {
        var value = 0.0
        try context.check(status: GEOSArea_r(handle, pointer, &value), "GEOSArea")
        return value
    }

    public func contains(_ other: Geometry) throws -> Bool {
        sameContext(other)
        return try context.check(predicate: GEOSContains_r(handle, pointer, other.pointer), "GEOSContains")
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        sameContext(other)
        return try context.check(predicate: GEOSIntersects_r(handle, pointer, other.pointer), "GEOSIntersects")
    }

    /// Planar distance in the geometry's units.
    public func distance(to other: Geometry) throws -> Double {
        sameContext(other)
        var value = 0.0
        try context.check(status: GEOSDistance_r(handle, pointer, other.pointer, &value), "GEOSDistance")
        return value
    }

    /// A prepared form for repeated predicates against many geometries.
    public func prepared() throws -> PreparedGeometry {
        try PreparedGeometry(self)
    }
}

@available(*, unavailable, message: "a geometry belongs to its context's thread or task")
extension Geometry: Sendable {}
