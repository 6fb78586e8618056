import CPROJ

/// A coordinate transformation between two CRSs, with lon/lat (east, north) axis order
/// on both sides whatever the CRS definitions say.
///
/// Creating one costs far more than transforming with it: build it once per context and
/// feed it whole arrays.
public final class Transformer {
    public let context: ProjContext
    let pointer: OpaquePointer

    /// A transformer from `source` to `target`, each anything PROJ accepts as a CRS
    /// ("EPSG:4326", "+proj=eqearth +type=crs", WKT, ...).
    public init(from source: String, to target: String, in context: ProjContext) throws {
        self.context = context
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.error("\(source) -> \(target)")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.error("normalize \(source) -> \(target)")
        }
        pointer = normalized
    }

    deinit {
        proj_destroy(pointer)
    }

    /// Transforms every point in place; throws if any point cannot be transformed.
    public func forward(_ points: inout [XY]) throws {
        try transform(&points, PJ_FWD)
    }

    /// Transforms every point back in place; throws if any point cannot be transformed.
    public func inverse(_ points: inout [XY]) throws {
        try transform(&points, PJ_INV)
    }

    /// The transformed copy of `points`.
    public func forward(_ points: [XY]) throws -> [XY] {
        var copy = points
        try forward(&copy)
        return copy
    }

    private func transform(_ points: inout [XY], _ direction: PJ_DIRECTION) throws {
        guard !points.isEmpty else { return }
        proj_errno_reset(pointer)
        let stride = MemoryLayout<XY>.stride
        let count = points.count
        // XY is two Doubles; PROJ reads x and y through strided pointers into the same array.
        let done = points.withUnsafeMutableBytes { raw -> Int in
            let x = raw.baseAddress!.assumingMemoryBound(to: Double.self)
            let y = (raw.baseAddress! + MemoryLayout<XY>.offset(of: \XY.y)!).assumingMemoryBound(to: Double.self)
            return proj_trans_generic(pointer, direction, x, stride, count, y, stride, count,
                                      nil, 0, 0, nil, 0, 0)
        }
        let code = proj_errno(pointer)
        if done != count || code != 0 || points.contains(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            throw context.error("transform", code: code)
        }
    }
}

@available(*, unavailable, message: "a transformer belongs to its context's thread or task")
extension Transformer: Sendable {}
