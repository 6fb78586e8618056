import GeoKit

/// Writes what `GeoJSONWriter` writes (the same features, ids and properties, in the same
/// order) as one TopoJSON Topology (topojson-specification 1.0): one object, `network`, a
/// GeometryCollection of every feature.
///
/// Country polygons are rings of the shared arcs of a `Topology` built from exactly the
/// countries written, so a border two of them share is written once; each accreditation line
/// has arcs of its own. Arcs are delta-encoded, and positions quantised on the grid GeoJSON
/// rounds to (a scale of 10^-decimals degrees, counted from the south-west corner of
/// everything written), not on a number of steps across the box: so `decimals` means the
/// same in both files and they hold the same positions (1e6 steps across the world would be
/// 0.00036°, some 40 m). Each position is rounded on its own, so borders stay shared;
/// GeoJSON's polygons are instead snapped by GEOS, which keeps each one valid on a coarse
/// grid but would part two neighbours' borders. Rings left with fewer than four distinct
/// positions are dropped, a polygon whose exterior goes, whole. Polygons are cut at ±180°
/// and wound counter-clockwise (holes clockwise), as in the GeoJSON.
public struct TopoJSONWriter: NetworkWriter {
    /// Decimal places of the quantisation grid (6 is about 0.1 m).
    public var decimals: Int
    /// The post statuses to write; nil for all.
    public var statuses: Set<PostStatus>?
    /// A UN region or subregion (as the gazetteer spells it) to keep; nil for the world.
    public var region: String?
    /// The kinds of feature to write; nil for all (countries only where given boundaries).
    public var kinds: Set<FeatureKind>?

    /// The name of the topology's one object.
    public static let objectName = "network"

    public init(decimals: Int = 6, statuses: Set<PostStatus>? = nil, region: String? = nil) {
        precondition((1...9).contains(decimals), "decimals must be 1 to 9")
        self.decimals = decimals
        self.statuses = statuses
        self.region = region
    }

    /// The country polygons to add: boundaries, and the session to read and cut them in.
    public typealias Countries = NetworkCountries

    /// Writes several senders' snapshots into one topology (countries, if given, per sender),
    /// in pieces to `sink`. Arcs and the transform need every position, so the topology is
    /// made whole before the first piece.
    public func write(_ snapshots: [Snapshot], countries: Countries? = nil, to sink: (String) throws -> Void) throws {
        let selection = NetworkFeatures(statuses: statuses, region: region, kinds: kinds)
        let features = snapshots.flatMap { selection.features($0, boundaries: countries?.boundaries) }
        var codes: [String] = [], seen: Set<String> = []
        for feature in features {
            if case .country(let code) = feature.shape, seen.insert(code).inserted { codes.append(code) }
        }
        let topology = try countries.map { countries in
            Topology(try codes.map { (key: $0, polygons: try TopoJSONWriter.polygons($0, of: countries)) })
        } ?? Topology([])
        // First place every position on the grid (which arcs are used, and the box, are known
        // only then), then write the features against the final arc numbers and corner.
        var grid = QuantisedTopology(topology, factor: pow10(decimals))
        let placed = features.compactMap { feature -> (NetworkFeature, QuantisedTopology.Shape)? in
            switch feature.shape {
            case .point(let p): (feature, grid.point(p))
            case .lines(let parts): grid.lines(parts).map { (feature, $0) }
            case .country(let code): grid.polygons(code).map { (feature, $0) }
            }
        }
        let written = grid.finished()

        try sink("{\"type\":\"Topology\"\(written.header(decimals: decimals)),\"objects\":{\(JSONText.string(TopoJSONWriter.objectName)):{\"type\":\"GeometryCollection\",\"geometries\":[\n")
        for (i, (feature, shape)) in placed.enumerated() {
            try sink((i == 0 ? "" : ",\n") + "{\"type\":\(written.geometry(shape)),\"id\":\(JSONText.string(feature.id)),\"properties\":\(feature.properties)}")
        }
        try sink("\n]}},\"arcs\":[\n")
        for (i, arc) in written.arcs.enumerated() { try sink((i == 0 ? "" : ",\n") + written.encoded(arc)) }
        try sink("\n]}\n")
    }

    /// A country's polygons on exact coordinates, cut at ±180° and wound for RFC 7946; none
    /// if the boundaries have no polygon for it.
    private static func polygons(_ code: String, of countries: Countries) throws -> [[[XY]]] {
        guard let shape = try countries.boundaries.shape(code, in: countries.session) else { return [] }
        return try Antimeridian.cut(shape.polygons(rfc7946Winding: true), wound: true, context: countries.session.geos)
    }
}

/// A position on the quantisation grid: the lon/lat times 10^decimals, rounded as
/// GeoJSONWriter rounds points and lines (GEOS, snapping its polygons, may round a tie the
/// other way).
private struct GridPoint: Hashable {
    var x: Int
    var y: Int

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    init(_ p: XY, _ factor: Double) {
        self.init(x: Int((p.x * factor).rounded()), y: Int((p.y * factor).rounded()))
    }
}

/// The positions of a topology being placed on the grid: the countries' shared arcs, the
/// arcs of lines, the points, and the box around all of them.
private struct QuantisedTopology {
    /// A feature's geometry on the grid, arcs not yet numbered for the output.
    enum Shape {
        case point(GridPoint)
        /// Indices in `lineArcs`.
        case lines([Int])
        /// Rings of references to the topology's arcs.
        case polygons([[[ArcRef]]])
    }

