/// Input quoted back in a message. Control characters and the bidirectional formatting
/// characters (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" class) are shown escaped
/// (`\u{1B}`), so that a file cannot move a terminal's cursor, colour it or reorder what it
/// shows; and a long value is cut with an ellipsis, so that one bad cell cannot flood it.
public enum Echo {
    /// How many characters of a value a message quotes.
    public static let limit = 80
    /// The longest message: a safety net for lists (a header, a chain of posts) built from input.
    public static let messageLimit = 1_000

    /// `text` escaped and cut to `limit` characters.
    public static func quoted(_ text: some StringProtocol, limit: Int = Echo.limit) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) + "…" : String(text)
        return escaped(cut)
    }

    /// `text` with every unsafe character escaped; nothing cut.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A message made safe and bounded: escaped, and cut at `messageLimit` characters.
    static func message(_ text: String) -> String {
        let safe = escaped(text)
        return safe.count > messageLimit ? String(safe.prefix(messageLimit)) + "…" : safe
    }

    /// Control characters (C0, DEL, C1, line ends and tabs included: a message is one line)
    /// and the bidirectional embedding, override and isolate characters.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || isBidiControl(scalar)
    }

    /// U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates), which can make
    /// text read as something else where it is shown.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
