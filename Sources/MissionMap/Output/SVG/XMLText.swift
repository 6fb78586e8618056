/// Escaping for text and attribute values in SVG: names come from user data.
enum XMLText {
    static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 allows no other characters, not even escaped: drop them.
            case _ where !XMLText.isAllowed(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0's Char production: tab, line ends, and U+0020 up, less surrogates, U+FFFE, U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
