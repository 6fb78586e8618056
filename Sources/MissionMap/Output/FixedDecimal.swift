import Foundation

/// `value` rounded to `decimals` places, written without trailing zeros or exponent, and
/// never "-0". Independent of the locale (no decimal commas).
func fixedDecimal(_ value: Double, _ decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
}
