import GeoKit

/// Writes a snapshot as an RFC 7946 FeatureCollection, feature by feature:
/// - `post` Points, one per post;
/// - `accreditation` lines along the great circle (at most 1° steps) from the covering post to
///   each host it covers, split into a MultiLineString where they cross ±180°;
/// - with boundaries, `country` polygons of the hosts and the sender, with `host_status`.
/// Coordinates are rounded to `decimals` with no repeated positions; polygons are snapped
/// to that grid with GEOS (so they stay valid), cut at ±180° and wound counter-clockwise
/// (holes clockwise). The collection's `bbox` comes last, once every position is known.
public struct GeoJSONWriter: NetworkWriter {
    /// Decimal places of coordinates (6 is about 0.1 m).
    public var decimals: Int
    /// The post statuses to write; nil for all.
    public var statuses: Set<PostStatus>?
    /// A UN region or subregion (as the gazetteer spells it) to keep; nil for the world.
    public var region: String?
    /// The kinds of feature to write; nil for all (countries only where given boundaries).
    public var kinds: Set<FeatureKind>?

    public init(decimals: Int = 6, statuses: Set<PostStatus>? = nil, region: String? = nil) {
        precondition((1...9).contains(decimals), "decimals must be 1 to 9")
        self.decimals = decimals
        self.statuses = statuses
        self.region = region
    }

    /// Where each country's geometry at this precision is kept between runs (off by default).
    public var cache = PreparedCache(folder: nil)

    /// The country polygons to add: boundaries, and the session to snap and cut them in.
    public typealias Countries = NetworkCountries

    /// Writes several senders' snapshots into one collection (countries, if given, per
    /// sender), in pieces to `sink`; nothing is held back but the bounding box.
    public func write(_ snapshots: [Snapshot], countries: Countries? = nil, to sink: (String) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var out = FeatureStream(decimals: decimals, sink: sink)
            try out.begin()
            let table = try countries.map { try CountryGeoJSON.prepared($0.boundaries, decimals: decimals, session: $0.session, cache: cache) }
            for snapshot in snapshots { try write(snapshot, countries: table, boundaries: countries?.boundaries, to: &out) }
            try out.end()
        }
    }

    /// Writes what a request asks for (its senders or host, on its date, in its region) to
    /// `sink`; with this thread's `session`, the countries of its boundaries too. Several
    /// senders' features are made on up to `workers` threads (each with a session of its own),
    /// a few senders ahead of the writing, and written in the senders' order: the document is
    /// the one a single thread writes, byte for byte.
    public func write(_ request: Request, countriesIn session: GeoSession?, workers: Int, to sink: (String) throws -> Void) throws {
        try write(request, countriesIn: session, workers: workers, ahead: workers > 1 ? 4 * workers : 1, to: sink)
    }

    /// As above, with `ahead` senders made at a time (tests vary it to cross windows).
    func write(_ request: Request, countriesIn session: GeoSession?, workers: Int, ahead: Int, to sink: (String) throws -> Void) throws {
        var regional = self
        regional.region = request.region
        let writer = regional
        let queries = request.selection.queries(in: request.network)
        let boundaries = session == nil ? nil : request.requiredBoundaries()
        // Each country's text, made (or read back) once for every sender.
        let table = try boundaries.map { try CountryGeoJSON.prepared($0, decimals: decimals, session: session!, cache: cache) }
        try withoutActuallyEscaping(sink) { sink in
            var out = FeatureStream(decimals: decimals, sink: sink)
            try out.begin()
            // A window of senders at a time keeps the threads busy while holding back only
            // the window's text; one sender alone streams straight to the sink.
            let window = max(1, ahead)
            var start = 0
            while start < queries.count {
                let part = Array(queries[start..<min(queries.count, start + window)])
                start += part.count
                guard part.count > 1 else {
                    let snapshot = request.network.snapshot(part[0], asOf: request.asOf)
                    try writer.write(snapshot, countries: table, boundaries: boundaries, to: &out)
                    continue
                }
                // The countries' text is made already: workers need no geo session of their own.
                let chunks = try Workers.map(count: part.count, workers: workers, state: { () }) { _, i in
                    var text = ""
                    let snapshot = request.network.snapshot(part[i], asOf: request.asOf)
                    return try withoutActuallyEscaping({ (piece: String) in text += piece }) { append in
                        var chunk = FeatureStream(decimals: writer.decimals, sink: append)
                        try writer.write(snapshot, countries: table, boundaries: boundaries, to: &chunk)
                        return FeatureChunk(text: text, count: chunk.count, bbox: chunk.bbox)
                    }
                }
                for chunk in chunks { try out.append(chunk) }
            }
            try out.end()
        }
    }

    private func write(_ snapshot: Snapshot, countries: CountryGeoJSON?, boundaries: Boundaries?, to out: inout FeatureStream) throws {
        try NetworkFeatures(statuses: statuses, region: region, kinds: kinds).forEach(snapshot, boundaries: boundaries) { feature in
            let geometry: String?
            switch feature.shape {
            case .point(let p): geometry = out.point(p)
            case .lines(let parts): geometry = out.lines(parts)
            case .country(let code):
                guard let entry = countries?.geometries[code] else { return }
                geometry = out.prepared(entry.text, bbox: entry.bbox)
            }
            guard let geometry else { return }
            try out.feature(id: feature.id, geometry: geometry, properties: feature.properties)
        }
    }
}

