/// 10 to the power `n` (n ≥ 0), by repeated multiplication: exact up to 10^22, and the
/// factor every rounding to decimal places in the project uses.
func pow10(_ n: Int) -> Double {
    (0..<n).reduce(1.0) { value, _ in value * 10 }
}

/// `value` rounded to `places` decimal places (half away from zero).
func rounded(_ value: Double, places: Int) -> Double {
    let factor = pow10(places)
    return (value * factor).rounded() / factor
}
