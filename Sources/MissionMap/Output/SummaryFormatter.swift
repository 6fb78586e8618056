import Foundation

/// Writes a summary as an aligned text table or as JSON; both carry the same numbers.
public enum SummaryFormatter {
    /// Pretty JSON with sorted keys, so that the same input gives byte-identical output.
    public static func json(_ summary: Summary) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n"
    }

    /// A table for a terminal: one row per region and a world row.
    public static func table(_ summary: Summary, senderName: String) -> String {
        let t = summary.totals
        var out = "\(senderName) (\(summary.sender)): posts abroad as of \(summary.asOf)\n"
        out += "open \(t.open), cross-accredited \(t.crossAccredited), closed \(t.closed), suspended \(t.suspended)"
        out += t.planned > 0 ? ", planned \(t.planned)\n" : "\n"
        let types = t.byType.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
        out += "open by type: \(types.isEmpty ? "none" : types.joined(separator: ", "))\n\n"

        let header = ["region", "open", "cross-accr.", "closed", "suspended", "countries", "resident", "covered"]
        var rows = summary.regions.map { r in
            [r.region, r.open, r.crossAccredited, r.closed, r.suspended, r.countries, r.countriesResident, r.countriesCovered].map { "\($0)" }
        }
        let sum = { (f: (Summary.Region) -> Int) in "\(summary.regions.map(f).reduce(0, +))" }
        rows.append(["World", sum(\.open), sum(\.crossAccredited), sum(\.closed), sum(\.suspended),
                     sum(\.countries), sum(\.countriesResident), sum(\.countriesCovered)])
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        out += line(header) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows.dropLast() { out += line(row) + "\n" }
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        out += line(rows.last!) + "\n"
        return out
    }
}
