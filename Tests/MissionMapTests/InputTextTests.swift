import Testing
@testable import MissionMap

@Suite struct NumberTextTests {
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

@Suite struct EchoTests {
    @Test func controlAndBidiCharactersAreShownEscaped() {
        #expect(Echo.quoted("a\u{1B}[31mb") == "a\\u{1B}[31mb")
        #expect(Echo.quoted("x\u{202E}y\u{2066}z") == "x\\u{202E}y\\u{2066}z")
        #expect(Echo.quoted("tab\there") == "tab\\u{9}here")
        #expect(Echo.quoted("Yaoundé, שלום, مرحبا") == "Yaoundé, שלום, مرحبا", "right-to-left text itself is fine")
    }

    @Test func longValuesAreCut() {
        let quoted = Echo.quoted(String(repeating: "x", count: 10_000))
        #expect(quoted.count == Echo.limit + 1 && quoted.hasSuffix("…"))
    }

    @Test func everyMessageIsBoundedAndSafe() {
        let error = DataError(file: "f.csv", line: 2, "bad \u{1B}]0;title\u{7} " + String(repeating: "y", count: 5_000))
        #expect(error.message.count == Echo.messageLimit + 1 && error.message.hasSuffix("…"))
        #expect(!error.description.unicodeScalars.contains(where: Echo.isUnsafe))
    }
}

@Suite struct ClosestMatchTests {
    @Test func slipsAreFoundAndLongCellsAreNotMeasured() {
        let names = ["spain", "sweden", "switzerland"]
        #expect(closestMatch(to: "spian", among: names) == "spain")
        #expect(closestMatch(to: "swedn", among: names) == "sweden")
        #expect(closestMatch(to: "xyz", among: names) == nil)
        #expect(closestMatch(to: "sp", among: names) == nil, "too short to guess")
        #expect(closestMatch(to: String(repeating: "n", count: 4_000) + "spain", among: names) == nil, "no name is that long")
    }
}
