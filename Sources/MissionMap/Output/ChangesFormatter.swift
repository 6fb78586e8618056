/// Writes the changes between two dates in the summary's four formats.
public enum ChangesFormatter {
    public static func format(_ changes: Changes, as format: SummaryFormatter.Format) throws -> String {
        let heading = "\(changes.sender.name) (\(changes.sender.iso2)): \(changes.entries.count) events after \(changes.from) up to \(changes.to)"
        switch format {
        case .table: return heading + "\n\n" + table(changes).aligned()
        case .markdown: return "**\(heading)**\n\n" + table(changes).markdown()
        case .csv: return table(changes).csv()
        case .json:
            struct Document: Encodable {
                let sender: String, from: String, to: String
                let events: [[String: String?]]
            }
            let events: [[String: String?]] = changes.entries.map { e in
                ["date": e.event.date.description, "post": e.post.id, "host": e.post.host.iso2, "host_name": e.post.host.name,
                 "city": e.post.city, "event": e.event.kind.rawValue, "accredited_from": e.event.accreditedFrom,
                 "counted": e.post.counted ? "yes" : "no", "source": e.event.source, "note": e.event.note]
            }
            return try JSONText.pretty(Document(sender: changes.sender.iso2, from: changes.from.description,
                                                to: changes.to.description, events: events))
        }
    }

    /// The entries as a table (date, post, host, country, city, event, from, counted, source).
    static func table(_ changes: Changes) -> TextTable {
        TextTable(columns: ["date", "post", "host", "country", "city", "event", "accredited_from", "counted", "source"],
                  rows: changes.entries.map { e in
                      [.text(e.event.date.description), .text(e.post.id), .text(e.post.host.iso2), .text(e.post.host.name),
                       .text(e.post.city), .text(e.event.kind.rawValue), .text(e.event.accreditedFrom ?? ""),
                       .text(e.post.counted ? "yes" : "no"), .text(e.event.source)]
                  })
    }
}
