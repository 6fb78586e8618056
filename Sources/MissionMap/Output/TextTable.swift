/// A table of cells written three ways: aligned for a terminal, RFC 4180 CSV, or Markdown.
/// Text cells come from data, so CSV neutralises those a spreadsheet would run as a formula.
public struct TextTable: Sendable {
    public enum Cell: Sendable, Equatable {
        /// Text, left-aligned; from data, so it may need neutralising.
        case text(String)
        /// A number we wrote, right-aligned; never neutralised (a minus sign is a sign).
        case number(String)

        var string: String {
            switch self {
            case .text(let s), .number(let s): s
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// Rows after which an aligned table draws a rule (e.g. before a world total).
    public var ruleBefore: Set<Int> = []

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Columns padded to a common width: text left, numbers right.
    public func aligned() -> String {
        let widths = columns.indices.map { i in ([columns[i]] + rows.map { $0[i].string }).map(\.count).max()! }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let numeric = columns.indices.map { i in rows.allSatisfy { if case .number = $0[i] { true } else { false } } }
        let rule = line(widths.map { String(repeating: "-", count: $0) }, numeric: numeric)
        var out = line(columns, numeric: numeric) + "\n" + rule + "\n"
        for (i, row) in rows.enumerated() {
            if ruleBefore.contains(i) { out += rule + "\n" }
            out += line(row.map(\.string), numeric: numeric) + "\n"
        }
        return out
    }

    /// RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote
    /// or line end. Text cells starting with =, +, -, @, tab or carriage return get a leading
    /// apostrophe, so that no spreadsheet runs them as a formula (OWASP's advice).
    public func csv() -> String {
        func field(_ cell: Cell) -> String {
            var s = cell.string
            if case .text = cell, let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                s = "'" + s
            }
            return s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : s
        }
        return ([columns.map { field(.text($0)) }] + rows.map { $0.map(field) })
            .map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    /// A GitHub-flavoured Markdown table: pipes escaped, numbers right-aligned.
    public func markdown() -> String {
        // Backslash-escape what makes links and code, and write < > & as entities, so that a
        // name from the data cannot become a link, an image or raw HTML where the table is shown.
        // Not _ and *: emphasis is harmless, and escaping them would break the bare URLs.
        let escape = { (s: String) in
            s.reduce(into: "") { out, c in
                switch c {
                case "\\", "|", "[", "]", "`": out += "\\\(c)"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\n", "\r", "\r\n": out += " "  // CR LF is one Character
                default: out.append(c)
                }
            }
        }
        let numeric = columns.indices.map { i in rows.allSatisfy { if case .number = $0[i] { true } else { false } } }
        var out = "| " + columns.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { escape($0.string) }.joined(separator: " | ") + " |\n" }
        return out
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
