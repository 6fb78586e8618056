import CGEOS

/// A GEOS STRtree (sort-tile-recursive R-tree) over geometries, answering which of them have
/// an envelope meeting a rectangle, and which lies nearest a geometry in the plane. Items are
/// the geometries' positions in the array the tree was made from.
///
/// The tree is made whole from its geometries: GEOS packs it on the first query and refuses
/// inserts after that, so there is no `insert` to misuse. It keeps the geometries alive as
/// long as it lives (GEOS 3.11 copies envelopes, but older versions read the geometries).
public final class STRtree {
    /// The context the tree and its geometries belong to.
    public let context: GEOSContext
    /// The indexed geometries; an item is a position in this array.
    public let geometries: [Geometry]
    private let pointer: OpaquePointer
    /// The geometries' GEOS pointers, for the nearest-neighbour callback.
    private let items: [OpaquePointer]

    /// A tree over `geometries`, all from `context`. `nodeCapacity` is the most children a
    /// node has (GEOS suggests 10).
    public init(_ geometries: [Geometry], in context: GEOSContext, nodeCapacity: Int = 10) throws {
        for g in geometries {
            precondition(g.context === context, "an STRtree of geometries from another GEOS context")
        }
        let tree = try context.check(GEOSSTRtree_create_r(context.handle, max(nodeCapacity, 2)), "GEOSSTRtree_create")
        do {
            // An item is its index plus one, so that no item is the null pointer.
            try context.reportingErrors("GEOSSTRtree_insert") {
                for (index, g) in geometries.enumerated() {
                    GEOSSTRtree_insert_r(context.handle, tree, g.pointer, UnsafeMutableRawPointer(bitPattern: index + 1))
                }
            }
        } catch {
            // Not yet stored, so deinit would not free it.
            GEOSSTRtree_destroy_r(context.handle, tree)
            throw error
        }
        self.context = context
        self.geometries = geometries
        items = geometries.map(\.pointer)
        pointer = tree
    }

    deinit {
        // Frees the tree only: the geometries are Swift's, and items are plain numbers.
        GEOSSTRtree_destroy_r(context.handle, pointer)
    }

    /// The positions of the geometries whose envelope meets `bounds` (edges included), in
    /// no particular order.
    public func query(_ bounds: Bounds) throws -> [Int] {
        let box = try Geometry(GEOSGeom_createRectangle_r(context.handle, bounds.minX, bounds.minY, bounds.maxX, bounds.maxY),
                               "GEOSGeom_createRectangle", in: context)
        return try query(meeting: box)
    }

    /// The positions of the geometries whose envelope meets the envelope of `geometry`.
    public func query(meeting geometry: Geometry) throws -> [Int] {
        precondition(geometry.context === context, "an STRtree query with a geometry from another GEOS context")
        var found: [Int] = []
        try context.reportingErrors("GEOSSTRtree_query") {
            withUnsafeMutablePointer(to: &found) { found in
                GEOSSTRtree_query_r(context.handle, pointer, geometry.pointer, { item, userdata in
                    userdata!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
                }, found)
            }
        }
        return found
    }

    /// The position of the geometry nearest `geometry` by planar distance (GEOSDistance), or
    /// nil for an empty tree. Of several at the same distance, any one.
    public func nearest(to geometry: Geometry) throws -> Int? {
        precondition(geometry.context === context, "an STRtree query with a geometry from another GEOS context")
        guard !geometries.isEmpty else { return nil }
        // The callback measures between two items: the null item is the query geometry.
        var measure = Measure(handle: context.handle, query: geometry.pointer, items: items)
        let result = withUnsafeMutablePointer(to: &measure) { measure in
            GEOSSTRtree_nearest_generic_r(context.handle, pointer, nil, geometry.pointer, { a, b, distance, userdata in
                let measure = userdata!.assumingMemoryBound(to: Measure.self)
                // GEOS counts a non-zero return as success.
                return GEOSDistance_r(measure.pointee.handle, measure.pointee.geometry(a), measure.pointee.geometry(b), distance)
            }, measure)
        }
        return Int(bitPattern: try context.check(result, "GEOSSTRtree_nearest_generic")) - 1
    }

    /// What the nearest-neighbour callback needs to turn items into geometries.
    private struct Measure {
        let handle: GEOSContextHandle_t
        let query: OpaquePointer
        let items: [OpaquePointer]

        func geometry(_ item: UnsafeRawPointer?) -> OpaquePointer {
            guard let item else { return query }
            return items[Int(bitPattern: item) - 1]
        }
    }
}

@available(*, unavailable, message: "an STRtree belongs to its context's thread or task")
extension STRtree: Sendable {}
