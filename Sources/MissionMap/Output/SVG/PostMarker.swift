/// The marker of a post: its shape tells the type, its class the status.
enum PostMarker {
    /// SVG element for a marker centred at (x, y), `size` being the circle's radius;
    /// `attributes` (escaped, with a leading space) are written after the class.
    static func element(type: PostType, x: Double, y: Double, size: Double, classes: String, title: String?, attributes: String = "") -> String {
        let inner = title.map { "<title>\(XMLText.escaped($0))</title>" } ?? ""
        let f = { (v: Double) in fixedDecimal(v, 1) }
        switch type {
        case .embassy, .highCommission:
            return "<circle class=\"\(classes)\"\(attributes) cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(size))\">\(inner)</circle>"
        case .consulateGeneral, .consulate, .consularOffice:
            let s = size * 0.9
            return "<rect class=\"\(classes)\"\(attributes) x=\"\(f(x - s))\" y=\"\(f(y - s))\" width=\"\(f(2 * s))\" height=\"\(f(2 * s))\">\(inner)</rect>"
        case .permanentMission:
            let s = size * 1.3
            return "<path class=\"\(classes)\"\(attributes) d=\"M\(f(x)),\(f(y - s))L\(f(x + s)),\(f(y))L\(f(x)),\(f(y + s))L\(f(x - s)),\(f(y))Z\">\(inner)</path>"
        case .representativeOffice, .tradeOffice, .interestsSection, .liaisonOffice:
            let s = size * 1.3
            return "<path class=\"\(classes)\"\(attributes) d=\"M\(f(x)),\(f(y - s))L\(f(x + s)),\(f(y + s * 0.8))L\(f(x - s)),\(f(y + s * 0.8))Z\">\(inner)</path>"
        }
    }

    /// Words for the legend and tooltips.
    static func label(_ type: PostType) -> String {
        switch type {
        case .embassy: "Embassy"
        case .highCommission: "High commission"
        case .consulateGeneral: "Consulate general"
        case .consulate: "Consulate"
        case .consularOffice: "Consular office"
        case .permanentMission: "Mission to an international organisation"
        case .representativeOffice: "Representative office"
        case .tradeOffice: "Trade office"
        case .interestsSection: "Interests section"
        case .liaisonOffice: "Liaison office"
        }
    }
}
