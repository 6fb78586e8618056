import Foundation
import SwiftCSV

/// A CSV file read into records that remember their line, so every later check can say
/// `FILE:LINE`. Parsing is SwiftCSV's (RFC 4180 quoting); this type adds line numbers,
/// header handling and the errors the parser leaves out. Column names match without regard
/// to case or surrounding spaces (`Post_ID`, ` date `), as spreadsheets and people write them.
///
/// Errors in the file's structure (an unterminated or stray quote, invalid UTF-8, a bad
/// header) stop reading at the first: past them the rows cannot be told apart. An error in one
/// row (the wrong number of fields, an unusable field) leaves the others readable: it is
/// thrown, or with `collectingRowErrors` kept in `rejected` for the caller to report with its own.
public struct CSVTable: Sendable {
    /// One data row: its 1-based starting line in the file, and its cells by column name.
    public struct Record: Sendable {
        public let line: Int
        /// The table's cells, shared by all its records: one flat array rather than a
        /// dictionary per row, which was most of the memory of reading a large log.
        let cells: Cells
        /// Where this row's cells start in `cells.values`.
        let start: Int

        /// The cell of `column` (in any case) without surrounding white space, or "" if the
        /// column is absent.
        public subscript(column: String) -> String {
            if let i = cells.index[column] { return cells.values[start + i] }
            // Names are mostly passed folded, and absent optional columns are looked up on
            // every row: fold only a name that may need it.
            guard CSVTable.mayNeedFolding(column), let i = cells.index[CSVTable.folded(column)] else { return "" }
            return cells.values[start + i]
        }
    }

    /// Every row's trimmed cells, row after row, a row's cells in column order (a row rejected
    /// for too few fields padded with "", too many cut), and each folded column's position.
    final class Cells: Sendable {
        let index: [String: Int]
        let values: [String]

        init(index: [String: Int], values: [String]) {
            self.index = index
            self.values = values
        }
    }

    /// A row left out of `records`, with why; its record holds the fields it has, by position.
    public struct Rejected: Sendable {
        public let error: DataError
        public let record: Record
    }

    public let file: String
    /// The column names, folded: trimmed and lower-cased.
    public let columns: [String]
    public let records: [Record]
    /// Rows left out for an error of their own, in line order (empty unless collected).
    public let rejected: [Rejected]

    /// Reads and parses a file, failing with `FILE:LINE: error:` on unreadable or malformed input.
    public init(contentsOf path: String, displayName: String? = nil, required: [String] = [], collectingRowErrors: Bool = false) throws {
        let name = displayName ?? FileBytes.displayName(path)
        try self.init(data: FileBytes.read(path, name: name), file: name, required: required, collectingRowErrors: collectingRowErrors)
    }

