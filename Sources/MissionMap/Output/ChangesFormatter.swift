/// Writes the changes between two dates in the summary's four formats.
public enum ChangesFormatter {
    public static func format(_ changes: Changes, as format: SummaryFormatter.Format) throws -> String {
        let heading = "\(changes.query.title): \(changes.entries.count) events after \(changes.from) up to \(changes.to)"
        switch format {
        case .table: return heading + "\n\n" + table(changes).aligned()
        case .markdown: return "**\(heading)**\n\n" + table(changes).markdown()
        case .csv: return table(changes).csv()
        case .json:
            // A host's changes name the host (and city) instead of the sender; `sender` is
            // then left out, and every event says whose it is.
            struct Document: Encodable {
                let sender: String?, host: String?, city: String?, from: String, to: String
                let events: [[String: String?]]
            }
            let events: [[String: String?]] = changes.entries.map { e in
                ["date": e.event.date.description, "post": e.post.id, "sender": e.post.sender.iso2, "host": e.post.host.iso2,
                 "host_name": e.post.host.name, "city": e.post.city, "event": e.event.kind.rawValue,
                 "accredited_from": e.event.accreditedFrom, "counted": e.post.counted ? "yes" : "no",
                 "source": e.event.source, "note": e.event.note]
            }
            var host: String?, city: String?
            if case .host(let country, let named) = changes.query { (host, city) = (country.iso2, named) }
            return try JSONText.pretty(Document(sender: changes.sender?.iso2, host: host, city: city, from: changes.from.description,
                                                to: changes.to.description, events: events))
        }
    }

    /// The entries as a table (date, post, host, country, city, event, from, counted, source);
    /// for a host, the senders (code and name) come after the date.
    static func table(_ changes: Changes) -> TextTable {
        let bySender = changes.sender == nil
        let senderColumns = bySender ? ["sender", "sender_name"] : []
        return TextTable(columns: ["date"] + senderColumns + ["post", "host", "country", "city", "event", "accredited_from", "counted", "source"],
                         rows: changes.entries.map { e in
                             let sender: [TextTable.Cell] = bySender ? [.text(e.post.sender.iso2), .text(e.post.sender.name)] : []
                             return [.text(e.event.date.description)] + sender
                                 + [.text(e.post.id), .text(e.post.host.iso2), .text(e.post.host.name),
                                    .text(e.post.city), .text(e.event.kind.rawValue), .text(e.event.accreditedFrom ?? ""),
                                    .text(e.post.counted ? "yes" : "no"), .text(e.event.source)]
                         })
    }
}
