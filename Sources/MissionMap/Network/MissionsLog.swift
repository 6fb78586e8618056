import GeoKit

/// Reads a missions log: a CSV event log, one row per event, checked against a gazetteer.
///
/// Columns (by header name, any order): `post_id, date, event, sender, host, source`
/// required; `city, type, accredited_from, lat, lon, counted, note` optional. A post's
/// `type`, `city`, coordinates and `counted` come from its first row; later rows may leave
/// them empty. Every error names the file and line.
public enum MissionsLog {
    public static let requiredColumns = ["post_id", "date", "event", "sender", "host", "source"]

    /// Loads and validates a file; throws the first error as `FILE:LINE: error: ...`.
    public static func load(file: String, displayName: String? = nil, gazetteer: Gazetteer) throws -> Network {
        try load(table: CSVTable(contentsOf: file, displayName: displayName, required: requiredColumns), gazetteer: gazetteer)
    }

    public static func load(table: CSVTable, gazetteer: Gazetteer) throws -> Network {
        guard !table.records.isEmpty else {
            throw DataError(file: table.file, line: 1, "no events: the file has a header but no rows")
        }
        var reader = RowReader(file: table.file, gazetteer: gazetteer)
        for r in table.records { try reader.read(r) }
        let posts = reader.order.map { reader.builders[$0]!.post(id: $0, gazetteer: gazetteer) }
        var order = EventOrder(file: table.file, posts: posts)
        try order.check()
        return Network(posts: posts, gazetteer: gazetteer, warnings: reader.warnings)
    }
}

/// Turns rows into posts, checking each row on its own and against its post's first row.
private struct RowReader {
    struct PostBuilder {
        let sender: String, host: String, city: String, type: PostType, location: XY, line: Int, counted: Bool
        var events: [MissionEvent]
        /// Lines of the rows seen, by (date, event, accredited_from), to catch repeated rows.
        var seen: [String: Int] = [:]

        /// The post, its countries resolved (both were checked against the gazetteer on reading).
        func post(id: String, gazetteer: Gazetteer) -> Post {
            // Stable sort: rows on the same date keep file order.
            let sorted = events.enumerated().sorted { ($0.element.date.knownBy, $0.offset) < ($1.element.date.knownBy, $1.offset) }
            return Post(id: id, sender: gazetteer.country(code: sender)!, host: gazetteer.country(code: host)!, city: city, type: type, location: location,
                        events: sorted.map(\.element), line: line, counted: counted)
        }
    }

    let file: String
    let gazetteer: Gazetteer
    var builders: [String: PostBuilder] = [:]
    var order: [String] = []
    var warnings: [DataError] = []

    init(file: String, gazetteer: Gazetteer) {
        self.file = file
        self.gazetteer = gazetteer
    }

