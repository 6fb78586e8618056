/// Sizes on a map, in pixels at 1200 px wide; a map's `scale` multiplies them.
enum MapLayout {
    static let referenceWidth = 1200.0
    static let margin = 16.0
    static let labelSize = 10.0
    static let titleSize = 22.0, subtitleSize = 14.0, legendSize = 12.0, noteSize = 11.0
    static let markerRadius = 3.2, uncountedRadius = 2.4
    static let legendRow = 18.0

    /// Text grows with the map, but stays readable on a small one and in proportion on a big
    /// one: 0.8 up to 960 px (legend text 9.6 px), 1 at 1200 px, 2 at 2400 px, 3 at most.
    static func scale(width: Double) -> Double {
        min(3, max(0.8, width / referenceWidth))
    }

    /// An estimate of a text's rendered width: sans-serif averages a little over half its size.
    static func width(of text: String, size: Double) -> Double {
        Double(text.count) * size * 0.56
    }

    /// A text broken at spaces into lines no wider than `width`.
    static func lines(_ text: String, size: Double, width: Double) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if !current.isEmpty && Self.width(of: candidate, size: size) > width {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        return lines + [current]
    }
}
