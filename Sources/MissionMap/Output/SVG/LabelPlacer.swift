import GeoKit

/// Places city labels beside their markers without overlap: each label tries four spots
/// around its marker (right, left, above, below) and takes the first that touches no marker,
/// no other label and stays in the frame; a label with no free spot is dropped.
struct LabelPlacer {
    let frame: Bounds
    let fontSize: Double
    private var taken: [Bounds] = []

    init(frame: Bounds, fontSize: Double) {
        self.frame = frame
        self.fontSize = fontSize
    }

    /// Keeps the space of a marker free of labels.
    mutating func reserve(around p: XY, radius: Double) {
        taken.append(Bounds(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius))
    }

    /// Where the label goes (its text anchor point and `text-anchor`), or nil if nowhere is free.
    mutating func place(_ text: String, at p: XY, radius: Double) -> (x: Double, y: Double, anchor: MapModel.Text.Anchor)? {
        // An estimate of the rendered width: sans-serif averages a little over half the font size.
        let width = MapLayout.width(of: text, size: fontSize), ascent = fontSize * 0.75, descent = fontSize * 0.25
        let gap = radius + fontSize / 5
        let candidates: [(x: Double, y: Double, anchor: MapModel.Text.Anchor, box: Bounds)] = [
            (p.x + gap, p.y + ascent / 2, .start, Bounds(minX: p.x + gap, minY: p.y - ascent / 2, maxX: p.x + gap + width, maxY: p.y + ascent / 2 + descent)),
            (p.x - gap, p.y + ascent / 2, .end, Bounds(minX: p.x - gap - width, minY: p.y - ascent / 2, maxX: p.x - gap, maxY: p.y + ascent / 2 + descent)),
            (p.x, p.y - gap - descent, .middle, Bounds(minX: p.x - width / 2, minY: p.y - gap - descent - ascent, maxX: p.x + width / 2, maxY: p.y - gap)),
            (p.x, p.y + gap + ascent, .middle, Bounds(minX: p.x - width / 2, minY: p.y + gap, maxX: p.x + width / 2, maxY: p.y + gap + ascent + descent)),
        ]
        for c in candidates where frame.contains(c.box) && !taken.contains(where: { $0.intersects(c.box) }) {
            taken.append(c.box)
            return (c.x, c.y, c.anchor)
        }
        return nil
    }
}
