import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct NumberTextTests {
    @Test(arguments: ["0", "-0", "12", "-12.5", "0.001", "1e3", "1E-3", "2.5e+2", "00012"])
    func plainDecimalsAreNumbers(text: String) {
        #expect(NumberText.decimal(text) == Double(text))
    }

    @Test(arguments: ["", "-", "+1", ".5", "5.", "1e", "1e+", "0x10", "0x1p3", "inf", "-inf", "nan", "NaN", "infinity",
                      "1_000", "1,5", "1 2", " 1", "１２", "٤٠", "−4", "1.2.3", "e5", "--1"])
    func otherFormsAreNot(text: String) {
        #expect(NumberText.decimal(text) == nil)
    }

    @Test func overflowIsANumberForTheCallerToRangeCheck() {
        #expect(NumberText.decimal("1e400") == .infinity)
    }

    @Test func countsAreBareDigits() {
        #expect(NumberText.count("44") == 44 && NumberText.count("0") == 0)
        #expect(NumberText.count("+4") == nil && NumberText.count("-4") == nil && NumberText.count("4.0") == nil && NumberText.count("") == nil)
        #expect(NumberText.count("99999999999999999999999") == nil, "beyond Int is no count")
    }
}
