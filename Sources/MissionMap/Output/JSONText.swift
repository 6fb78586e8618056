import Foundation

/// Small pieces of JSON text written by hand so that output streams feature by feature,
/// keeps its keys in a readable fixed order and is byte-identical from run to run.
enum JSONText {
    /// A JSON string literal (RFC 8259 §7).
    static func string(_ s: String) -> String {
        // Most strings (codes, ids, dates, names) need no escape: one scan of their bytes, then
        // one copy, instead of a copy scalar by scalar (a seventh of a large export's time).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func string(_ s: String?) -> String {
        s.map(string) ?? "null"
    }

    /// An object from ordered key/value pairs whose values are already JSON text.
    static func object(_ pairs: KeyValuePairs<String, String>) -> String {
        "{" + pairs.map { "\(string($0.key)):\($0.value)" }.joined(separator: ",") + "}"
    }

    /// A document as pretty JSON with sorted keys and a final newline: the same value gives
    /// the same bytes.
    static func pretty(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
