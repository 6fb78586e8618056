import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct FixedDecimalTests {
    @Test(arguments: [
        (12.3456789, 6, "12.345679"), (-0.0000001, 6, "0"), (-0.0000006, 6, "-0.000001"), (0.05, 1, "0.1"),
        (180, 6, "180"), (-179.99999999, 6, "-180"), (0.000123, 6, "0.000123"), (-12.5, 1, "-12.5"),
        (1234.5, 0, "1235"), (-0.04, 1, "0"), (7.10, 2, "7.1"), (100.0, 1, "100"),
    ])
    func roundsAndTrims(value: Double, decimals: Int, expected: String) {
        #expect(fixedDecimal(value, decimals) == expected)
    }
}
