/// Writes the changes between two dates in the summary's four formats.
public enum ChangesFormatter {
    public static func format(_ changes: Changes, as format: SummaryFormatter.Format) throws -> String {
        switch format {
        case .table: return heading(changes) + "\n\n" + table(changes, forMachines: false).aligned()
        case .markdown: return "**\(heading(changes))**\n\n" + table(changes, forMachines: false).markdown()
        case .csv: return table(changes, forMachines: true).csv()
        case .json:
            // A host's changes name the host (and city) instead of the sender; `sender` is
            // then left out, and every event says whose it is. One type per field: dates as
            // text, `counted` a boolean, absent values null.
            struct Event: Encodable {
                let date: String, post: String, sender: String, sender_name: String, host: String, host_name: String
                let city: String, event: String, accredited_from: String?, counted: Bool, source: String, note: String

                // Every key on every event: an absent `accredited_from` is null, not left out.
                enum CodingKeys: CodingKey { case date, post, sender, sender_name, host, host_name, city, event, accredited_from, counted, source, note }
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(date, forKey: .date); try c.encode(post, forKey: .post)
                    try c.encode(sender, forKey: .sender); try c.encode(sender_name, forKey: .sender_name)
                    try c.encode(host, forKey: .host); try c.encode(host_name, forKey: .host_name)
                    try c.encode(city, forKey: .city); try c.encode(event, forKey: .event)
                    try c.encode(accredited_from, forKey: .accredited_from); try c.encode(counted, forKey: .counted)
                    try c.encode(source, forKey: .source); try c.encode(note, forKey: .note)
                }
            }
            struct Document: Encodable {
                let sender: String?, senders: [String]?, host: String?, city: String?, region: String?
                let from: String, from_included: Bool, to: String, to_included: Bool
                let events: [Event]
            }
            let events = changes.entries.map { e in
                Event(date: e.event.date.description, post: e.post.id, sender: e.post.sender.iso2, sender_name: e.post.sender.name,
                      host: e.post.host.iso2, host_name: e.post.host.name, city: e.post.city, event: e.event.kind.rawValue,
                      accredited_from: e.event.accreditedFrom, counted: e.post.counted, source: e.event.source, note: e.event.note)
            }
            var host: String?, city: String?
            if case .host(let country, let named) = changes.query { (host, city) = (country.iso2, named) }
            let senders = changes.queries.count > 1 ? changes.queries.compactMap { q -> String? in
                if case .sender(let s) = q { s.iso2 } else { nil }
            } : nil
            return try JSONText.pretty(Document(sender: changes.sender?.iso2, senders: senders, host: host, city: city, region: changes.region,
                                                from: changes.from.description, from_included: false,
                                                to: changes.to.description, to_included: true, events: events))
        }
    }

    /// Whose events, how many, and the period with its ends spelt out: `--from` is left out
    /// (its day is in a snapshot of that day), `--to` included.
    static func heading(_ changes: Changes) -> String {
        let whose = changes.queries.count == 1 ? changes.query.title : "\(changes.queries.count) senders' posts abroad"
        let region = changes.region.map { " (\(changes.query.hostCountry == nil ? "hosts" : "senders") in \($0))" } ?? ""
        return "\(whose)\(region): \(changes.entries.count) events after \(changes.from) (not included) up to and including \(changes.to)"
    }

    /// The entries as a table (date, post, host, country, city, event, from, counted, source);
    /// the senders (code and name) come after the date for a host or several senders, and
    /// always for machines (CSV), with the note last, so that every row says whose it is.
    static func table(_ changes: Changes, forMachines: Bool) -> TextTable {
        let bySender = forMachines || changes.sender == nil
        let senderColumns = bySender ? ["sender", "sender_name"] : []
        let noteColumn = forMachines ? ["note"] : []
        return TextTable(columns: ["date"] + senderColumns + ["post", "host", "country", "city", "event", "accredited_from", "counted", "source"] + noteColumn,
                         rows: changes.entries.map { e in
                             let sender: [TextTable.Cell] = bySender ? [.text(e.post.sender.iso2), .text(e.post.sender.name)] : []
                             let note: [TextTable.Cell] = forMachines ? [.text(e.event.note)] : []
                             return [.text(e.event.date.description)] + sender
                                 + [.text(e.post.id), .text(e.post.host.iso2), .text(e.post.host.name),
                                    .text(e.post.city), .text(e.event.kind.rawValue), .text(e.event.accreditedFrom ?? ""),
                                    .text(e.post.counted ? "yes" : "no"), .text(e.event.source)] + note
                         })
    }
}