    /// Parses the bytes of a CSV file named `file` in messages: UTF-8, with a header row.
    public init(data: consuming Data, file name: String, required: [String] = [], collectingRowErrors: Bool = false) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: name, line: FileBytes.lineOfInvalidUTF8(in: data), "not valid UTF-8")
        }
        // The bytes are in the text now: let them go before the rows are parsed.
        _ = consume data
        try self.init(text: text, file: name, required: required, collectingRowErrors: collectingRowErrors)
    }

    /// Parses CSV text with a header row. A row with an error of its own is thrown, or with
    /// `collectingRowErrors` left out of `records` and kept in `rejected`.
    public init(text: String, file: String, required: [String] = [], collectingRowErrors: Bool = false) throws {
        self.file = file
        // A byte order mark is legal UTF-8 but not part of the first column's name.
        var text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // SwiftCSV drops an empty last field of a final row that has no line end; give it one.
        if let last = text.last, !last.isNewline { text.append("\n") }
        if text.unicodeScalars.filter({ $0 == "\"" }).count % 2 == 1 {
            throw DataError(file: file, line: CSVTable.lineOfUnbalancedQuote(in: text), "unterminated quoted field")
        }
        var reading = Reading(file: file, required: required, collectingRowErrors: collectingRowErrors)
        // Room for a cell per column of every line at once, rather than growing (and copying)
        // the large array many times over; never more cells than bytes, whatever the header.
        reading.lines = text.utf8.count(where: { $0 == 0x0A }) + 1
        reading.bytes = text.utf8.count
        var line = 1
        do {
            // rowLimit 0: SwiftCSV's init parses no rows, so a parse error surfaces in the loop
            // below, where `line` is known.
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                // Each row is taken in as it is parsed, so that no second copy of the file's
                // rows is held.
                reading.take(fields, line: line)
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
        // Errors of the header and rows come after the parser's, as when rows were read first.
        if let error = reading.headerError { throw error }
        guard let header = reading.header else { throw DataError(file: file, line: 1, "empty file: expected a header row") }
        if let error = reading.thrown { throw error }
        self.columns = header.columns
        let cells = Cells(index: header.index, values: reading.values)
        records = reading.rows.map { Record(line: $0.line, cells: cells, start: $0.start) }
        rejected = reading.rejected.map { Rejected(error: $0.error, record: Record(line: $0.line, cells: cells, start: $0.start)) }
    }

    /// The header as checked: the names as spelt (trimmed), the folded columns and their positions.
    private struct Header {
        let line: Int
        let names: [String]
        let columns: [String]
        let index: [String: Int]
    }

    /// The state of reading rows as the parser hands them over: the header once met, then each
    /// row's cells, checked, appended to one flat array.
    private struct Reading {
        let file: String
        let required: [String]
        let collectingRowErrors: Bool
        var header: Header?
        /// The header's error; no row is kept after it.
        var headerError: DataError?
        /// The first row error when rows are not collected; no row is kept after it.
        var thrown: DataError?
        var values: [String] = []
        var rows: [(line: Int, start: Int)] = []
        var rejected: [(error: DataError, line: Int, start: Int)] = []
        /// Long cells met so far: equal cells (a source, a note, a city repeated on many rows)
        /// share one storage. Cells of up to 15 UTF-8 bytes are stored inline by String anyway.
        var interned: Set<String> = []
        /// The lines of the file (LF line ends, plus one) and its size, to reserve room for cells.
        var lines = 0, bytes = 0

        init(file: String, required: [String], collectingRowErrors: Bool) {
            self.file = file
            self.required = required
            self.collectingRowErrors = collectingRowErrors
        }

        mutating func take(_ fields: [String], line: Int) {
            guard headerError == nil, thrown == nil else { return }
            if fields.allSatisfy({ CSVTable.trimmed($0).isEmpty }) { return }
            guard let header else {
                do { header = try Self.header(fields, line: line, file: file, required: required) } catch { headerError = error }
                let (cells, overflow) = max(0, lines - line).multipliedReportingOverflow(by: fields.count)
                values.reserveCapacity(overflow ? bytes : min(cells, bytes))
                return
            }
            var error: DataError?
            if fields.count != header.columns.count {
                error = DataError(file: file, line: line, "expected \(header.columns.count) fields, found \(fields.count)")
            } else {
                // Named as the header spells it, which the user will look for.
                for (column, field) in zip(header.names, fields) {
                    guard let problem = CSVTable.problem(with: field) else { continue }
                    error = DataError(file: file, line: line, "field '\(Echo.quoted(column))' \(problem)")
                    break
                }
            }
            if let error, !collectingRowErrors {
                thrown = error
                return
            }
            let start = values.count
            for i in header.columns.indices {
                values.append(i < fields.count ? intern(CSVTable.trimmed(fields[i])) : "")
            }
            if let error { rejected.append((error, line, start)) } else { rows.append((line, start)) }
        }

        /// The one stored copy of a cell equal to `cell`.
        private mutating func intern(_ cell: String) -> String {
            guard cell.utf8.count > 15 else { return cell }
            return interned.insert(cell).memberAfterInsert
        }

        /// The header row, checked: the same limits on length and characters as any cell,
        /// no column twice, every required column.
        static func header(_ fields: [String], line: Int, file: String, required: [String]) throws(DataError) -> Header {
            for (i, cell) in fields.enumerated() {
                if let problem = CSVTable.problem(with: cell) {
                    throw DataError(file: file, line: line, "header cell \(i + 1) \(problem)")
                }
            }
            let names = fields.map(CSVTable.trimmed)
            let columns = names.map(CSVTable.folded)
            var firstOf: [String: Int] = [:]
            for (i, column) in columns.enumerated() {
                guard let first = firstOf[column] else {
                    firstOf[column] = i
                    continue
                }
                throw DataError(file: file, line: line, names[first] == names[i]
                    ? "column '\(Echo.quoted(names[i]))' appears twice in the header"
                    : "columns '\(Echo.quoted(names[first]))' and '\(Echo.quoted(names[i]))' are the same column: names match without regard to case or surrounding spaces")
            }
            if let missing = required.first(where: { firstOf[CSVTable.folded($0)] == nil }) {
                throw DataError(file: file, line: line, CSVTable.otherSeparator(in: fields)
                    ?? "missing column '\(Echo.quoted(missing))' (header has: \(CSVTable.listed(names)))")
            }
            return Header(line: line, names: names, columns: columns, index: firstOf)
        }
    }

    /// A column name as matched: trimmed and lower-cased.
    public static func folded(_ name: String) -> String {
        trimmed(name).lowercased()
    }

    /// Whether `folded` could change a name: it has an upper-case letter, white space or a
    /// byte beyond ASCII (checked without building a string).
    static func mayNeedFolding(_ name: String) -> Bool {
        name.utf8.contains { $0 <= 0x20 || (0x41...0x5A).contains($0) || $0 >= 0x7F }
    }

    /// Why a header lacks a column when it holds semicolons or tabs: the file was most likely
    /// saved with another separator (as spreadsheets do where the decimal mark is a comma).
    static func otherSeparator(in header: [String]) -> String? {
        let commas = header.count - 1
        let semicolons = header.reduce(0) { $0 + $1.count(where: { $0 == ";" }) }
        let tabs = header.reduce(0) { $0 + $1.count(where: { $0 == "\t" }) }
        guard semicolons + tabs > 0 else { return nil }
        let other = semicolons >= tabs ? counted(semicolons, "semicolon") : counted(tabs, "tab")
        let has = commas == 0 ? "no commas but \(other)" : "\(counted(commas, "comma")) and \(other)"
        return "the header has \(has): missionmap reads comma-separated files; save the file as CSV with commas between fields"
    }

    /// `1 tab`, `6 semicolons`.
    private static func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
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
