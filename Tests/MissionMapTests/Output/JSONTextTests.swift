import Foundation
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct JSONTextTests {
    /// Plain strings (the fast path) and strings needing escapes both read back as themselves.
    @Test(arguments: ["KP-ES-MADRID", "Pyongyang", "Ḩalab, Syria — 平壤", "", "a\"b", "back\\slash", "line\nend\r\t", "bell\u{07}", "é\u{1F}"])
    func readsBackAsItself(text: String) throws {
        let literal = JSONText.string(text)
        let back = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(back == [text], "\(literal)")
    }

    @Test func escapesAsBefore() {
        #expect(JSONText.string("Madrid") == "\"Madrid\"")
        #expect(JSONText.string("a\"b\\c\nd\u{01}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
    }
}
