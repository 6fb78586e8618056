import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct XMLTextTests {
    @Test func charactersXMLForbidsAreDropped() {
        #expect(XMLText.escaped("a\u{0}b\u{1B}c\u{FFFF}d\u{FFFE}e\tf") == "abcde\tf")
        #expect(XMLText.escaped("Côte d'Ivoire 🇨🇮") == "Côte d&apos;Ivoire 🇨🇮")
    }
}
