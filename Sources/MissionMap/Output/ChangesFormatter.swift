import Foundation

/// Writes the changes between two dates in the summary's four formats.
public enum ChangesFormatter {
    public static func format(_ changes: Changes, as format: SummaryFormatter.Format, senderName: String) throws -> String {
        let heading = "\(senderName) (\(changes.sender)): \(changes.entries.count) events after \(changes.from) up to \(changes.to)"
        switch format {
        case .table: return heading + "\n\n" + changes.table.aligned()
        case .markdown: return "**\(heading)**\n\n" + changes.table.markdown()
        case .csv: return changes.table.csv()
        case .json:
            struct Document: Encodable {
                let sender: String, from: String, to: String
                let events: [[String: String?]]
            }
            let events: [[String: String?]] = changes.entries.map {
                ["date": $0.date, "post": $0.post, "host": $0.host, "host_name": $0.hostName, "city": $0.city, "event": $0.event,
                 "accredited_from": $0.accreditedFrom, "counted": $0.counted ? "yes" : "no", "source": $0.source, "note": $0.note]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Document(sender: changes.sender, from: changes.from.description, to: changes.to.description, events: events))
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
