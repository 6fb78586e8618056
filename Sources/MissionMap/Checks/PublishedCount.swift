/// A count of a network published by someone else (a ministry, a news agency), with what it
/// counts and how far the log may differ from it: the rows of `Geo/checks/published-counts.csv`.
public struct PublishedCount: Sendable {
    /// Which way the count looks: a sender's posts in other countries, or every sender's posts
    /// in one host.
    public enum Direction: String, Sendable, CaseIterable {
        case abroad
        case inHost = "in-host"
    }

    public let date: Day
    public let direction: Direction
    /// The sender (for `abroad`) or host (for `in-host`).
    public let country: Country
    public let scope: Scope
    public let figure: Int
    /// How far the log's figure may lie from `figure`, beyond its unknown posts.
    public let tolerance: Int
    public let source: String
    public let note: String
    public let line: Int

    public static let columns = ["date", "direction", "sender", "host", "scope", "figure", "tolerance", "source", "note"]

    /// What a count counts: `;`-separated filters `key=value|value`. `status` (default
    /// `open`), `type` (post types); the place of the country on the far side (the host
    /// abroad, the sender in a host): `region` or `subregion` (UN M49) and `country` (ISO
    /// codes), any of which admits it, and `except` (ISO codes to leave out). Ministries
    /// group the world their own way (South Korea's "Middle East" takes in Iran and North
    /// Africa), hence the lists. Only counted posts are ever counted.
    public struct Scope: Sendable {
        public var statuses: Set<PostStatus> = [.open]
        public var types: Set<PostType>?
        public var regions: Set<String>?
        public var countries: Set<String>?
        public var except: Set<String> = []
        /// As written in the file.
        public var text = ""

        /// Whether a post falls in the scope, status aside; `other` is the country on the far
        /// side (the host abroad, the sender in a host).
        func includes(_ post: Post, other: Country) -> Bool {
            if let types, !post.type.isCounted(in: types) { return false }
            if except.contains(other.iso2) { return false }
            guard regions != nil || countries != nil else { return true }
            return countries?.contains(other.iso2) == true || regions?.contains(where: other.isIn) == true
        }
    }

    /// Reads the counts file, each row checked: `FILE:LINE: error:` on the first bad one.
    public static func load(file: String, gazetteer: Gazetteer) throws -> [PublishedCount] {
        let table = try CSVTable(contentsOf: file, required: columns)
        return try table.records.map { try PublishedCount(record: $0, file: table.file, gazetteer: gazetteer) }
    }

    init(record r: CSVTable.Record, file: String, gazetteer: Gazetteer) throws {
        func fail(_ message: String) -> DataError { DataError(file: file, line: r.line, message) }
        func count(_ column: String) throws -> Int {
            guard let n = NumberText.count(r[column]) else {
                throw fail("\(column) must be a whole number, not '\(Echo.quoted(r[column]))'")
            }
            return n
        }
        guard let day = Day(r["date"]) else { throw fail("invalid date '\(Echo.quoted(r["date"]))': expected YYYY-MM-DD") }
        guard let direction = Direction(rawValue: r["direction"]) else {
            throw fail("unknown direction '\(Echo.quoted(r["direction"]))': expected abroad or in-host")
        }
        let column = direction == .abroad ? "sender" : "host"
        guard let country = gazetteer.country(matching: r[column]) else {
            throw fail("\(direction.rawValue) needs a known \(column), not '\(Echo.quoted(r[column]))'")
        }
        date = day
        self.direction = direction
        self.country = country
        scope = try Self.scope(r["scope"], gazetteer: gazetteer, fail: fail)
        figure = try count("figure")
        tolerance = try count("tolerance")
        guard !r["source"].isEmpty else { throw fail("every published count needs its source") }
        source = r["source"]
        note = r["note"]
        line = r.line
    }

    private static func scope(_ text: String, gazetteer: Gazetteer, fail: (String) -> DataError) throws -> Scope {
        var scope = Scope(text: text)
        for filter in text.split(separator: ";") {
            let parts = filter.split(separator: "=", maxSplits: 1).map { CSVTable.trimmed(String($0)) }
            guard parts.count == 2, !parts[1].isEmpty else { throw fail("scope filter '\(Echo.quoted(filter))' is not key=value") }
            let values = parts[1].split(separator: "|").map { CSVTable.trimmed(String($0)) }
            switch parts[0] {
            case "status":
                scope.statuses = Set(try values.map { v in
                    guard let s = PostStatus(rawValue: v) else { throw fail("unknown status '\(Echo.quoted(v))' in scope") }
                    return s
                })
            case "type":
                scope.types = Set(try values.map { v in
                    guard let t = PostType(rawValue: v) else { throw fail("unknown post type '\(Echo.quoted(v))' in scope") }
                    return t
                })
            case "region", "subregion":
                scope.regions = Set(try values.map { v in
                    guard let name = gazetteer.regionName(matching: v) else { throw fail("unknown region '\(Echo.quoted(v))' in scope") }
                    return name
                })
            case "country", "except":
                let codes = Set(try values.map { v in
                    guard let c = gazetteer.country(matching: v) else { throw fail("unknown country '\(Echo.quoted(v))' in scope") }
                    return c.iso2
                })
                if parts[0] == "country" { scope.countries = codes } else { scope.except = codes }
            default:
                throw fail("unknown scope key '\(Echo.quoted(parts[0]))': expected status, type, region, subregion, country or except")
            }
        }
        return scope
    }
}
