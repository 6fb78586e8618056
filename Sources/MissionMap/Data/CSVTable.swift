import Foundation
import SwiftCSV

/// A CSV file read into records that remember their line, so every later check can say
/// `FILE:LINE`. Parsing is SwiftCSV's (RFC 4180 quoting); this type adds line numbers,
/// header handling and the errors the parser leaves out.
public struct CSVTable: Sendable {
    /// One data row: its 1-based starting line in the file, and its cells by column name.
    public struct Record: Sendable {
        public let line: Int
        let cells: [String: String]

        /// The cell of `column` without surrounding white space, or "" if the column is absent.
        public subscript(column: String) -> String {
            cells[column] ?? ""
        }
    }

    public let file: String
    public let columns: [String]
    public let records: [Record]

    /// Reads and parses a file, failing with `FILE:LINE: error:` on unreadable or malformed input.
    public init(contentsOf path: String, displayName: String? = nil, required: [String] = []) throws {
        let name = displayName ?? FileBytes.displayName(path)
        try self.init(data: FileBytes.read(path, name: name), file: name, required: required)
    }

    /// Parses the bytes of a CSV file named `file` in messages: UTF-8, with a header row.
    public init(data: Data, file name: String, required: [String] = []) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: name, line: FileBytes.lineOfInvalidUTF8(in: data), "not valid UTF-8")
        }
        try self.init(text: text, file: name, required: required)
    }

    /// Parses CSV text with a header row.
    public init(text: String, file: String, required: [String] = []) throws {
        self.file = file
        // A byte order mark is legal UTF-8 but not part of the first column's name.
        var text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // SwiftCSV drops an empty last field of a final row that has no line end; give it one.
        if let last = text.last, !last.isNewline { text.append("\n") }
        if text.unicodeScalars.filter({ $0 == "\"" }).count % 2 == 1 {
            throw DataError(file: file, line: CSVTable.lineOfUnbalancedQuote(in: text), "unterminated quoted field")
        }
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        do {
            // rowLimit 0: SwiftCSV's init parses no rows, so a parse error surfaces in the loop
            // below, where `line` is known.
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                rows.append((line, fields))
                // Each row ends with one line end, plus any quoted inside its fields; like the
                // parser, count CR LF, a lone LF and a lone CR (old Mac files) each as one.
                line += 1 + fields.reduce(0) { n, field in
                    // Only fields with a CR or LF byte need the (slower) walk over characters.
                    field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) ? n + field.count(where: CSVTable.isLineEnd) : n
                }
            }
        } catch CSVParseError.quotation {
            throw DataError(file: file, line: line, "a quote inside a field that is not quoted as a whole (quote the field, and double the quote)")
        } catch {
            throw DataError(file: file, line: line, "malformed CSV row")
        }
        rows.removeAll { $0.fields.allSatisfy { CSVTable.trimmed($0).isEmpty } }
        guard let header = rows.first else { throw DataError(file: file, line: 1, "empty file: expected a header row") }
        // The header is input too: the same limits on length and characters as any cell.
        for (i, cell) in header.fields.enumerated() {
            if let problem = CSVTable.problem(with: cell) {
                throw DataError(file: file, line: header.line, "header cell \(i + 1) \(problem)")
            }
        }
        let columns = header.fields.map(CSVTable.trimmed)
        if let duplicate = Dictionary(grouping: columns, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw DataError(file: file, line: header.line, "column '\(Echo.quoted(duplicate))' appears twice in the header")
        }
        if let missing = required.first(where: { !columns.contains($0) }) {
            throw DataError(file: file, line: header.line, "missing column '\(Echo.quoted(missing))' (header has: \(CSVTable.listed(columns)))")
        }
        self.columns = columns
        self.records = try rows.dropFirst().map { row in
            guard row.fields.count == columns.count else {
                throw DataError(file: file, line: row.line, "expected \(columns.count) fields, found \(row.fields.count)")
            }
            for (column, field) in zip(columns, row.fields) {
                if let problem = CSVTable.problem(with: field) {
                    throw DataError(file: file, line: row.line, "field '\(Echo.quoted(column))' \(problem)")
                }
            }
            return Record(line: row.line, cells: Dictionary(uniqueKeysWithValues: zip(columns, row.fields.map(CSVTable.trimmed))))
        }
    }

    /// Whether a character ends a line for the parser: LF, CR or CR LF (one Character in Swift).
    static func isLineEnd(_ c: Character) -> Bool {
        c == "\n" || c == "\r" || c == "\r\n"
    }

    /// The longest field a log needs (a long note is a few hundred characters); more is a
    /// damaged or hostile file, and would flood every message that quotes the field.
    public static let maximumFieldLength = 4096

    /// What makes a field unusable: too long; control characters, which no name or note needs
    /// and which would reach terminals and output files (tab and line ends are allowed); or
    /// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
    /// make text read as something else in SVG, Markdown, CSV and GeoJSON viewers alike. They
    /// are refused here, once, rather than neutralised differently by each writer. (Right-to-
    /// left text itself is fine: it needs no such character.)
    static func problem(with field: String) -> String? {
        if field.utf8.count <= maximumFieldLength, isPlain(field.utf8) { return nil }
        let length = field.unicodeScalars.count
        if length > maximumFieldLength { return "is \(length) characters long: the limit is \(maximumFieldLength)" }
        if let c = field.unicodeScalars.first(where: { $0.properties.generalCategory == .control && !"\t\n\r".unicodeScalars.contains($0) }) {
            return "contains the control character U+\(String(format: "%04X", c.value))"
        }
        if let c = field.unicodeScalars.first(where: Echo.isBidiControl) {
            return "contains the bidirectional formatting character U+\(String(format: "%04X", c.value)), which can make text display as something else"
        }
        return nil
    }

    /// The fast path, one pass over the bytes, as this runs for every cell: no byte that could
    /// start a control character (C0, DEL, or 0xC2 before a C1 control) and no bidi control
    /// (0xE2 0x80 0xAA–0xAE, 0xE2 0x81 0xA6–0xA9). Anything else goes to the slow path.
    private static func isPlain(_ utf8: String.UTF8View) -> Bool {
        var twoBack: UInt8 = 0, oneBack: UInt8 = 0
        for byte in utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 { return false }
            if twoBack == 0xE2, (oneBack == 0x80 && (0xAA...0xAE).contains(byte)) || (oneBack == 0x81 && (0xA6...0xA9).contains(byte)) {
                return false
            }
            (twoBack, oneBack) = (oneBack, byte)
        }
        return true
    }

    /// Column names for a message, each quoted, at most twenty.
    static func listed(_ columns: [String]) -> String {
        let shown = columns.prefix(20).map { Echo.quoted($0, limit: 40) }.joined(separator: ", ")
        return columns.count > 20 ? shown + " and \(columns.count - 20) more" : shown
    }

    /// A cell without the white space around it (done once per cell: Foundation's trimming
    /// was a fifth of the time of loading a large log).
    static func trimmed(_ s: String) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return first == s.startIndex && last == s.index(before: s.endIndex) ? s : String(s[first...last])
    }

    /// The line where the last quoted field opens and never closes.
    private static func lineOfUnbalancedQuote(in text: String) -> Int {
        var line = 1, inQuotes = false, openedAt = 1
        for c in text {
            if c == "\"" {
                inQuotes.toggle()
                if inQuotes { openedAt = line }
            } else if isLineEnd(c) {
                line += 1
            }
        }
        return openedAt
    }
}
