import CGEOS

/// A geometry indexed for fast repeated predicates (point-in-polygon against many points).
public final class PreparedGeometry {
    /// The geometry it was prepared from; GEOS requires it to outlive the prepared form.
    public let geometry: Geometry
    let pointer: OpaquePointer

    init(_ geometry: Geometry) throws {
        self.geometry = geometry
        self.pointer = try geometry.context.check(GEOSPrepare_r(geometry.handle, geometry.pointer), "GEOSPrepare")
    }

    deinit {
        GEOSPreparedGeom_destroy_r(geometry.handle, pointer)
    }

    public func contains(_ other: Geometry) throws -> Bool {
        geometry.sameContext(other)
        return try geometry.context.check(predicate: GEOSPreparedContains_r(geometry.handle, pointer, other.pointer), "GEOSPreparedContains")
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        geometry.sameContext(other)
        return try geometry.context.check(predicate: GEOSPreparedIntersects_r(geometry.handle, pointer, other.pointer), "GEOSPreparedIntersects")
    }
}

@available(*, unavailable, message: "a geometry belongs to its context's thread or task")
extension PreparedGeometry: Sendable {}
