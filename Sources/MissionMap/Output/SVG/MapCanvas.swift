import GeoKit

/// A map projection fitted to a pixel frame: lon/lat in, SVG pixels out (y down).
final class MapCanvas {
    let transformer: Transformer
    let scale: Double
    let frame: Bounds
    private let projectedBounds: Bounds

    /// Scales the projected `extent` (lon/lat points outlining the area to show) to `width`
    /// pixels, its top-left corner at `origin`; the height follows from the projection.
    /// `padding` widens the extent by that fraction on every side.
    init(projection: String, extent: [XY], origin: XY, width: Double, padding: Double = 0, session: GeoSession) throws {
        transformer = try session.transformer(from: "EPSG:4326", to: projection)
        let tight = Bounds(of: try transformer.forward(extent))!
        let pad = max(tight.width, tight.height) * padding
        projectedBounds = tight.expanded(by: pad)
        scale = width / projectedBounds.width
        frame = Bounds(minX: origin.x, minY: origin.y, maxX: origin.x + width, maxY: origin.y + projectedBounds.height * scale)
    }

    /// Projects lon/lat points to pixels.
    func pixels(_ points: [XY]) throws -> [XY] {
        try transformer.forward(points).map {
            XY(frame.minX + ($0.x - projectedBounds.minX) * scale, frame.minY + (projectedBounds.maxY - $0.y) * scale)
        }
    }

    /// Takes pixels back to lon/lat (PROJ's inverse).
    func lonLat(_ pixels: [XY]) throws -> [XY] {
        var points = pixels.map {
            XY(projectedBounds.minX + ($0.x - frame.minX) / scale, projectedBounds.maxY - ($0.y - frame.minY) / scale)
        }
        try transformer.inverse(&points)
        return points
    }


    /// SVG path data for lines or rings already in pixels: an absolute move, then relative
    /// steps (`m x,y dx,dy ...`, implicit line-tos), which are about half as long to write.
    /// Steps are taken between positions rounded to 0.1 px, so rounding never drifts, and
    /// steps of zero are dropped.
    static func pathData(pixels lines: [[XY]], closed: Bool) -> String {
        var d = ""
        for line in lines {
            var previous: (x: Int, y: Int)?
            var steps = 0
            for p in line {
                let x = Int((p.x * 10).rounded()), y = Int((p.y * 10).rounded())
                guard let last = previous else {
                    d += "M\(tenths(x)),\(tenths(y))"
                    previous = (x, y)
                    continue
                }
                if x == last.x && y == last.y { continue }
                let step = "\(tenths(x - last.x)),\(tenths(y - last.y))"
                // The first step says "l"; later ones follow implicitly, a space apart unless
                // a minus sign already separates them.
                d += steps == 0 ? "l" + step : (step.hasPrefix("-") ? step : " " + step)
                previous = (x, y)
                steps += 1
            }
            if closed && previous != nil { d += "z" }
        }
        return d
    }

    /// A count of tenths written as a decimal: 15 -> "1.5", -20 -> "-2", 3 -> "0.3".
    private static func tenths(_ t: Int) -> String {
        let whole = t / 10, fraction = abs(t % 10)
        let sign = t < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