/// The features of one sender, written on a worker thread to be added to the collection:
/// their text (the first without a leading comma), how many, and the box of their positions.
struct FeatureChunk: Sendable {
    let text: String
    let count: Int
    let bbox: Bounds?
}

/// The FeatureCollection being written: commas between features, rounded positions, and
/// the bounding box of everything written so far.
struct FeatureStream {
    let decimals: Int
    let sink: (String) throws -> Void
    var count = 0
    var bbox: Bounds?

    let factor: Double

    init(decimals: Int, sink: @escaping (String) throws -> Void) {
        self.decimals = decimals
        self.sink = sink
        factor = pow10(decimals)
    }

    mutating func begin() throws {
        try sink("{\"type\":\"FeatureCollection\",\"features\":[\n")
    }

    mutating func feature(id: String, geometry: String, properties: String) throws {
        try sink((count == 0 ? "" : ",\n")
            + "{\"type\":\"Feature\",\"id\":\(JSONText.string(id)),\"geometry\":\(geometry),\"properties\":\(properties)}")
        count += 1
    }

    /// Adds the features of a chunk, as if each had been written here, and its box (which
    /// may be extended by a line too short to keep). Merged in order, the box is the one the
    /// points in sequence give, the first of equal values (0 and -0) kept alike.
    mutating func append(_ chunk: FeatureChunk) throws {
        if chunk.count > 0 {
            try sink((count == 0 ? "" : ",\n") + chunk.text)
            count += chunk.count
        }
        guard let box = chunk.bbox else { return }
        if bbox == nil { bbox = box } else {
            bbox!.extend(XY(box.minX, box.minY))
            bbox!.extend(XY(box.maxX, box.maxY))
        }
    }

    /// Ends the collection with its bbox (RFC 7946 §5: west, south, east, north), which JSON
    /// lets come after the features, so that nothing has to be held back to write it.
    mutating func end() throws {
        let box = bbox.map { ",\"bbox\":[\(fixedDecimal($0.minX, decimals)),\(fixedDecimal($0.minY, decimals)),\(fixedDecimal($0.maxX, decimals)),\(fixedDecimal($0.maxY, decimals))]" } ?? ""
        try sink("\n]\(box)}\n")
    }

    /// Positions rounded to the grid, repeats dropped, the bbox extended.
    mutating func positions(_ points: [XY]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(points.count)
        var last = ""
        for p in points {
            let text = "[\(fixedDecimal(p.x, decimals)),\(fixedDecimal(p.y, decimals))]"
            if text == last { continue }
            last = text
            out.append(text)
            // The box holds the rounded values, as written.
            let rounded = XY((p.x * factor).rounded() / factor, (p.y * factor).rounded() / factor)
            if bbox == nil { bbox = Bounds(minX: rounded.x, minY: rounded.y, maxX: rounded.x, maxY: rounded.y) } else { bbox!.extend(rounded) }
        }
        return out
    }

    mutating func point(_ p: XY) -> String {
        "{\"type\":\"Point\",\"coordinates\":\(positions([p])[0])}"
    }

    /// A LineString or MultiLineString; nil if no part keeps two distinct positions.
    mutating func lines(_ parts: [[XY]]) -> String? {
        let lines = parts.map { positions($0) }.filter { $0.count >= 2 }.map { "[" + $0.joined(separator: ",") + "]" }
        switch lines.count {
        case 0: return nil
        case 1: return "{\"type\":\"LineString\",\"coordinates\":\(lines[0])}"
        default: return "{\"type\":\"MultiLineString\",\"coordinates\":[\(lines.joined(separator: ","))]}"
        }
    }

    /// A geometry written before (`CountryGeoJSON`): its text, with the box extended by its positions'.
    mutating func prepared(_ text: String?, bbox box: Bounds?) -> String? {
        if let box {
            if bbox == nil { bbox = box } else { bbox!.extend(XY(box.minX, box.minY)); bbox!.extend(XY(box.maxX, box.maxY)) }
        }
        return text
    }

    /// A Polygon or MultiPolygon of a valid lon/lat shape: snapped to the output grid, cut at
    /// ±180°, wound for RFC 7946. Nil if nothing is left.
    mutating func polygons(_ shape: Geometry, gridSize: Double, in session: GeoSession) throws -> String? {
        let snapped = try shape.snappedToGrid(gridSize)
        let polygons = try Antimeridian.cut(snapped.polygons(rfc7946Winding: true), wound: true, context: session.geos)
        // A ring needs four positions; a polygon whose exterior lost them is dropped whole.
        let written = polygons.map { rings in
            rings.map { positions($0) }.enumerated().filter { $0.element.count >= 4 || $0.offset == 0 }.map(\.element)
        }.filter { ($0.first?.count ?? 0) >= 4 }.map { $0.map { "[" + $0.joined(separator: ",") + "]" } }
        switch written.count {
        case 0: return nil
        case 1: return "{\"type\":\"Polygon\",\"coordinates\":[\(written[0].joined(separator: ","))]}"
        default: return "{\"type\":\"MultiPolygon\",\"coordinates\":[\(written.map { "[" + $0.joined(separator: ",") + "]" }.joined(separator: ","))]}"
        }
    }
}
