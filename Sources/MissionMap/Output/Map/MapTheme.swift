import Foundation

/// The look of a map: every colour, stroke and font as a CSS custom property (`--mm-…`), so
/// that page CSS or a `--style` file restyles the map without `!important`.
///
/// Each rule names the value twice, `fill:#56b4e9;fill:var(--mm-host-resident,#56b4e9)`:
/// browsers take the custom property, and librsvg (PNG, PDF), which does not read custom
/// properties, keeps the plain value. The defaults are declared on the map's root with
/// `:where(.mm-map)`, which weighs nothing, so a page's `.mm-map { --mm-…: … }` (or `svg`)
/// wins. A `--style` file's own `--mm-…` declarations also replace the plain values, so they
/// reach PNG and PDF too.
///
/// Colours follow the Okabe–Ito colour-blind-safe set. The solid country fills differ in
/// lightness by at least 8 (CIE L*), and the rest by pattern, so the map reads in greyscale.
public struct MapTheme: Sendable, Equatable {
    /// Custom property names (without `--mm-`) and values, in stylesheet order.
    public private(set) var values: [(name: String, value: String)]
    /// CSS appended after the map's own rules (a `--style` file), escaped when written.
    public var extraCSS = ""

    public static func == (a: MapTheme, b: MapTheme) -> Bool {
        a.values.map(\.name) == b.values.map(\.name) && a.values.map(\.value) == b.values.map(\.value) && a.extraCSS == b.extraCSS
    }

    public init() {
        values = MapTheme.defaults
    }

