import Foundation
import GeoKit

/// Reads a missions log: a CSV event log, one row per event, checked against a gazetteer.
///
/// Columns (by header name, any order, any case): `post_id, date, event, sender, host, source`
/// required; `city, type, accredited_from, lat, lon, counted, note` optional. A post's
/// `type`, `city`, coordinates and `counted` come from its first row; later rows may leave
/// them empty. Every error names the file and line, and every error of a file is reported at
/// once (`DataErrors`), so that a log is fixed in one pass.
public enum MissionsLog {
    public static let requiredColumns = ["post_id", "date", "event", "sender", "host", "source"]

    /// Loads and validates a file; throws every error found, as `DataErrors`.
    public static func load(file: String, displayName: String? = nil, gazetteer: Gazetteer) throws -> Network {
        try load(table: reading { try CSVTable(contentsOf: file, displayName: displayName, required: requiredColumns, collectingRowErrors: true) },
                 gazetteer: gazetteer)
    }

    /// Loads and validates the bytes of a log named `file` in messages; throws `DataErrors`.
    public static func load(data: Data, file: String, gazetteer: Gazetteer) throws -> Network {
        try load(table: reading { try CSVTable(data: data, file: file, required: requiredColumns, collectingRowErrors: true) }, gazetteer: gazetteer)
    }

    /// A table as read; the error that stops reading it (nothing past it can be read) is
    /// thrown as the file's only one.
    private static func reading(_ read: () throws -> CSVTable) throws -> CSVTable {
        do { return try read() } catch let error as DataError { throw DataErrors(error) }
    }

    /// Checks every row of a table (its rejected rows included), then the order of each post's
    /// events and every accreditation; throws all the errors found, as `DataErrors`.
    ///
    /// A row with an error is left out of its post, and the post out of the later checks, as
    /// its events are incomplete: what those checks would say of it could be the omission's
    /// doing rather than the file's. Its sequence errors appear once its rows are fixed.
    public static func load(table: consuming CSVTable, gazetteer: Gazetteer) throws -> Network {
        let file = table.file
        guard !table.records.isEmpty || !table.rejected.isEmpty else {
            throw DataErrors(DataError(file: file, line: 1, "no events: the file has a header but no rows"))
        }
        var reader = RowReader(file: file, gazetteer: gazetteer)
        reader.read(table)
        // The rows are no longer needed: free them before the posts are built.
        _ = consume table
        let posts = reader.posts()
        var order = EventOrder(file: file, posts: posts, incomplete: reader.incomplete)
        let errors = reader.errors + reader.coversOfNoPost() + order.check()
        guard errors.isEmpty else { throw DataErrors(file: file, errors, more: reader.found - reader.errors.count) }
        return Network(posts: posts, gazetteer: gazetteer, warnings: reader.warnings)
    }
}

/// Turns rows into posts, checking each row on its own and against its post's first row. A
/// row's errors are collected and reading goes on; the row is left out, and its post marked
/// incomplete.
private struct RowReader {
    struct PostBuilder {
        let id: String
        let sender: String, host: String, city: String, type: PostType, location: XY, locationTyped: Bool, line: Int, counted: Bool
        var events: [MissionEvent]

        /// The post, its countries resolved (both were checked against the gazetteer on reading).
        func post(gazetteer: Gazetteer) -> Post {
            // Stable sort: rows on the same date keep file order.
            let sorted = events.enumerated().sorted { ($0.element.date.knownBy, $0.offset) < ($1.element.date.knownBy, $1.offset) }
            return Post(id: id, sender: gazetteer.country(code: sender)!, host: gazetteer.country(code: host)!, city: city, type: type, location: location,
                        locationTyped: locationTyped, events: sorted.map(\.element), line: line, counted: counted)
        }
    }

    let file: String
    let gazetteer: Gazetteer
    /// Posts whose first row was read without error, in file order, and each one's place
    /// there by id: a dictionary of places rather than of builders, which was the largest
    /// table of reading a large log (and is copied whole each time it grows).
    var builders: [PostBuilder] = []
    var place: [String: Int] = [:]
    /// A row of a post, as far as a repeat goes: one table for every post, not one per post.
    struct RowKey: Hashable {
        let post: Int
        let date: EventDate
        let kind: EventKind
        let accreditedFrom: String?
    }
    /// Lines of the rows seen, by (post, date, event, accredited_from), to catch repeated rows.
    var seen: [RowKey: Int] = [:]
    /// Every post id met, so that a post whose first row had an error has no other first row.
    var met: Set<String> = []
    /// Posts with a row left out for an error: their events are incomplete.
    var incomplete: Set<String> = []
    /// The first errors found, in line order (see `fail`), and how many were found in all.
    var errors: [DataError] = []
    var found = 0
    var warnings: [DataError] = []
    /// The line and `accredited_from` of accreditation rows left out for other errors.
    var coversLeftOut: [(line: Int, from: String)] = []

