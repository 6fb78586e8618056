import GeoKit

/// A map projection fitted to a pixel frame: lon/lat in, SVG pixels out (y down).
final class MapCanvas {
    let transformer: Transformer
    let scale: Double
    let frame: Bounds
    private let projectedBounds: Bounds

    /// Scales the projected `extent` (lon/lat points outlining the area to show) to `width`
    /// pixels, its top-left corner at `origin`; the height follows from the projection.
    init(projection: String, extent: [XY], origin: XY, width: Double, context: ProjContext) throws {
        transformer = try Transformer(from: "EPSG:4326", to: projection, in: context)
        projectedBounds = Bounds(of: try transformer.forward(extent))!
        scale = width / projectedBounds.width
        frame = Bounds(minX: origin.x, minY: origin.y, maxX: origin.x + width, maxY: origin.y + projectedBounds.height * scale)
    }

    /// Projects lon/lat points to pixels.
    func pixels(_ points: [XY]) throws -> [XY] {
        try transformer.forward(points).map {
            XY(frame.minX + ($0.x - projectedBounds.minX) * scale, frame.minY + (projectedBounds.maxY - $0.y) * scale)
        }
    }

    /// SVG path data for lines or rings in lon/lat, rounded to 0.1 px, consecutive
    /// duplicates (after rounding) dropped.
    func pathData(_ lines: [[XY]], closed: Bool) throws -> String {
        var d = ""
        for line in lines {
            var last = ""
            var count = 0
            for p in try pixels(line) {
                let xy = "\(fixedDecimal(p.x, 1)),\(fixedDecimal(p.y, 1))"
                if xy == last { continue }
                d += (count == 0 ? "M" : "L") + xy
                last = xy
                count += 1
            }
            if closed && count > 0 { d += "Z" }
        }
        return d
    }
}
