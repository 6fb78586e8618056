/// The one grammar of every number a data file gives in text: an optional minus, digits, an
/// optional point followed by digits, and an optional exponent (`-12.5`, `4`, `3e-2`). Swift's
/// `Double(String)` also takes `0x1p3`, `inf`, `nan` and a leading `+`, which no CSV author
/// means; so nothing else is a number.
public enum NumberText {
    /// The value written in `text` by the grammar; nil for any other form. May be infinite
    /// (`1e400`): callers check the range.
    public static func decimal(_ text: some StringProtocol) -> Double? {
        guard isDecimal(text.utf8) else { return nil }
        return Double(String(text))
    }

    /// A whole number with no sign, point or exponent (`0`, `44`); nil for any other form.
    public static func count(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(String(text))
    }

    private static func isDecimal(_ bytes: some Collection<UInt8>) -> Bool {
        var i = bytes.makeIterator()
        var c = i.next()
        func digits() -> Int {
            var n = 0
            while let d = c, (0x30...0x39).contains(d) { n += 1; c = i.next() }
            return n
        }
        if c == UInt8(ascii: "-") { c = i.next() }
        guard digits() > 0 else { return false }
        if c == UInt8(ascii: ".") {
            c = i.next()
            guard digits() > 0 else { return false }
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = i.next()
            if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { c = i.next() }
            guard digits() > 0 else { return false }
        }
        return c == nil
    }
}
