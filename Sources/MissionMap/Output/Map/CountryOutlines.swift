import GeoKit

/// Every country's outline on one view of a map, in pixels: what depends only on the
/// boundaries and the view (projection, window, frame, scale, simplification), not on the
/// snapshot. Making it is most of a map's time (the topology and its simplification), so it is
/// kept as a prepared file (`PreparedCache`) keyed by the boundaries' hash and everything the
/// view is made of, and read back by any later map of the same view.
struct CountryOutlines {
    /// Countries in the topology's order, each with its pixel rings (none left out as empty).
    let countries: [(code: String, rings: [[XY]])]

    static let preparedKind = "outlines"

    /// The outlines of `boundaries` on the view of `clip`, read from `cache` or made and kept there.
    static func of(_ boundaries: Boundaries, view: MapView, clip: Clipper, origin: XY, width: Double,
                   projection: MapProjection, simplification: Double, session: GeoSession, cache: PreparedCache) throws -> CountryOutlines {
        let detail = key(view: view, origin: origin, width: width, padding: view.clipsToFrame ? 0.03 : 0,
                         projection: projection, simplification: simplification)
        return try cache.value(preparedKind, key: boundaries.contentHash, detail: detail, decode: { try CountryOutlines(prepared: &$0) },
                               encode: { $0.encode(into: &$1) }) {
            try CountryOutlines(boundaries, view: view, clip: clip, projection: projection, simplification: simplification, session: session)
        }
    }

    /// Everything the outlines depend on besides the boundaries, each number written exactly
    /// (Swift's shortest form that reads back as the same double).
    static func key(view: MapView, origin: XY, width: Double, padding: Double, projection: MapProjection, simplification: Double) -> String {
        func points(_ ring: [XY]) -> String { ring.map { "\($0.x) \($0.y)" }.joined(separator: ",") }
        return [
            "projection \(projection.rawValue)", "definition \(view.definition)", "window \(view.window)",
            "clips \(view.clipsToFrame)", "visible " + view.visible.map { $0.map(points).joined(separator: ";") }.joined(separator: "|"),
            "fit " + points(view.fit), "origin \(origin.x) \(origin.y)", "width \(width)", "padding \(padding)",
            "simplification \(simplification)",
        ].joined(separator: "\n")
    }

    /// Made now: taken into the map's window of longitudes, made one topology of shared arcs,
    /// each arc simplified once (so neighbours keep one line, with no gap or sliver), rebuilt,
    /// clipped and projected; nothing is snapped to the pixel grid.
    init(_ boundaries: Boundaries, view: MapView, clip: Clipper, projection: MapProjection, simplification: Double, session: GeoSession) throws {
        let rewrap = clip.rewrap
        // A region's map simplifies only what lies around its frame, a globe only its near
        // side: the rest is cut off by one line for all, before the arcs are made.
        let area = try clip.frameArea() ?? (view.clipsToFrame || projection != .orthographic ? nil : clip.visible)
        let areaBounds = try area?.bounds()
        var outlines: [(key: String, polygons: [[[XY]]])] = []
        for code in boundaries.codes {
            guard let shape = try boundaries.shape(code, in: session) else { continue }
            var inWindow = try rewrap.shape(shape)
            if let area, let areaBounds {
                guard let b = try inWindow.bounds(), b.intersects(areaBounds) else { continue }
                let inside = try areaBounds.contains(b) && area.contains(inWindow)
                if !inside { inWindow = try inWindow.intersection(area) }
            }
            let polygons = try inWindow.polygons()
            if !polygons.isEmpty { outlines.append((code, polygons)) }
        }
        let topology = try Topology(outlines).simplified(tolerance: simplification / clip.pixelsPerDegree, session: session)
        var countries: [(code: String, rings: [[XY]])] = []
        for code in topology.keys {
            let polygons = topology.polygons(code)
            guard !polygons.isEmpty else { continue }
            let rings = try clip.polygons(session.geos.multiPolygon(polygons).validOrRepaired())
            if !rings.isEmpty { countries.append((code, rings)) }
        }
        self.countries = countries
    }

    func encode(into out: inout ByteWriter) {
        out.int(countries.count)
        for (code, rings) in countries {
            out.string(code)
            out.int(rings.count)
            for ring in rings { out.doubles(ring.flatMap { [$0.x, $0.y] }) }
        }
    }

    init(prepared input: inout ByteReader) throws {
        countries = try (0..<input.count(unit: 16)).map { _ in
            let code = try input.string()
            let rings = try (0..<input.count(unit: 8)).map { _ in
                let values = try input.doubles()
                guard values.count % 2 == 0, values.allSatisfy(\.isFinite) else { throw PreparedFileError.malformed("a ring is not pairs of finite numbers") }
                return stride(from: 0, to: values.count, by: 2).map { XY(values[$0], values[$0 + 1]) }
            }
            return (code, rings)
        }
    }
}