    init(file: String, gazetteer: Gazetteer) {
        self.file = file
        self.gazetteer = gazetteer
    }

    /// Every row of a table, those it rejected among them, in file order: which row comes first
    /// decides which is a post's first row.
    mutating func read(_ table: borrowing CSVTable) {
        var rejected = table.rejected[...]
        for r in table.records {
            while let bad = rejected.first, bad.record.line < r.line {
                reject(bad)
                rejected = rejected.dropFirst()
            }
            read(r)
        }
        rejected.forEach { reject($0) }
    }

    /// The posts read whole, in file order; the builders are let go one by one.
    mutating func posts() -> [Post] {
        seen = [:]
        var posts: [Post] = []
        posts.reserveCapacity(builders.count)
        for builder in builders where !incomplete.contains(builder.id) {
            posts.append(builder.post(gazetteer: gazetteer))
        }
        builders = []
        place = [:]
        return posts
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

    /// Counts an error, and keeps it while fewer than `DataErrors.limit` are kept: rows come in
    /// line order, so no later one could be shown. Its message (a hint may need a search of
    /// the gazetteer) is only made for one kept, so a file of errors costs no more than another.
    mutating func fail(_ line: Int, _ message: @autoclosure () -> String) {
        found += 1
        if errors.count < DataErrors.limit { errors.append(DataError(file: file, line: line, message())) }
    }

    mutating func fail(_ error: DataError) {
        found += 1
        if errors.count < DataErrors.limit { errors.append(error) }
    }

    /// A row the table could not read (wrong number of fields, an unusable field): its error,
    /// and its post (if its post_id can be read) is incomplete.
    mutating func reject(_ rejected: CSVTable.Rejected) {
        fail(rejected.error)
        let id = rejected.record["post_id"]
        guard !id.isEmpty else { return }
        met.insert(id)
        incomplete.insert(id)
    }

    /// Checks a row (see `check`); a row left out still has its cover's post looked for.
    mutating func read(_ r: CSVTable.Record) {
        let errorsBefore = found
        check(r, errorsBefore: errorsBefore)
        let from = r["accredited_from"]
        if found > errorsBefore, EventKind(rawValue: r["event"].lowercased()) == .accredited, !from.isEmpty, from != r["post_id"] {
            coversLeftOut.append((r.line, from))
        }
    }

    /// `accredited_from` of rows left out that names no post anywhere in the file: an error
    /// whatever else is wrong with the row. (Other checks of a cover need its row whole; rows
    /// the table rejected are not looked at, as their fields may be out of place.)
    func coversOfNoPost() -> [DataError] {
        coversLeftOut.filter { !met.contains($0.from) }.map {
            DataError(file: file, line: $0.line, "accredited_from '\(Echo.quoted($0.from))' is not a post id in this file")
        }
    }

    /// Checks a row: first on its own (each column that can be judged alone, all reported),
    /// then, if it is a post's first row, its type and place, else against that first row.
    private mutating func check(_ r: CSVTable.Record, errorsBefore: Int) {
        let id = r["post_id"]
        if id.isEmpty { fail(r.line, "empty post_id") }
        let date = EventDate(r["date"])
        if date == nil {
            fail(r.line, "invalid date '\(Echo.quoted(r["date"]))': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)")
        }
        let kind = EventKind(rawValue: r["event"].lowercased())
        if kind == nil {
            fail(r.line, "unknown event '\(Echo.quoted(r["event"]))': expected one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let sender = country(r, "sender"), host = country(r, "host")
        if let sender, sender == host {
            fail(r.line, "sender and host are both \(sender): a state keeps no post in itself (a mission to an organisation has the organisation's seat as host)")
        }
        let accreditedFrom = r["accredited_from"].isEmpty ? nil : r["accredited_from"]
        if kind == .accredited {
            if accreditedFrom == nil {
                fail(r.line, "event 'accredited' needs accredited_from: the id of the covering post")
            } else if accreditedFrom == id {
                fail(r.line, "post \(id) cannot be accredited from itself")
            }
        } else if kind != nil, accreditedFrom != nil {
            fail(r.line, "accredited_from is only for 'accredited' events")
        }
        var counted: Bool?
        switch r["counted"].lowercased() {
        case "": break
        case "yes": counted = true
        case "no": counted = false
        default: fail(r.line, "counted must be yes or no, not '\(Echo.quoted(r["counted"]))'")
        }
        if r["source"].isEmpty {
            warnings.append(DataError(file: file, line: r.line, "row has no source", severity: .warning))
        } else if let scheme = Self.linkScheme(r["source"]), scheme != "http", scheme != "https" {
            // Sources become links in GeoJSON viewers and Markdown: only web addresses may.
            fail(r.line, "source '\(Echo.quoted(r["source"]))' is a \(scheme): address; give an http(s) address or a citation in words")
        }
        guard !id.isEmpty else { return }

        if met.insert(id).inserted {
            // The post's first row: it gives the type and the place.
            let type = PostType(rawValue: r["type"].lowercased())
            if type == nil {
                fail(r.line, r["type"].isEmpty
                    ? "post \(id) needs a type on its first row"
                    : "unknown type '\(Echo.quoted(r["type"]))': expected one of \(PostType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let location = locate(r, host: host)
            guard found == errorsBefore, let date, let kind, let sender, let host, let type, let location else {
                incomplete.insert(id)
                return
            }
            let city = r["city"].isEmpty ? gazetteer.country(code: host)!.capital : r["city"]
            seen[RowKey(post: builders.count, date: date, kind: kind, accreditedFrom: accreditedFrom)] = r.line
            place[id] = builders.count
            builders.append(PostBuilder(id: id, sender: sender, host: host, city: city, type: type, location: location,
                                        locationTyped: !r["lat"].isEmpty,
                                        line: r.line, counted: counted ?? true, events: [event(r, date, kind, accreditedFrom)]))
            return
        }
        // A later row, judged against the first if that one was read; else only on its own.
        guard let index = place[id] else {
            if !r["type"].isEmpty, PostType(rawValue: r["type"].lowercased()) == nil {
                fail(r.line, "unknown type '\(Echo.quoted(r["type"]))': expected one of \(PostType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            incomplete.insert(id)
            return
        }
        // The first row's fields, in a scope of their own: the builder is not copied while its
        // events grow below (a copy would make each append copy them all).
        let sameHost: Bool
        do {
            let builder = builders[index]
            if let sender, let host, sender != builder.sender || host != builder.host {
                // Most likely another post given the same id: its type, city and dates are its own,
                // and comparing them with this post's would only add confusion.
                fail(r.line, "post \(id) was \(builder.sender) in \(builder.host) on line \(builder.line), here \(sender) in \(host): a post id names one post")
                incomplete.insert(id)
                return
            }
            if host == builder.host, !r["city"].isEmpty, Gazetteer.fold(r["city"]) != Gazetteer.fold(builder.city) {
                fail(r.line, "post \(id) is in \(builder.city) on line \(builder.line), here '\(Echo.quoted(r["city"]))'")
            }
            if !r["type"].isEmpty, r["type"].lowercased() != builder.type.rawValue {
                fail(r.line, "post \(id) has type \(builder.type.rawValue) on line \(builder.line), here '\(Echo.quoted(r["type"]))'")
            }
            if let counted, counted != builder.counted {
                fail(r.line, "post \(id) has counted=\(builder.counted ? "yes" : "no") on line \(builder.line), here '\(Echo.quoted(r["counted"]))'")
            }
            sameHost = host == builder.host
        }
        if let date, let kind {
            let key = RowKey(post: index, date: date, kind: kind, accreditedFrom: accreditedFrom)
            if sameHost, let first = seen[key] {
                fail(r.line, "repeats line \(first): post \(id) already has '\(kind.rawValue)' on \(date)")
            }
            if found == errorsBefore {
                seen[key] = r.line
                builders[index].events.append(event(r, date, kind, accreditedFrom))
                return
            }
        }
        incomplete.insert(id)
    }

    /// The row's event, once its date and kind are known.
    private func event(_ r: CSVTable.Record, _ date: EventDate, _ kind: EventKind, _ accreditedFrom: String?) -> MissionEvent {
        MissionEvent(date: date, kind: kind, accreditedFrom: accreditedFrom, source: r["source"], note: r["note"], line: r.line)
    }

    /// The ISO alpha-2 code of the country in a column (a code, name or alias), or nil with an error.
    private mutating func country(_ r: CSVTable.Record, _ column: String) -> String? {
        if let country = gazetteer.country(matching: r[column]) { return country.iso2 }
        let gazetteer = gazetteer  // (the message is made inside `fail`, which mutates self)
        fail(r.line, "unknown country '\(Echo.quoted(r[column]))' in column \(column)"
            + (gazetteer.suggestion(forCountry: r[column]).map { "; did you mean \($0)?" } ?? ""))
        return nil
    }

    /// Explicit `lat`/`lon` if given, else the city (or capital) from the gazetteer; nil with an
    /// error, or nil alone when the host is unknown (already an error) and no lat/lon is given.
    private mutating func locate(_ r: CSVTable.Record, host: String?) -> XY? {
        if !r["lat"].isEmpty || !r["lon"].isEmpty {
            guard !r["lat"].isEmpty, !r["lon"].isEmpty else {
                fail(r.line, "\(r["lat"].isEmpty ? "longitude" : "latitude") given without \(r["lat"].isEmpty ? "latitude" : "longitude"): give both, or neither to use the city")
                return nil
            }
            do { return try Gazetteer.location(r, file: file) } catch {
                fail(error)
                return nil
            }
        }
        guard let host else { return nil }
        let match: CityMatch
        do { match = try gazetteer.match(city: r["city"], in: host) } catch let error as DataError {
            fail(error)
            return nil
        } catch {
            fail(r.line, "\(error)")
            return nil
        }
        let gazetteer = gazetteer
        switch match {
        case .found(let location):
            return location
        case .ambiguous(let candidates):
            fail(r.line, Self.ambiguity(r["city"], in: host, candidates))
        case .none:
            fail(r.line, "unknown city '\(Echo.quoted(r["city"]))' in \(host) and no lat/lon given; "
                + (gazetteer.suggestion(forCity: r["city"], in: host).map { "did you mean \($0)?" }
                    ?? "known there: \(Self.some(gazetteer.cityNames(in: host)))"))
        }
        return nil
    }

    /// The message for a name that fits several cities of a host, each with its people and place.
    static func ambiguity(_ name: String, in host: String, _ candidates: [GeoNamesCities.Entry]) -> String {
        let shown = candidates.prefix(5).map { c in
            "\(c.name) (\(groupedNumber(c.population)) people, at \(fixedDecimal(c.location.y, 4)),\(fixedDecimal(c.location.x, 4)))"
        }
        let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
        return "city '\(Echo.quoted(name))' in \(host) is ambiguous: \(candidates.count) cities match, "
            + "\(shown.joined(separator: "; "))\(more); give lat/lon, or a name only one of them has (such as its full name in GeoNames)"
    }

    /// Up to ten names, and how many more.
    static func some(_ names: [String]) -> String {
        names.count <= 10 ? names.joined(separator: ", ") : names.prefix(10).joined(separator: ", ") + " and \(names.count - 10) more"
    }
}

/// Checks that each post's events make sense in date order, and that every accreditation
/// comes from a post that exists, belongs to the same sender, is open on that date, and
/// does not close a loop of posts covering each other.
///
/// Cost: each post's events are walked once (linear); the covering post's state on a date is a
/// binary search in its timeline, and cycles are found with a link-cut forest, so the whole
/// check is n log n in the number of rows, whatever the chains of covers look like.
///
/// Every problem is reported, but none that another one causes: a post's sequence stops at its
/// first problem (what follows rests on a state the file never had), and an accreditation
/// from a post whose history is not known (a row of it left out, or its sequence broken) is
/// neither judged nor followed in the cycle search.
private struct EventOrder {
    let file: String
    let posts: [Post]
    let index: [String: Int]
    /// Ids of posts left out for errors in their rows: named in the file, but not checkable.
    let incomplete: Set<String>
    /// Each post's resident state after each of its events: (known by, state), in date order;
    /// nil for a post whose sequence has a problem.
    var timelines: [[(Day, Replay.Resident)]?] = []

    init(file: String, posts: [Post], incomplete: Set<String>) {
        self.file = file
        self.posts = posts
        self.incomplete = incomplete
        index = Dictionary(uniqueKeysWithValues: posts.enumerated().map { ($0.element.id, $0.offset) })
    }

    func fail(_ line: Int, _ message: String) -> DataError {
        DataError(file: file, line: line, message)
    }

    /// Every problem found, in no particular order.
    mutating func check() -> [DataError] {
        var problems: [DataError] = []
        for post in posts {
            do { timelines.append(try checkSequence(post)) } catch {
                problems.append(error)
                timelines.append(nil)
            }
        }
        return problems + checkAccreditations()
    }

    /// The post's resident state after each event, once the order of its events is checked.
    private func checkSequence(_ post: Post) throws(DataError) -> [(Day, Replay.Resident)] {
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
        let timeline = timelines[p] ?? []
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
                // A cover that is wrong, or cannot be judged, is no cover: the post is left
                // uncovered from here, so that no cycle is found through a cover it may not have.
                endOfDay[p] = (nil, event)
                let fromID = event.accreditedFrom!
                guard let from = index[fromID] else {
                    if !incomplete.contains(fromID) {
                        problems.append(fail(event.line, "accredited_from '\(Echo.quoted(fromID))' is not a post id in this file"))
                    }
                    continue
                }
                guard posts[from].sender == posts[p].sender else {
                    problems.append(fail(event.line, "accredited_from '\(Echo.quoted(fromID))' is a post of \(posts[from].sender), not \(posts[p].sender)"))
                    continue
                }
                guard timelines[from] != nil else { continue }
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