    /// The scheme of a source written as one address (`javascript:...`), lower-cased; nil for
    /// a citation in words, which has a space before any colon.
    static func linkScheme(_ source: String) -> String? {
        guard let colon = source.firstIndex(of: ":") else { return nil }
        let scheme = source[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    func fail(_ line: Int, _ message: String) -> DataError {
        DataError(file: file, line: line, message)
    }

    mutating func read(_ r: CSVTable.Record) throws {
        let id = r["post_id"]
        guard !id.isEmpty else { throw fail(r.line, "empty post_id") }
        guard let date = EventDate(r["date"]) else {
            throw fail(r.line, "invalid date '\(Echo.quoted(r["date"]))': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)")
        }
        guard let kind = EventKind(rawValue: r["event"].lowercased()) else {
            throw fail(r.line, "unknown event '\(Echo.quoted(r["event"]))': expected one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let sender = try country(r, "sender"), host = try country(r, "host")
        guard sender != host else {
            throw fail(r.line, "sender and host are both \(sender): a state keeps no post in itself (a mission to an organisation has the organisation's seat as host)")
        }
        let accreditedFrom = r["accredited_from"].isEmpty ? nil : r["accredited_from"]
        if kind == .accredited {
            guard let from = accreditedFrom else { throw fail(r.line, "event 'accredited' needs accredited_from: the id of the covering post") }
            guard from != id else { throw fail(r.line, "post \(id) cannot be accredited from itself") }
        } else if accreditedFrom != nil {
            throw fail(r.line, "accredited_from is only for 'accredited' events")
        }
        let counted: Bool? = switch r["counted"].lowercased() {
        case "": nil
        case "yes": true
        case "no": false
        default: throw fail(r.line, "counted must be yes or no, not '\(Echo.quoted(r["counted"]))'")
        }
        if r["source"].isEmpty {
            warnings.append(DataError(file: file, line: r.line, "row has no source", severity: .warning))
        } else if let scheme = Self.linkScheme(r["source"]), scheme != "http", scheme != "https" {
            // Sources become links in GeoJSON viewers and Markdown: only web addresses may.
            throw fail(r.line, "source '\(Echo.quoted(r["source"]))' is a \(scheme): address; give an http(s) address or a citation in words")
        }
        let event = MissionEvent(date: date, kind: kind, accreditedFrom: accreditedFrom, source: r["source"], note: r["note"], line: r.line)
        let key = "\(date)|\(kind.rawValue)|\(accreditedFrom ?? "")"

        guard var builder = builders[id] else {
            guard let type = PostType(rawValue: r["type"].lowercased()) else {
                throw fail(r.line, r["type"].isEmpty
                    ? "post \(id) needs a type on its first row"
                    : "unknown type '\(Echo.quoted(r["type"]))': expected one of \(PostType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let city = r["city"].isEmpty ? gazetteer.country(code: host)!.capital : r["city"]
            builders[id] = PostBuilder(sender: sender, host: host, city: city, type: type, location: try locate(r, host: host),
                                       line: r.line, counted: counted ?? true, events: [event], seen: [key: r.line])
            order.append(id)
            return
        }
        if sender != builder.sender || host != builder.host {
            throw fail(r.line, "post \(id) was \(builder.sender) in \(builder.host) on line \(builder.line), here \(sender) in \(host): a post id names one post")
        }
        if !r["type"].isEmpty, r["type"].lowercased() != builder.type.rawValue {
            throw fail(r.line, "post \(id) has type \(builder.type.rawValue) on line \(builder.line), here '\(Echo.quoted(r["type"]))'")
        }
        if !r["city"].isEmpty, Gazetteer.fold(r["city"]) != Gazetteer.fold(builder.city) {
            throw fail(r.line, "post \(id) is in \(builder.city) on line \(builder.line), here '\(Echo.quoted(r["city"]))'")
        }
        if let counted, counted != builder.counted {
            throw fail(r.line, "post \(id) has counted=\(builder.counted ? "yes" : "no") on line \(builder.line), here '\(Echo.quoted(r["counted"]))'")
        }
        if let first = builder.seen[key] {
            throw fail(r.line, "repeats line \(first): post \(id) already has '\(kind.rawValue)' on \(date)")
        }
        builder.seen[key] = r.line
        builder.events.append(event)
        builders[id] = builder
    }

    /// The ISO alpha-2 code of the country in a column (a code, name or alias).
    private func country(_ r: CSVTable.Record, _ column: String) throws -> String {
        if let country = gazetteer.country(matching: r[column]) { return country.iso2 }
        let hint = gazetteer.suggestion(forCountry: r[column]).map { "; did you mean \($0)?" } ?? ""
        throw fail(r.line, "unknown country '\(Echo.quoted(r[column]))' in column \(column)\(hint)")
    }

    /// Explicit `lat`/`lon` if given, else the city (or capital) from the gazetteer.
    private func locate(_ r: CSVTable.Record, host: String) throws -> XY {
        if !r["lat"].isEmpty || !r["lon"].isEmpty {
            guard !r["lat"].isEmpty, !r["lon"].isEmpty else {
                throw fail(r.line, "\(r["lat"].isEmpty ? "longitude" : "latitude") given without \(r["lat"].isEmpty ? "latitude" : "longitude"): give both, or neither to use the city")
            }
            return try Gazetteer.location(r, file: file)
        }
        if let location = gazetteer.location(ofCity: r["city"], in: host) { return location }
        let hint = gazetteer.suggestion(forCity: r["city"], in: host).map { "did you mean \($0)?" }
            ?? "known there: \(gazetteer.cityNames(in: host).joined(separator: ", "))"
        throw fail(r.line, "unknown city '\(Echo.quoted(r["city"]))' in \(host) and no lat/lon given; \(hint)")
    }
}

/// Checks that each post's events make sense in date order, and that every accreditation
/// comes from a post that exists, belongs to the same sender, is open on that date, and
/// does not close a loop of posts covering each other.
///
/// Cost: each post's events are walked once (linear); the covering post's state on a date is a
/// binary search in its timeline, and cycles are found with a link-cut forest, so the whole
/// check is n log n in the number of rows, whatever the chains of covers look like.
private struct EventOrder {
    let file: String
    let posts: [Post]
    let index: [String: Int]
    /// Each post's resident state after each of its events: (known by, state), in date order.
    var timelines: [[(Day, Replay.Resident)]] = []

    init(file: String, posts: [Post]) {
        self.file = file
        self.posts = posts
        index = Dictionary(uniqueKeysWithValues: posts.enumerated().map { ($0.element.id, $0.offset) })
    }

    func fail(_ line: Int, _ message: String) -> DataError {
        DataError(file: file, line: line, message)
    }

    mutating func check() throws {
        var problems: [DataError] = []
        for post in posts {
            do { timelines.append(try checkSequence(post)) } catch let error as DataError {
                problems.append(error)
                timelines.append([])
            }
        }
        problems += checkAccreditations()
        // Report the earliest line, as a reader going down the file would meet it.
        if let first = problems.min(by: { $0.line < $1.line }) { throw first }
    }

    /// The post's resident state after each event, once the order of its events is checked.
    private func checkSequence(_ post: Post) throws -> [(Day, Replay.Resident)] {
        var state = Replay.Resident.none
        var lastChange = post.line
        var timeline: [(Day, Replay.Resident)] = []
        for e in post.events {
            let allowed: Bool = switch e.kind {
            case .opened: state == .none || state == .planned || state == .closed
            case .attested: state == .none || state == .planned || state == .open
            case .closed: state == .open || state == .suspended
            case .suspended: state == .open
            case .resumed: state == .suspended
            case .planned: state == .none || state == .closed
            case .accredited, .accreditationEnded: true
            }
            guard allowed else {
                let was = switch state {
                case .none, .unknown: "before the post opened"
                case .planned: "while the post was only planned"
                case .open: "while the post was open (line \(lastChange))"
                case .suspended: "while the post was suspended (line \(lastChange))"
                case .closed: "after the post closed (line \(lastChange))"
                }
                throw fail(e.line, "post \(post.id): '\(e.kind.rawValue)' on \(e.date) \(was)")
            }
            let next = Replay.resident(after: e.kind, from: state)
            if next != state { lastChange = e.line }
            state = next
            timeline.append((e.date.knownBy, state))
        }
        var accredited = false
        for e in post.events {
            if e.kind == .accreditationEnded && !accredited {
                throw fail(e.line, "post \(post.id): 'accreditation-ended' on \(e.date) without an accreditation in force")
            }
            if e.kind == .accredited { accredited = true }
            if e.kind == .accreditationEnded { accredited = false }
        }
        return timeline
    }

    /// The resident state of post `p` at the end of `day`: a binary search in its timeline.
    private func resident(_ p: Int, on day: Day) -> Replay.Resident {
        let timeline = timelines[p]
        var low = 0, high = timeline.count
        while low < high {
            let mid = (low + high) / 2
            if timeline[mid].0 <= day { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? .none : timeline[low - 1].1
    }

    /// Every accreditation's covering post, and the cycles covers form. Days are taken in
    /// order, and within a day each post's cover as it stands at the day's end, as snapshots
    /// see it: an accreditation replaced later the same day never takes effect.
    private func checkAccreditations() -> [DataError] {
        var problems: [DataError] = []
        var days: [Day: [(post: Int, event: MissionEvent)]] = [:]
        for (p, post) in posts.enumerated() {
            for event in post.events where event.kind == .accredited || event.kind == .accreditationEnded {
                days[event.date.knownBy, default: []].append((p, event))
            }
        }
        var forest = LinkCutForest(count: posts.count)
        var covering = [Int?](repeating: nil, count: posts.count)
        for day in days.keys.sorted() {
            // Each post's cover at the day's end, with the row that set it.
            var endOfDay: [Int: (to: Int?, event: MissionEvent)] = [:]
            for (p, event) in days[day]! {
                guard event.kind == .accredited else {
                    endOfDay[p] = (nil, event)
                    continue
                }
                let fromID = event.accreditedFrom!
                guard let from = index[fromID] else {
                    problems.append(fail(event.line, "accredited_from '\(Echo.quoted(fromID))' is not a post id in this file"))
                    continue
                }
                guard posts[from].sender == posts[p].sender else {
                    problems.append(fail(event.line, "accredited_from '\(Echo.quoted(fromID))' is a post of \(posts[from].sender), not \(posts[p].sender)"))
                    continue
                }
                guard resident(from, on: day) == .open else {
                    problems.append(fail(event.line, "post \(posts[p].id) is accredited from \(fromID) on \(event.date), but \(fromID) is not open then"))
                    continue
                }
                endOfDay[p] = (from, event)
            }
            // Cut every changed cover first, then link the new ones, so that a cover moved in
            // a circle on one day is judged on where the day leaves it.
            for (p, change) in endOfDay where covering[p] != nil && covering[p] != change.to {
                forest.cut(p)
                covering[p] = nil
            }
            for (p, change) in endOfDay.sorted(by: { $0.value.event.line < $1.value.event.line }) {
                guard let to = change.to, covering[p] != to else { continue }
                if forest.root(of: to) == p {
                    problems.append(fail(change.event.line, "accreditation cycle on \(change.event.date): \(cycle(from: p, to: to, covering))"))
                    continue
                }
                forest.link(p, under: to)
                covering[p] = to
            }
        }
        return problems
    }

    /// `p -> to -> ... -> p`, walked on the covers in force (only on the way to an error); a
    /// long cycle is shown by its ends, so that a hostile chain cannot flood the message.
    private func cycle(from p: Int, to: Int, _ covering: [Int?]) -> String {
        var chain = [posts[p].id], current: Int? = to
        while let c = current, c != p {
            chain.append(posts[c].id)
            current = covering[c]
        }
        chain.append(posts[p].id)
        guard chain.count > 12 else { return chain.joined(separator: " -> ") }
        return (chain.prefix(6) + ["… \(chain.count - 12) more …"] + chain.suffix(6)).joined(separator: " -> ")
    }
}