    /// The value of a property, e.g. `value("host-resident")`.
    public func value(_ name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// A theme with a stylesheet applied: its `--mm-name: value` declarations replace the
    /// defaults (an unknown name is an error, so a typo does not pass silently), and the whole
    /// sheet is appended for browsers. `file` names it in messages.
    public init(stylesheet: String, file: String) throws {
        self.init()
        // Comments out, kept as spaces and line ends so that line numbers stay true.
        let comment = try NSRegularExpression(pattern: #"/\*.*?\*/"#, options: [.dotMatchesLineSeparators])
        let sheet = stylesheet as NSString
        var text = stylesheet
        for match in comment.matches(in: stylesheet, range: NSRange(location: 0, length: sheet.length)).reversed() {
            let blanked = String(sheet.substring(with: match.range).map { $0 == "\n" || $0 == "\r\n" ? $0 : " " })
            text = (text as NSString).replacingCharacters(in: match.range, with: blanked)
        }
        let ns = text as NSString
        func line(_ location: Int) -> Int {
            ns.substring(to: location).utf8.filter { $0 == 10 }.count + 1
        }
        let pattern = try NSRegularExpression(pattern: #"--mm-([A-Za-z0-9-]+)\s*:\s*([^;}]*)"#)
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: match.range(at: 1))
            let value = ns.substring(with: match.range(at: 2)).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let index = values.firstIndex(where: { $0.name == name }) else {
                let hint = closestMatch(to: name, among: values.map(\.name)).map { "did you mean --mm-\($0)?" }
                    ?? "expected one of \(values.map { "--mm-\($0.name)" }.joined(separator: ", "))"
                throw DataError(file: file, line: line(match.range.location), "unknown map property '--mm-\(Echo.quoted(name))'; \(hint)")
            }
            // The value goes into the map's own rules too (for librsvg): nothing that could end
            // or open a rule, a comment or a string there.
            guard MapTheme.isSafe(value) else {
                throw DataError(file: file, line: line(match.range.location), "--mm-\(name) has the value '\(Echo.quoted(value))': a colour, length or font list is expected, without { } ; < > \\ or unbalanced quotes and brackets")
            }
            values[index].value = value
        }
        extraCSS = stylesheet
    }

    /// Whether a value can stand in a declaration of the map's own stylesheet.
    static func isSafe(_ value: String) -> Bool {
        guard !value.isEmpty, !value.contains(where: { "{};<>\\".contains($0) }), !value.contains("/*") else { return false }
        var depth = 0, quote: Character?
        for c in value {
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case "\"", "'": quote = c
            case "(": depth += 1
            case ")": depth -= 1; if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0 && quote == nil
    }

    static let defaults: [(name: String, value: String)] = [
        ("font", #""Helvetica Neue",Helvetica,Arial,sans-serif"#),
        ("text", "#222"),
        ("background", "#fff"),
        ("sphere", "#eaf1f6"), ("sphere-stroke", "#8fa5b8"),
        ("graticule", "#c9d6e2"),
        ("country-stroke", "#fff"),
        ("host-none", "#e3e0d8"),
        ("host-sender", "#7f2704"),
        ("host-resident", "#56b4e9"),
        ("host-non-resident", "#f0c05a"),
        ("host-suspended", "#a4508a"),
        ("hatch-closed", "#d0ccc2"), ("hatch-closed-line", "#7a7468"),
        ("hatch-uncovered", "#f4ecd2"), ("hatch-uncovered-line", "#c9a43a"),
        ("dots-unknown", "#eeeeee"), ("dots-unknown-dot", "#8a8a8a"),
        ("accreditation", "#d55e00"),
        ("post-stroke", "#fff"),
        ("post-open", "#0b3d91"),
        ("post-cover", "#d55e00"),
        ("post-closed", "#6f6f6f"),
        ("post-suspended", "#8e3b78"),
        ("post-unknown", "#d4d4d4"), ("post-unknown-stroke", "#4d4d4d"),
        ("label", "#1d2b3a"), ("label-halo", "#fff"), ("label-cover", "#8a3b00"),
        ("note", "#555"),
    ]

    /// The stylesheet of a map whose text and strokes are `scale` times their size on a
    /// 1200 px map. Every rule is scoped to the map's root (`.mm-map`), so a map set inline in
    /// a page restyles nothing else; the defaults weigh nothing (`:where`), so a page's
    /// `.mm-map { --mm-…: … }` wins.
    /// A host's map adds the fills of its own country classes (`host-host`, `host-planned`);
    /// a sender's map has none of them, so its stylesheet stays as it was.
    func css(scale: Double, side: MapModel.Side = .sender) -> String {
        func v(_ name: String) -> String { "var(--mm-\(name),\(value(name)!))" }
        func p(_ property: String, _ name: String) -> String { "\(property):\(value(name)!);\(property):\(v(name))" }
        func px(_ size: Double) -> String { fixedDecimal(size * scale, 2) + "px" }
        let declarations = values.map { "--mm-\($0.name):\($0.value)" }.joined(separator: ";")
        let rules = """
        {\(p("font-family", "font"));\(p("color", "text"))}
        .background{\(p("fill", "background"))}
        .sphere{\(p("fill", "sphere"));\(p("stroke", "sphere-stroke"));stroke-width:\(px(0.8))}
        .graticule{fill:none;\(p("stroke", "graticule"));stroke-width:\(px(0.4))}
        .country{\(p("stroke", "country-stroke"));stroke-width:\(px(0.35));stroke-linejoin:round}
        .host-none{\(p("fill", "host-none"))}
        .host-sender{\(p("fill", "host-sender"))}
        .host-resident{\(p("fill", "host-resident"))}
        .host-non-resident{\(p("fill", "host-non-resident"))}
        .host-suspended{\(p("fill", "host-suspended"))}
        .host-closed{fill:url(#hatch-closed)}
        .host-uncovered{fill:url(#hatch-uncovered)}
        .host-unknown{fill:url(#dots-unknown)}
        .hatch-closed{\(p("fill", "hatch-closed"))}
        .hatch-closed-line{\(p("stroke", "hatch-closed-line"))}
        .hatch-uncovered{\(p("fill", "hatch-uncovered"))}
        .hatch-uncovered-line{\(p("stroke", "hatch-uncovered-line"))}
        .dots-unknown{\(p("fill", "dots-unknown"))}
        .dots-unknown-dot{\(p("fill", "dots-unknown-dot"))}
        .accreditation{fill:none;\(p("stroke", "accreditation"));stroke-width:\(px(1.2));stroke-dasharray:\(px(3)) \(px(2));stroke-linecap:round}
        .post{\(p("stroke", "post-stroke"));stroke-width:\(px(0.9))}
        .post.open{\(p("fill", "post-open"))}
        .post.cross-accredited{\(p("fill", "background"));\(p("stroke", "post-cover"));stroke-width:\(px(1.6))}
        .post.closed{\(p("fill", "post-closed"))}
        .post.suspended{\(p("fill", "background"));\(p("stroke", "post-suspended"));stroke-width:\(px(1.6))}
        .post.uncounted{opacity:.75}
        .post.planned{\(p("fill", "background"));\(p("stroke", "post-open"));stroke-width:\(px(1.2));stroke-dasharray:\(px(2)) \(px(1))}
        .post.uncovered{\(p("fill", "background"));\(p("stroke", "post-closed"));stroke-width:\(px(1.2))}
        .post.unknown{\(p("fill", "post-unknown"));\(p("stroke", "post-unknown-stroke"));stroke-width:\(px(0.9));stroke-dasharray:\(px(1)) \(px(1))}
        .label{font-size:\(px(MapLayout.labelSize));\(p("fill", "label"));\(p("stroke", "label-halo"));stroke-width:\(px(2.5));stroke-linejoin:round;paint-order:stroke}
        .label.cross-accredited{\(p("fill", "label-cover"));font-style:italic}
        .label.closed{\(p("fill", "post-closed"))}
        .title{font-size:\(px(MapLayout.titleSize));font-weight:700;\(p("fill", "text"))}
        .subtitle{font-size:\(px(MapLayout.subtitleSize));\(p("fill", "note"))}
        .legend-heading{font-size:\(px(MapLayout.legendSize));font-weight:700;\(p("fill", "text"))}
        .legend-label{font-size:\(px(MapLayout.legendSize));\(p("fill", "text"))}
        .legend-note{font-size:\(px(MapLayout.noteSize));\(p("fill", "note"))}
        """
        // The host is drawn in the colour of the country a map looks from; a planned post's
        // sender in a pale shade of the resident colour.
        let hostRules = side == .sender ? "" : """

        .host-host{\(p("fill", "host-sender"))}
        .host-planned{\(p("fill", "host-resident"));fill-opacity:.35}
        """
        // The first rule is the root's own; each other rule gets the root in front.
        let scoped = (rules + hostRules).split(separator: "\n").map { $0.hasPrefix("{") ? ".mm-map" + $0 : ".mm-map " + $0 }
        return ":where(.mm-map){\(declarations)}\n" + scoped.joined(separator: "\n")
    }

    /// Pattern fills the stylesheet refers to, scaled with the map; their colours come from the
    /// stylesheet too.
    static func defs(scale: Double) -> String {
        let k = fixedDecimal(scale, 4)
        return """
        <defs><pattern id="hatch-closed" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45) scale(\(k))">\
        <rect class="hatch-closed" width="4" height="4"/><line class="hatch-closed-line" x1="0" y1="0" x2="0" y2="4" stroke-width="1.4"/></pattern>\
        <pattern id="hatch-uncovered" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45) scale(\(k))">\
        <rect class="hatch-uncovered" width="6" height="6"/><line class="hatch-uncovered-line" x1="0" y1="0" x2="0" y2="6" stroke-width="1"/></pattern>\
        <pattern id="dots-unknown" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="scale(\(k))">\
        <rect class="dots-unknown" width="5" height="5"/><circle class="dots-unknown-dot" cx="2.5" cy="2.5" r="0.9"/></pattern></defs>
        """
    }
}
