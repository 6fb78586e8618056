import Foundation

/// Writes published counts beside the log's figures in the summary's four formats.
public enum ReconciliationFormatter {
    public static func format(_ rows: [Reconciliation], as format: SummaryFormatter.Format) throws -> String {
        switch format {
        case .table: return heading(rows) + "\n\n" + table(rows, withSources: false).aligned()
        case .markdown: return table(rows, withSources: true).markdown()
        case .csv: return table(rows, withSources: true, forMachines: true).csv()
        case .json:
            struct Row: Encodable {
                let date: String, direction: String, country: String, scope: String
                let published: Int, tolerance: Int, log: Int, unknown: Int, agrees: Bool, verdict: String
                let source: String, note: String, line: Int
            }
            return try JSONText.pretty(rows.map {
                Row(date: $0.count.date.description, direction: $0.count.direction.rawValue, country: $0.count.country.iso2,
                    scope: $0.count.scope.text, published: $0.count.figure, tolerance: $0.count.tolerance, log: $0.tool,
                    unknown: $0.unknown, agrees: $0.agrees, verdict: $0.verdict, source: $0.count.source, note: $0.count.note,
                    line: $0.count.line)
            })
        }
    }

    static func heading(_ rows: [Reconciliation]) -> String {
        let differ = rows.filter { !$0.agrees }.count
        return "\(rows.count) published counts: \(rows.count - differ) agree with the log, \(differ) differ"
    }

    /// For machines (CSV), the direction and country have columns of their own, as in the JSON,
    /// so that a row can be filtered by sender or host without parsing `count`.
    static func table(_ rows: [Reconciliation], withSources: Bool, forMachines: Bool = false) -> TextTable {
        var columns = ["date"] + (forMachines ? ["direction", "country"] : []) + ["count", "scope", "published", "log", "unknown", "tolerance", "verdict"]
        if withSources { columns += ["source", "note"] }
        return TextTable(columns: columns, rows: rows.map { r in
            let who = r.count.direction == .abroad ? "\(r.count.country.iso2) abroad" : "in \(r.count.country.iso2)"
            let sides: [TextTable.Cell] = forMachines ? [.text(r.count.direction.rawValue), .text(r.count.country.iso2)] : []
            var cells: [TextTable.Cell] = [.text(r.count.date.description)] + sides + [.text(who), .text(r.count.scope.text.isEmpty ? "open posts" : r.count.scope.text),
                                           .number("\(r.count.figure)"), .number("\(r.tool)"), .number("\(r.unknown)"),
                                           .number("±\(r.count.tolerance)"), .text(r.verdict)]
            if withSources { cells += [.text(r.count.source), .text(r.count.note)] }
            return cells
        })
    }
}
