import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct EchoTests {
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
