/// `value` rounded to `decimals` places (0 to 9), written without trailing zeros or
/// exponent, and never "-0". Built from integer digits: `String(format:)` was a third of the
/// time of rendering a world map, and this cannot depend on the locale.
func fixedDecimal(_ value: Double, _ decimals: Int) -> String {
    precondition((0...9).contains(decimals), "decimals must be 0 to 9")
    var factor = 1.0
    for _ in 0..<decimals { factor *= 10 }
    let scaled = (value * factor).rounded()
    guard scaled.isFinite, abs(scaled) < 1e15 else { return value.isFinite ? "\(value)" : "null" }
    var units = Int(abs(scaled)), places = decimals
    while places > 0 && units % 10 == 0 {
        units /= 10
        places -= 1
    }
    var digits = String(units)
    if places > 0 {
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
    }
    return scaled < 0 && units != 0 ? "-" + digits : digits
}
