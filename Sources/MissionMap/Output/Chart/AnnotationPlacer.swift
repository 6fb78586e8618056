/// Places a chart's event labels one by one inside the plot, each clear of the lines, the
/// published points and the labels placed before it, as near its change as it can be.
struct AnnotationPlacer {
    /// A label's place: the text's anchor point (baseline), its alignment, its box, and the
    /// point its leader runs from on the box.
    struct Placement: Equatable {
        enum Anchor: String { case start, middle, end }
        let x, y: Double
        let anchor: Anchor
        let box: ChartBox
        /// Where the leader lines meet the box (the middle of its edge facing the changes).
        let joinX, joinY: Double
    }

    let bounds: ChartBox
    let fontSize: Double
    /// What labels must not cover; each placed label (and its leader) joins it.
    private(set) var obstacles: [ChartBox]
    /// The boxes of the labels placed so far, which no later leader may cross.
    private(set) var labels: [ChartBox] = []
    /// How many rows above or below its changes a label may go, at most.
    var rows = 14

    /// An estimate of a label's rendered width, on the wide side: the fallback sans-serif
    /// fonts of librsvg (DejaVu Sans) run wider than Helvetica.
    static func width(of text: String, size: Double) -> Double {
        Double(text.count) * size * 0.62
    }

    init(bounds: ChartBox, fontSize: Double, obstacles: [ChartBox]) {
        self.bounds = bounds
        self.fontSize = fontSize
        self.obstacles = obstacles
    }

    /// Places `text` for changes at `anchors` (pixels): above or below them, by rows, starting
    /// at, ending at or centred on their middle; nil if no place is free.
    mutating func place(_ text: String, anchors: [(x: Double, y: Double)]) -> Placement? {
        guard !anchors.isEmpty else { return nil }
        let width = Self.width(of: text, size: fontSize), height = fontSize * 1.25
        let ax = anchors.map(\.x).reduce(0, +) / Double(anchors.count)
        let top = anchors.map(\.y).min()!, bottom = anchors.map(\.y).max()!
        let gap = 6.0, pad = 2.0
        for row in 0..<rows {
            let lift = gap + Double(row) * (height + 2)
            // Above: the box's bottom `lift` over the highest change; below: its top under the lowest.
            for (above, anchor) in [(true, Placement.Anchor.start), (true, .end), (false, .end), (false, .start), (true, .middle), (false, .middle)] {
                let minY = above ? top - lift - height : bottom + lift
                // Beside the vertical of the change, not over it: the leader slants a little.
                let minX = switch anchor {
                case .start: ax + pad
                case .end: ax - pad - width
                case .middle: ax - width / 2
                }
                let box = ChartBox(minX, minY, minX + width, minY + height)
                let joinY = above ? box.maxY : box.minY
                let joinX = switch anchor {
                case .start: box.minX + pad
                case .end: box.maxX - pad
                case .middle: ax
                }
                let leader = ChartBox(ax, joinY, joinX, above ? top : bottom)
                guard bounds.contains(box), !obstacles.contains(where: { $0.intersects(box) }),
                      !labels.contains(where: { $0.intersects(leader) }) else { continue }
                let textX = switch anchor {
                case .start: box.minX
                case .end: box.maxX
                case .middle: ax
                }
                obstacles.append(box)
                obstacles.append(leader)
                labels.append(box)
                return Placement(x: textX, y: box.maxY - height * 0.25, anchor: anchor, box: box, joinX: joinX, joinY: joinY)
            }
        }
        return nil
    }
}