    let factor: Double
    let topology: Topology
    /// The topology's arcs on the grid, repeats dropped: a short arc may be left one position.
    let gridArcs: [[GridPoint]]
    /// Per country, its polygons as placed (several senders may show one country).
    private var placed: [String: [[[ArcRef]]]] = [:]
    /// The topology's arcs that a placed ring uses.
    private var used: Set<Int> = []
    /// Lines' arcs, in the order placed.
    private var lineArcs: [[GridPoint]] = []
    private var box: (min: GridPoint, max: GridPoint)?

    init(_ topology: Topology, factor: Double) {
        self.factor = factor
        self.topology = topology
        gridArcs = topology.arcs.map { arc in
            var points: [GridPoint] = []
            for p in arc {
                let g = GridPoint(p, factor)
                if points.last != g { points.append(g) }
            }
            return points
        }
    }

    private mutating func extendBox(_ g: GridPoint) {
        guard let b = box else {
            box = (g, g)
            return
        }
        box = (GridPoint(x: min(b.min.x, g.x), y: min(b.min.y, g.y)), GridPoint(x: max(b.max.x, g.x), y: max(b.max.y, g.y)))
    }

    mutating func point(_ p: XY) -> Shape {
        let g = GridPoint(p, factor)
        extendBox(g)
        return .point(g)
    }

    /// A line's parts as new arcs; nil if no part keeps two distinct positions.
    mutating func lines(_ parts: [[XY]]) -> Shape? {
        var arcs: [Int] = []
        for part in parts {
            var points: [GridPoint] = []
            for p in part {
                let g = GridPoint(p, factor)
                if points.last != g { points.append(g) }
            }
            guard points.count >= 2 else { continue }
            points.forEach { extendBox($0) }
            arcs.append(lineArcs.count)
            lineArcs.append(points)
        }
        return arcs.isEmpty ? nil : .lines(arcs)
    }

    /// A country's rings that keep four distinct positions on the grid, a polygon whose
    /// exterior does not dropped whole; nil if no polygon is left.
    mutating func polygons(_ code: String) -> Shape? {
        if let done = placed[code] { return done.isEmpty ? nil : .polygons(done) }
        let survives = { [gridArcs] (ring: [ArcRef]) -> Bool in
            var count = 0
            var last: GridPoint?
            for ref in ring {
                let arc = gridArcs[ref.index]
                for g in ref.reversed ? arc.reversed() : arc where g != last {
                    count += 1
                    last = g
                }
            }
            return count >= 4
        }
        // An arc that rounds to one position is left out of its rings (the arcs on each side
        // meet there), so no ring repeats a position and no arc written has fewer than two.
        let polygons = (topology.shapes[code] ?? []).compactMap { polygon -> [[ArcRef]]? in
            let rings = polygon.map { $0.filter { gridArcs[$0.index].count >= 2 } }
            guard let exterior = rings.first, survives(exterior) else { return nil }
            return [exterior] + rings.dropFirst().filter(survives)
        }
        for ref in polygons.joined().joined() where used.insert(ref.index).inserted {
            gridArcs[ref.index].forEach { extendBox($0) }
        }
        placed[code] = polygons
        return polygons.isEmpty ? nil : .polygons(polygons)
    }

    /// The arcs to write (the topology's that are used, in their order, then the lines'),
    /// numbered, and the corner the grid counts from.
    func finished() -> WrittenTopology {
        let kept = used.sorted()
        return WrittenTopology(
            factor: factor,
            arcs: kept.map { gridArcs[$0] } + lineArcs,
            number: Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) }),
            firstLineArc: kept.count,
            box: box)
    }
}

/// A placed topology with its final arc numbers and corner, as text.
private struct WrittenTopology {
    let factor: Double
    let arcs: [[GridPoint]]
    /// Output number of each used topology arc.
    let number: [Int: Int]
    let firstLineArc: Int
    let box: (min: GridPoint, max: GridPoint)?

    /// The corner the grid counts from: the south-west of everything written.
    var origin: GridPoint { box?.min ?? GridPoint(x: 0, y: 0) }

    /// The `bbox` and `transform` members, each with a leading comma; none for an empty topology.
    func header(decimals: Int) -> String {
        guard let box else { return "" }
        let value = { (n: Int) in fixedDecimal(Double(n) / factor, decimals) }
        let step = fixedDecimal(1 / factor, decimals)
        return ",\"bbox\":[\(value(box.min.x)),\(value(box.min.y)),\(value(box.max.x)),\(value(box.max.y))]"
            + ",\"transform\":{\"scale\":[\(step),\(step)],\"translate\":[\(value(box.min.x)),\(value(box.min.y))]}"
    }

    /// The geometry's type and its coordinates or arcs, as members of one object.
    func geometry(_ shape: QuantisedTopology.Shape) -> String {
        switch shape {
        case .point(let g):
            return "\"Point\",\"coordinates\":[\(g.x - origin.x),\(g.y - origin.y)]"
        case .lines(let indices):
            let arcs = indices.map { firstLineArc + $0 }
            return arcs.count == 1 ? "\"LineString\",\"arcs\":[\(arcs[0])]"
                : "\"MultiLineString\",\"arcs\":[\(arcs.map { "[\($0)]" }.joined(separator: ","))]"
        case .polygons(let polygons):
            let text = polygons.map { rings in
                "[" + rings.map { ring in
                    "[" + ring.map { String(ArcRef(number[$0.index]!, reversed: $0.reversed).encoded) }.joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
            }
            return text.count == 1 ? "\"Polygon\",\"arcs\":\(text[0])" : "\"MultiPolygon\",\"arcs\":[\(text.joined(separator: ","))]"
        }
    }

    /// An arc delta-encoded: its first position from the origin, each next from the one before.
    func encoded(_ arc: [GridPoint]) -> String {
        var previous = origin
        return "[" + arc.map { g in
            defer { previous = g }
            return "[\(g.x - previous.x),\(g.y - previous.y)]"
        }.joined(separator: ",") + "]"
    }
}
