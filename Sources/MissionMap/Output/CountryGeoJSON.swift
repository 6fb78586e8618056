import GeoKit

/// Every country of a boundaries file as a GeoJSON geometry at some number of decimals
/// (snapped to that grid with GEOS, cut at ±180°, wound for RFC 7946), with the box of the
/// positions written for it: what `export --countries` writes for each country, whatever the
/// snapshot. Made once per boundaries file and precision and kept in the `PreparedCache`.
struct CountryGeoJSON: Sendable {
    /// The geometry's text, nil when nothing is left at this precision, and its positions' box.
    let geometries: [String: (text: String?, bbox: Bounds?)]

    static let preparedKind = "geojson-countries"

    /// The table of `boundaries` at `decimals`, read from `cache` or made with `session` and kept there.
    static func prepared(_ boundaries: Boundaries, decimals: Int, session: GeoSession, cache: PreparedCache) throws -> CountryGeoJSON {
        try cache.value(preparedKind, key: boundaries.contentHash, detail: "decimals \(decimals)", decode: { try CountryGeoJSON(prepared: &$0) },
                        encode: { $0.encode(into: &$1) }) {
            var geometries: [String: (text: String?, bbox: Bounds?)] = [:]
            for code in boundaries.codes {
                guard let shape = try boundaries.shape(code, in: session) else { continue }
                // A stream of its own, so that the box is this country's alone.
                var scratch = FeatureStream(decimals: decimals, sink: { _ in })
                let text = try scratch.polygons(shape, gridSize: 1 / pow10(decimals), in: session)
                geometries[code] = (text, scratch.bbox)
            }
            return CountryGeoJSON(geometries: geometries)
        }
    }

    init(geometries: [String: (text: String?, bbox: Bounds?)]) {
        self.geometries = geometries
    }

    func encode(into out: inout ByteWriter) {
        out.int(geometries.count)
        for (code, entry) in geometries.sorted(by: { $0.key < $1.key }) {
            out.string(code)
            out.bool(entry.text != nil)
            if let text = entry.text { out.string(text) }
            out.bool(entry.bbox != nil)
            if let b = entry.bbox { out.doubles([b.minX, b.minY, b.maxX, b.maxY]) }
        }
    }

    init(prepared input: inout ByteReader) throws {
        var geometries: [String: (text: String?, bbox: Bounds?)] = [:]
        for _ in 0..<(try input.count(unit: 10)) {
            let code = try input.string()
            let text = try input.bool() ? try input.string() : nil
            var bbox: Bounds?
            if try input.bool() {
                let b = try input.doubles()
                guard b.count == 4 else { throw PreparedFileError.malformed("a box is not four numbers") }
                bbox = Bounds(minX: b[0], minY: b[1], maxX: b[2], maxY: b[3])
            }
            geometries[code] = (text, bbox)
        }
        self.geometries = geometries
    }
}
