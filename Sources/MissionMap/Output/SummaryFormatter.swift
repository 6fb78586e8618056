import Foundation

/// Writes a summary as an aligned table, CSV, Markdown or JSON; all carry the same numbers.
public enum SummaryFormatter {
    public enum Format: String, CaseIterable, Sendable {
        case table, csv, json, markdown
    }

    public static func format(_ summary: Summary, as format: Format) throws -> String {
        switch format {
        case .json: try json(summary)
        case .table: heading(summary) + "\n" + table(summary, forHumans: true).aligned() + notes(summary)
        case .markdown: markdownHeading(summary) + "\n" + table(summary, forHumans: true).markdown() + notes(summary)
        case .csv: csv([summary])
        }
    }

    /// Summaries (one sender's, several senders', or a host's) as one CSV table: `as_of` and
    /// `sender` (`host` for a host's summary) on every row, and the same `open_<type>` columns on
    /// every row (the types of all the summaries, zero where a sender has none), so that every
    /// row has the header's fields.
    public static func csv(_ summaries: [Summary]) -> String {
        guard let first = summaries.first else { return "" }
        let types = Set(summaries.flatMap { ($0.regions + [$0.world]).flatMap(\.byType.keys) }).sorted { $0.rawValue < $1.rawValue }
        var merged = table(first, forHumans: false, types: types)
        let key = first.sender == nil && first.host != nil ? "host" : "sender"
        merged.columns.insert(contentsOf: ["as_of", key], at: 0)
        merged.rows = summaries.flatMap { summary in
            let who = summary.sender?.iso2 ?? summary.host?.iso2 ?? ""
            return table(summary, forHumans: false, types: types).rows.map { [.text(summary.asOf.description), .text(who)] + $0 }
        }
        return merged.csv()
    }

    /// Several senders' summaries as one JSON array.
    public static func json(_ summaries: [Summary]) throws -> String {
        try JSONText.pretty(summaries.map(SummaryDocument.init))
    }

    /// Pretty JSON with sorted keys, so that the same input gives byte-identical output.
    public static func json(_ summary: Summary) throws -> String {
        try JSONText.pretty(SummaryDocument(summary))
    }

    static func heading(_ summary: Summary) -> String {
        let t = summary.totals
        let since = summary.compareTo.map { " (changes since \($0) in brackets)" } ?? ""
        var out = summary.sender.map { "\($0.name) (\($0.iso2)): posts abroad" } ?? summary.query.title
        out += " as of \(summary.asOf)\(since)\n"
        out += "open \(t.open), cross-accredited \(t.crossAccredited), closed \(t.closed), suspended \(t.suspended)"
        for (name, count) in [("planned", t.planned), ("uncovered", t.uncovered), ("unknown", t.unknown)] where count > 0 {
            out += ", \(name) \(count)"
        }
        out += "\n"
        let types = t.byType.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { "\($0.key.rawValue) \($0.value)" }
        // A high commission is an embassy: named by type, and counted with the embassies here.
        let embassies = t.byType.filter { $0.key.isEmbassy }
        let incl = embassies[.highCommission] == nil ? "" : "; embassies (incl. high commissions) \(embassies.values.reduce(0, +))"
        out += "open by type: \(types.isEmpty ? "none" : types.joined(separator: ", "))\(incl)\n"
        return out
    }

    /// The heading with its first line in bold and a paragraph break after it.
    static func markdownHeading(_ summary: Summary) -> String {
        let lines = heading(summary).split(separator: "\n")
        return "**\(lines[0])**\n\n" + lines.dropFirst().map { $0 + "  \n" }.joined()
    }

    static func notes(_ summary: Summary) -> String {
        "\n" + summary.notes.map { "Note: \($0)\n" }.joined()
    }

    /// The rows as a table. For people: shares in percent and changes in brackets; for
    /// machines (CSV): plain numbers, changes in columns of their own, open posts by type.
    /// `types` are the `open_<type>` columns for machines; by default those of this summary.
    /// Changes of shares are in percentage points: `+3.1 pp` for people, and for machines in
    /// columns named `…_change_pp`.
    static func table(_ summary: Summary, forHumans: Bool, types: [PostType]? = nil) -> TextTable {
        let rows = summary.regions + [summary.world]
        let changes = summary.changes.map { $0 + [summary.worldChange!] }
        let types = types ?? Set(rows.flatMap(\.byType.keys)).sorted { $0.rawValue < $1.rawValue }
        var fields: [Field] = [
            Field("open", "open") { Double($0.open) },
            Field("cross_accredited", "cross-accr.") { Double($0.crossAccredited) },
            Field("closed", "closed") { Double($0.closed) },
            Field("suspended", "suspended") { Double($0.suspended) },
            Field("uncovered", "uncovered") { Double($0.uncovered) },
            Field("unknown", "unknown") { Double($0.unknown) },
            Field("countries", "countries") { Double($0.countries) },
            Field("countries_resident", "resident") { Double($0.countriesResident) },
            Field("countries_covered", "covered") { Double($0.countriesCovered) },
            Field("area_share_covered", "land covered", places: 4, percent: true) { $0.areaShareCovered },
            Field("population_share_covered", "people covered", places: 4, percent: true) { $0.populationShareCovered },
            Field("mean_distance_km_to_open_post", "km to a post", places: 1) { $0.meanDistanceKmToOpenPost },
        ]
        if !forHumans {
            fields += types.map { type in Field("open_\(type.rawValue)", type.rawValue) { Double($0.byType[type] ?? 0) } }
        }

        func text(_ value: Double?, _ field: Field, change: Bool) -> String {
            guard let value else { return forHumans ? "–" : "" }
            if forHumans && field.percent {
                let points = fixedDecimal(value * 100, 1)
                return change ? (value > 0 ? "+" : "") + points + " pp" : points + "%"
            }
            if change && field.percent {
                // A change of a share is a difference of percentages: in points, to the same precision.
                let points = fixedDecimal(value * 100, field.places - 2)
                return value > 0 ? "+" + points : points
            }
            let number = fixedDecimal(value, field.places)
            return change && value > 0 ? "+" + number : number
        }
        var columns = [summary.by.rawValue]
        for field in fields {
            columns.append(forHumans ? field.human : field.name)
            if !forHumans && changes != nil { columns.append(field.name + (field.percent ? "_change_pp" : "_change")) }
        }
        let cells: [[TextTable.Cell]] = rows.enumerated().map { i, row in
            var cells: [TextTable.Cell] = [.text(row.region)]
            for field in fields {
                let value = text(field.value(row), field, change: false)
                if let changes {
                    let change = text(field.value(changes[i]), field, change: true)
                    if forHumans {
                        cells.append(.number("\(value) (\(change))"))
                    } else {
                        cells += [.number(value), .number(change)]
                    }
                } else {
                    cells.append(.number(value))
                }
            }
            return cells
        }
        var table = TextTable(columns: columns, rows: cells)
        table.ruleBefore = [rows.count - 1]
        return table
    }
}

/// One figure of a summary row, as a column.
private struct Field {
    let name: String, human: String, places: Int, percent: Bool
    let value: (Summary.Row) -> Double?

    init(_ name: String, _ human: String, places: Int = 0, percent: Bool = false, value: @escaping (Summary.Row) -> Double?) {
        self.name = name
        self.human = human
        self.places = places
        self.percent = percent
        self.value = value
    }
}
