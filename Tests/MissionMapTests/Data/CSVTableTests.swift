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

@Suite(.tags(.unit)) struct CSVTableHeaderTests {
    @Test func namesMatchWithoutCaseOrSurroundingSpaces() throws {
        let table = try CSVTable(text: "Post_ID, Date ,note\nX,2020-01-01,n\n", file: "t.csv", required: ["post_id", "date"])
        #expect(table.columns == ["post_id", "date", "note"])
        #expect(table.records[0]["post_id"] == "X" && table.records[0]["date"] == "2020-01-01")
        #expect(table.records[0]["Post_ID"] == "X" && table.records[0][" NOTE "] == "n", "lookups fold too")
        #expect(table.records[0]["city"] == "")
    }

    @Test func twoNamesForOneColumnAreAnError() {
        #expect(throws: DataError(file: "t.csv", line: 1, "columns 'Post_ID' and 'post_id' are the same column: names match without regard to case or surrounding spaces")) {
            try CSVTable(text: "Post_ID,date,post_id\n1,2,3\n", file: "t.csv")
        }
        #expect(throws: DataError(file: "t.csv", line: 1, "column 'date' appears twice in the header")) {
            try CSVTable(text: "date,a, date \n1,2,3\n", file: "t.csv")
        }
    }

    @Test func aSemicolonOrTabSeparatedHeaderIsToldSo() {
        #expect(throws: DataError(file: "t.csv", line: 1, "the header has no commas but 2 semicolons: missionmap reads comma-separated files; save the file as CSV with commas between fields")) {
            try CSVTable(text: "a;b;c\n1;2;3\n", file: "t.csv", required: ["a", "b"])
        }
        #expect(throws: DataError(file: "t.csv", line: 1, "the header has no commas but 3 tabs: missionmap reads comma-separated files; save the file as CSV with commas between fields")) {
            try CSVTable(text: "a\tb\tc\td\n1\t2\t3\t4\n", file: "t.csv", required: ["a"])
        }
        #expect(throws: DataError(file: "t.csv", line: 1, "the header has 1 comma and 1 semicolon: missionmap reads comma-separated files; save the file as CSV with commas between fields")) {
            try CSVTable(text: "a,b;c\n1,2\n", file: "t.csv", required: ["a", "c"])
        }
        // A header that has every required column is read, whatever else its names hold.
        #expect(throws: Never.self) { try CSVTable(text: "a,b;c\n1,2\n", file: "t.csv", required: ["a"]) }
    }

    @Test func rowErrorsAreThrownOrKeptAside() throws {
        let text = "a,b\n1,2\n3,4,5\n6,\u{1B}\n7,8\n"
        #expect(throws: DataError(file: "t.csv", line: 3, "expected 2 fields, found 3")) { try CSVTable(text: text, file: "t.csv") }
        let table = try CSVTable(text: text, file: "t.csv", collectingRowErrors: true)
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.rejected.map(\.error.description) == ["t.csv:3: error: expected 2 fields, found 3", "t.csv:4: error: field 'b' contains the control character U+001B"])
        #expect(table.rejected.map { $0.record["a"] } == ["3", "6"], "a rejected row keeps the fields it has")
    }
}

@Suite(.tags(.unit)) struct CSVTableStorageTests {
    /// Where a string's bytes are: equal long cells read from the file share them.
    func storage(_ s: String) -> UnsafeRawPointer? {
        var copy = s
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalLongCellsShareOneStorage() throws {
        let source = "https://example.org/a-long-source"
        let table = try CSVTable(text: "a,b\n1,\(source)\n2, \(source) \n3,short\n", file: "t.csv")
        #expect(table.records.map { $0["b"] } == [source, source, "short"])
        #expect(storage(table.records[0]["b"]) == storage(table.records[1]["b"]))
    }

    @Test func rejectedRowsKeepTheirFieldsByPosition() throws {
        let table = try CSVTable(text: "a,b,c\n1,2\n3,4,5,6\n7,8,9\n", file: "t.csv", collectingRowErrors: true)
        #expect(table.records.map(\.line) == [4] && table.records[0]["c"] == "9")
        #expect(table.rejected.map(\.error.message) == ["expected 3 fields, found 2", "expected 3 fields, found 4"])
        #expect(table.rejected.map { [$0.record["a"], $0.record["b"], $0.record["c"]] } == [["1", "2", ""], ["3", "4", "5"]])
    }

    @Test func aParseErrorComesBeforeAnEarlierRowError() {
        // The rows' errors are found as rows are parsed, but the parser's own is still thrown first.
        #expect(throws: DataError(file: "t.csv", line: 3, "a quote inside a field that is not quoted as a whole (quote the field, and double the quote)")) {
            try CSVTable(text: "a,b\n1,2,3\n5,x\"y\"z\n", file: "t.csv")
        }
    }
}
