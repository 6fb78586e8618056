import GeoKit

/// Reads a missions log: a CSV event log, one row per event, checked against a gazetteer.
///
/// Columns (by header name, any order): `post_id, date, event, sender, host, source`
/// required; `city, type, accredited_from, lat, lon, note` optional. A post's `type`,
/// `city` and coordinates come from its first row; later rows may leave them empty.
public enum MissionsLog {
    public static let requiredColumns = ["post_id", "date", "event", "sender", "host", "source"]

    /// Loads and validates a file; throws the first error as `FILE:LINE: error: ...`.
    public static func load(file: String, displayName: String? = nil, gazetteer: Gazetteer) throws -> Network {
        try load(table: CSVTable(contentsOf: file, displayName: displayName, required: requiredColumns), gazetteer: gazetteer)
    }

    public static func load(table: CSVTable, gazetteer: Gazetteer) throws -> Network {
        var builders: [String: PostBuilder] = [:]
        var order: [String] = []
        var warnings: [DataError] = []
        func fail(_ line: Int, _ message: String) -> DataError { DataError(file: table.file, line: line, message) }

        for r in table.records {
            let id = r["post_id"]
            guard !id.isEmpty else { throw fail(r.line, "empty post_id") }
            guard let date = Day(r["date"]) else {
                throw fail(r.line, "invalid date '\(r["date"])': expected an existing day as YYYY-MM-DD")
            }
            guard let kind = EventKind(rawValue: r["event"].lowercased()) else {
                throw fail(r.line, "unknown event '\(r["event"])': expected one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            func code(_ column: String) throws -> String {
                guard let country = gazetteer.country(code: r[column]) else {
                    throw fail(r.line, "unknown country code '\(r[column])' in column \(column)")
                }
                return country.iso2
            }
            let sender = try code("sender"), host = try code("host")
            let accreditedFrom = r["accredited_from"].isEmpty ? nil : r["accredited_from"]
            if kind == .accredited {
                guard let from = accreditedFrom else { throw fail(r.line, "event 'accredited' needs accredited_from: the id of the covering post") }
                guard from != id else { throw fail(r.line, "post \(id) cannot be accredited from itself") }
            } else if accreditedFrom != nil {
                throw fail(r.line, "accredited_from is only for 'accredited' events")
            }
            if r["source"].isEmpty {
                warnings.append(DataError(file: table.file, line: r.line, "row has no source", severity: .warning))
            }
            let event = MissionEvent(date: date, kind: kind, accreditedFrom: accreditedFrom, source: r["source"], note: r["note"], line: r.line)

            if var builder = builders[id] {
                if sender != builder.sender || host != builder.host {
                    throw fail(r.line, "post \(id) was \(builder.sender) in \(builder.host) on line \(builder.line), here \(sender) in \(host)")
                }
                if !r["type"].isEmpty, r["type"] != builder.type.rawValue {
                    throw fail(r.line, "post \(id) has type \(builder.type.rawValue) on line \(builder.line), here '\(r["type"])'")
                }
                if !r["city"].isEmpty, Gazetteer.fold(r["city"]) != Gazetteer.fold(builder.city) {
                    throw fail(r.line, "post \(id) is in \(builder.city) on line \(builder.line), here '\(r["city"])'")
                }
                builder.events.append(event)
                builders[id] = builder
            } else {
                guard let type = PostType(rawValue: r["type"].lowercased()) else {
                    throw fail(r.line, r["type"].isEmpty
                        ? "post \(id) needs a type on its first row"
                        : "unknown type '\(r["type"])': expected one of \(PostType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let location = try locate(r, host: host, gazetteer: gazetteer, file: table.file, fail: fail)
                let city = r["city"].isEmpty ? gazetteer.country(code: host)!.capital : r["city"]
                builders[id] = PostBuilder(sender: sender, host: host, city: city, type: type, location: location, line: r.line, events: [event])
                order.append(id)
            }
        }

        for id in order {
            for event in builders[id]!.events where event.kind == .accredited {
                guard let from = builders[event.accreditedFrom!] else {
                    throw fail(event.line, "accredited_from '\(event.accreditedFrom!)' is not a post id in this file")
                }
                guard from.sender == builders[id]!.sender else {
                    throw fail(event.line, "accredited_from '\(event.accreditedFrom!)' is a post of \(from.sender), not \(builders[id]!.sender)")
                }
            }
        }
        let posts = order.map { id in
            let b = builders[id]!
            // Stable sort: same-day rows keep file order.
            let events = b.events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            return Post(id: id, sender: b.sender, host: b.host, city: b.city, type: b.type, location: b.location, events: events, line: b.line)
        }
        return Network(posts: posts, gazetteer: gazetteer, warnings: warnings)
    }

    private struct PostBuilder {
        let sender: String, host: String, city: String, type: PostType, location: XY, line: Int
        var events: [MissionEvent]
    }

    /// Explicit `lat`/`lon` if given, else the city (or capital) from the gazetteer.
    private static func locate(_ r: CSVTable.Record, host: String, gazetteer: Gazetteer, file: String,
                               fail: (Int, String) -> DataError) throws -> XY {
        if !r["lat"].isEmpty || !r["lon"].isEmpty {
            return try Gazetteer.location(r, file: file)
        }
        guard let location = gazetteer.location(ofCity: r["city"], in: host) else {
            throw fail(r.line, "unknown city '\(r["city"])' in \(host) and no lat/lon given (known there: \(gazetteer.cityNames(in: host).joined(separator: ", ")))")
        }
        return location
    }
}
