import Foundation
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct CSVTableTests {
    @Test func quotedCommasAndNewlinesKeepLineNumbers() throws {
        let text = "a,b\n1,\"x, y\"\n2,\"two\nlines\"\n3,z\n"
        let table = try CSVTable(text: text, file: "t.csv")
        #expect(table.records.map(\.line) == [2, 3, 5])
        #expect(table.records[0]["b"] == "x, y")
        #expect(table.records[1]["b"] == "two\nlines")
        #expect(table.records[2]["a"] == "3")
    }

    @Test func crlfAndByteOrderMark() throws {
        let table = try CSVTable(text: "\u{FEFF}a,b\r\n1,2\r\n3,\"q\"\"uote\"\r\n", file: "t.csv")
        #expect(table.columns == ["a", "b"])
        #expect(table.records.map(\.line) == [2, 3])
        #expect(table.records[1]["b"] == "q\"uote")
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let table = try CSVTable(text: "a,b\n\n1,2\n", file: "t.csv")
        #expect(table.records.map(\.line) == [3])
    }

    @Test func errorsNameFileAndLine() {
        #expect(throws: DataError(file: "t.csv", line: 3, "expected 2 fields, found 3")) {
            try CSVTable(text: "a,b\n1,2\n1,2,3\n", file: "t.csv")
        }
        #expect(throws: DataError(file: "t.csv", line: 3, "unterminated quoted field")) {
            try CSVTable(text: "a,b\n1,2\n3,\"open\n4,5\n", file: "t.csv")
        }
        #expect(throws: DataError(file: "t.csv", line: 1, "empty file: expected a header row")) {
            try CSVTable(text: "", file: "t.csv")
        }
        #expect(throws: DataError(file: "t.csv", line: 1, "missing column 'c' (header has: a, b)")) {
            try CSVTable(text: "a,b\n1,2\n", file: "t.csv", required: ["a", "c"])
        }
    }
}

@Suite(.tags(.unit)) struct CSVTableEdgeTests {
    @Test func emptyLastFieldWithoutFinalNewlineIsKept() throws {
        let table = try CSVTable(text: "a,b,c\n1,2,", file: "t.csv")
        #expect(table.records.count == 1)
        #expect(table.records[0]["c"] == "" && table.records[0]["b"] == "2")
    }
}

@Suite(.tags(.unit)) struct CSVTableErrorLineTests {
    @Test func strayQuoteIsReportedOnItsLine() {
        #expect(throws: DataError(file: "t.csv", line: 4, "a quote inside a field that is not quoted as a whole (quote the field, and double the quote)")) {
            try CSVTable(text: "a,b\n1,2\n3,4\n5,x\"y\"z\n6,7\n", file: "t.csv")
        }
    }

    @Test func invalidUTF8IsReportedOnItsLine() throws {
        let bytes = Data("a,b\n1,2\n3,".utf8 + [0xC3, 0x28] + Data("\n".utf8))
        #expect(throws: DataError(file: "bad.csv", line: 3, "not valid UTF-8")) {
            try CSVTable(data: bytes, file: "bad.csv")
        }
    }

    @Test func missingFileHasNoLine() {
        #expect(DataError(file: "/nope.csv", line: 0, "cannot read file").description == "/nope.csv: error: cannot read file")
        #expect(throws: DataError(file: "/nonexistent/m.csv", line: 0, "cannot read file")) {
            try CSVTable(contentsOf: "/nonexistent/m.csv")
        }
    }
}
