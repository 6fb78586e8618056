import Foundation
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct MapThemeTests {
    /// CIE L* of a #rrggbb colour (D65), the lightness a greyscale print keeps.
    static func lightness(_ hex: String) throws -> Double {
        let digits = hex.dropFirst()
        let value = try #require(Int(digits, radix: 16))
        let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { c -> Double in
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let y = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389 / 27
    }

    /// Every solid country fill differs from every other in lightness, so that the map reads
    /// in greyscale; the other statuses are patterns.
    @Test func solidFillsDifferInLightness() throws {
        let theme = MapTheme()
        let fills = ["host-none", "host-sender", "host-resident", "host-non-resident", "host-suspended"]
        let l = try fills.map { try Self.lightness(try #require(theme.value($0))) }
        for i in l.indices {
            for j in l.indices where j > i {
                #expect(abs(l[i] - l[j]) >= 8, "\(fills[i]) L*=\(Int(l[i])) and \(fills[j]) L*=\(Int(l[j]))")
            }
        }
        let css = theme.css(scale: 1)
        for status in ["closed", "uncovered", "unknown"] { #expect(css.contains(".host-\(status){fill:url(#")) }
    }

    @Test func everyRuleCarriesItsValueForLibrsvgAndItsPropertyForBrowsers() {
        let css = MapTheme().css(scale: 2)
        #expect(css.hasPrefix(":where(.mm-map){--mm-font:"), "defaults that weigh nothing, on the map's root")
        #expect(css.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix(".mm-map") }, "every rule scoped to the map")
        #expect(css.contains(".host-resident{fill:#56b4e9;fill:var(--mm-host-resident,#56b4e9)}"))
        #expect(css.contains(".label{font-size:20px;") && css.contains(".country{stroke:#fff;stroke:var(--mm-country-stroke,#fff);stroke-width:0.7px"), "text and strokes scale with the map")
        #expect(!css.contains("!important"))
    }

    @Test func aStylesheetReplacesValuesAndIsKeptForBrowsers() throws {
        let sheet = "svg { --mm-host-resident: #117733; }\n.label { font-weight: bold }\n"
        let theme = try MapTheme(stylesheet: sheet, file: "my.css")
        #expect(theme.value("host-resident") == "#117733")
        #expect(theme.css(scale: 1).contains("fill:#117733;fill:var(--mm-host-resident,#117733)"))
        #expect(theme.extraCSS == sheet)
        #expect(throws: DataError(file: "my.css", line: 2, "unknown map property '--mm-host-residnt'; did you mean --mm-host-resident?")) {
            try MapTheme(stylesheet: "svg{}\r\nsvg{--mm-host-residnt:red}", file: "my.css")
        }
        // Comments are not read; values that could break the map's own rules are refused.
        #expect(try MapTheme(stylesheet: "/* svg{--mm-host-resident:red} --mm-nothing: 1 */", file: "c.css").value("host-resident") == "#56b4e9")
        for bad in ["", "url(#x", "\"Georgia", "a<b", "red/*", "a\\b"] {
            #expect(throws: DataError.self, "\(bad)") { try MapTheme(stylesheet: "svg{--mm-host-resident:\(bad)}", file: "b.css") }
        }
        #expect(try MapTheme(stylesheet: "svg{--mm-font:\"Noto Sans\", sans-serif}", file: "f.css").value("font") == "\"Noto Sans\", sans-serif")
    }
}
