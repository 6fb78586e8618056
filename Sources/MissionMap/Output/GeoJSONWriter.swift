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

    /// The country polygons to add: boundaries, and the session to snap and cut them in.
    public typealias Countries = NetworkCountries

    /// Writes several senders' snapshots into one collection (countries, if given, per
    /// sender), in pieces to `sink`; nothing is held back but the bounding box.
    public func write(_ snapshots: [Snapshot], countries: Countries? = nil, to sink: (String) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var out = FeatureStream(decimals: decimals, sink: sink)
            try out.begin()
            for snapshot in snapshots { try write(snapshot, countries: countries, to: &out) }
            try out.end()
        }
    }

    private func write(_ snapshot: Snapshot, countries: Countries?, to out: inout FeatureStream) throws {
        let features = NetworkFeatures(statuses: statuses, region: region, kinds: kinds).features(snapshot, boundaries: countries?.boundaries)
        for feature in features {
            let geometry: String?
            switch feature.shape {
            case .point(let p): geometry = out.point(p)
            case .lines(let parts): geometry = out.lines(parts)
            case .country(let code):
                guard let countries, let shape = try countries.boundaries.shape(code, in: countries.session) else { continue }
                geometry = try out.polygons(shape, gridSize: 1 / pow10(decimals), in: countries.session)
            }
            guard let geometry else { continue }
            try out.feature(id: feature.id, geometry: geometry, properties: feature.properties)
        }
    }
}

/// The FeatureCollection being written: commas between features, rounded positions, and
/// the bounding box of everything written so far.
private struct FeatureStream {
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
