/// An axis-aligned rectangle in a chart's pixels (y down): a label's box, or what it must
/// not cover (a line's segment, a point's error bar).
struct ChartBox: Equatable {
    var minX, minY, maxX, maxY: Double

    /// The box spanning two points, grown by `pad` on every side.
    init(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, pad: Double = 0) {
        minX = min(x1, x2) - pad
        minY = min(y1, y2) - pad
        maxX = max(x1, x2) + pad
        maxY = max(y1, y2) + pad
    }

    func intersects(_ other: ChartBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: ChartBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }
}
