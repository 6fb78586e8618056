import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct TextTableTests {
    @Test func csvNeutralisesFormulasInTextButNotInNumbers() throws {
        let table = TextTable(columns: ["name", "n"], rows: [
            [.text("=HYPERLINK(\"http://x\",\"y\")"), .number("-9")],
            [.text("+1"), .number("+3")], [.text("-2"), .number("0")], [.text("@SUM(A1)"), .number("1")],
            [.text("plain, with comma"), .number("2")],
        ])
        let csv = table.csv()
        let parsed = try CSVTable(text: csv, file: "t.csv")
        #expect(parsed.records.map { $0["name"] } == ["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "plain, with comma"])
        #expect(parsed.records.map { $0["n"] } == ["-9", "+3", "0", "1", "2"])
        #expect(csv.hasSuffix("\r\n") && csv.components(separatedBy: "\r\n").count == 7)
    }

    @Test func markdownEscapesPipes() {
        let md = TextTable(columns: ["a|b"], rows: [[.text("x|y")]]).markdown()
        #expect(md == "| a\\|b |\n| --- |\n| x\\|y |\n")
    }

    @Test func markdownCannotCarryLinksOrHTML() {
        let md = TextTable(columns: ["n"], rows: [[.text("[x](javascript:alert(1)) <img src=x onerror=alert(1)> & `c`\nnext")]]).markdown()
        #expect(md == "| n |\n| --- |\n| \\[x\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; &amp; \\`c\\` next |\n")
        #expect(TextTable(columns: ["n"], rows: [[.text("a\r\nb\rc")]]).markdown() == "| n |\n| --- |\n| a b c |\n")
    }
}
