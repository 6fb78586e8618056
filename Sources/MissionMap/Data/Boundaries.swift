import Foundation
import GeoKit

/// Country polygons keyed by ISO alpha-2, with population, read from a GeoJSON
/// FeatureCollection whose features carry `iso2` and `pop_est`.
///
/// A value: each shape is kept as WKB, read once and shared by every thread, which makes it
/// a geometry in its own session when asked (`shape(_:in:)`).
public struct Boundaries: Sendable {
    /// ISO codes in file order.
    public let codes: [String]
    /// How maps and notes name these boundaries: by the file's name unless told otherwise.
    public var label: BoundariesLabel
    /// What was repaired on reading (invalid polygons made valid), one warning per country.
    public let warnings: [DataError]
    /// The SHA-256 of the file's bytes: what prepared data made from it is keyed by.
    public let contentHash: ContentHash
    /// Each country's valid shape as WKB, which GEOS reads back exactly and fast.
    let shapes: [String: [UInt8]]
    let populations: [String: Double]
    /// The file's name in messages and each code's feature (index, line), for warnings that
    /// need the gazetteer (`warnings(against:)`).
    let file: String
    let features: [String: (index: Int, line: Int)]

    /// Reads a GeoJSON file, with GEOS in `session`.
    public init(file: String, session: GeoSession) throws {
        try self.init(file: file, session: session, cache: PreparedCache(folder: nil))
    }

    /// Reads a GeoJSON file, or what an earlier run prepared from the same bytes in `cache`
    /// (and prepares it there if none has).
    public init(file: String, session: GeoSession, cache: PreparedCache) throws {
        let name = FileBytes.displayName(file)
        let data = try FileBytes.read(file, name: name)
        let key = ContentHash(of: data)
        self = try cache.value(Boundaries.preparedKind, key: key, decode: { try Boundaries(prepared: &$0, file: name, contentHash: key) },
                               encode: { $0.encode(into: &$1) }, make: { try Boundaries(data: data, file: name, session: session, contentHash: key) })
    }

    /// Reads boundaries from the bytes of a GeoJSON file named `file` in messages.
    public init(data: Data, file: String, session: GeoSession) throws {
        try self.init(data: data, file: file, session: session, contentHash: ContentHash(of: data))
    }

    /// As above, the bytes' hash already taken.
    init(data: Data, file: String, session: GeoSession, contentHash: ContentHash) throws {
        let context = session.geos
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: file, line: FileBytes.lineOfInvalidUTF8(in: data), "not valid UTF-8")
        }
        // Properties and geometry types through Foundation's decoder; coordinates through
        // GEOS's reader, which is three times faster at them (0.13 s for the bundled file).
        guard data.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
            throw DataError(file: file, line: 1, "empty file: expected a GeoJSON FeatureCollection")
        }
        let lines = FeatureText.Lines(data)
        func located(_ index: Int, _ message: String, _ severity: DataError.Severity = .error) -> DataError {
            DataError(file: file, line: lines.line(ofFeature: index), "feature \(index + 1): \(message)", severity: severity)
        }
        // JSON's grammar is checked here, on every file, so that neither Foundation nor GEOS
        // reads text that is not JSON, and so that the message has a line and a reason.
        if let (line, problem) = FeatureText.syntaxProblem(in: data) {
            throw DataError(file: file, line: line, problem)
        }
        let collection: FeatureText.Collection
        do {
            collection = try JSONDecoder().decode(FeatureText.Collection.self, from: data)
        } catch {
            if let index = FeatureText.feature(of: error) {
                throw located(index, FeatureText.describe(error, below: 2))
            }
            throw DataError(file: file, line: 1, "not a GeoJSON FeatureCollection: \(FeatureText.describe(error))")
        }
        guard collection.type == "FeatureCollection" else {
            throw DataError(file: file, line: 1, "type is \"\(collection.type)\", not \"FeatureCollection\"")
        }
        var codes: [String] = [], populations: [String: Double] = [:]
        for (index, feature) in collection.features.enumerated() {
            if let other = feature.properties?.notAnObject {
                throw located(index, "properties must be an object, not \(other.typeName)")
            }
            let iso2: String
            switch feature.properties?.iso2 {
            case nil: throw located(index, "no iso2 property")
            case .string(let text)?: iso2 = text.uppercased()
            case let other?: throw located(index, "iso2 must be a string, not \(other.typeName)")
            }
            guard !iso2.isEmpty else { throw located(index, "no iso2 property") }
            guard iso2.count == 2, iso2.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw located(index, "iso2 \"\(iso2)\" is not a two-letter code")
            }
            guard populations[iso2] == nil else { throw located(index, "iso2 \(iso2) repeats") }
            guard let type = feature.geometry?.type else {
                throw located(index, "\(iso2) has no geometry; give it a polygon or leave the feature out")
            }
            // A point is allowed for a country too small to draw: it has people but no land.
            guard ["Polygon", "MultiPolygon", "Point", "MultiPoint"].contains(type) else {
                throw located(index, "\(iso2) is a \(type); boundaries must be polygons (or a point for a country too small to draw)")
            }
            switch feature.properties?.pop_est {
            // Absent or null (ogr2ogr writes null for an unset field): not known.
            case nil, .null?: populations[iso2] = 0
            case .number(let people)?:
                guard people >= 0 else { throw located(index, "pop_est is \(Boundaries.decimal(people)); a population cannot be negative") }
                populations[iso2] = people + 0 // -0 becomes 0
            case let other?: throw located(index, "pop_est must be a number, not \(other.typeName)")
            }
            codes.append(iso2)
        }
        // GEOS 3.11 crashes on an empty position (`[]`) instead of failing, and refuses an
        // altitude. A text without any empty array or array of three numbers has neither; one
        // with them is checked by our own reading, and GEOS then reads that reading,
        // re-encoded in 2D, so it cannot see anything unchecked.
        var geoJSON = text
        if FeatureText.needsCheckedReading(data) {
            let decoded = FeatureText.geometries(in: data)
            if let (index, problem) = decoded.flatMap(FeatureText.firstBadGeometry) { throw located(index, problem) }
            guard let checked = decoded.flatMap(FeatureText.checkedText) else {
                throw DataError(file: file, line: 1, "the geometries cannot be read as GeoJSON coordinates")
            }
            geoJSON = checked
        }
        let parts: [Geometry]
        do {
            parts = try context.geometry(geoJSON: geoJSON).parts()
        } catch {
            // GEOS says what is wrong but not where: find the feature with our own, slower reading.
            if let (index, problem) = FeatureText.geometries(in: data).flatMap(FeatureText.firstBadGeometry) {
                throw located(index, problem)
            }
            throw DataError(file: file, line: 1, "\(error)")
        }
        guard parts.count == codes.count else {
            throw DataError(file: file, line: 1, "\(codes.count) features but GEOS read \(parts.count) geometries")
        }
        var shapes: [String: [UInt8]] = [:], warnings: [DataError] = []
        for (index, (iso2, shape)) in zip(codes, parts).enumerated() {
            if let b = try shape.bounds(), b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 {
                throw located(index, "\(iso2) reaches outside longitude -180...180 and latitude -90...90: not longitude and latitude in degrees")
            }
            // Repaired once here (Natural Earth's India crosses itself), so that every union,
            // clip and precision change downstream gets valid input; the user is told.
            if try shape.isValid {
                shapes[iso2] = try shape.wkb()
            } else {
                let reason = try shape.validityReason()
                // A ring too short to enclose anything is a broken file, not a fixable polygon.
                // (Only then the slow reading that names the ring: India is invalid in every load.)
                if reason.hasPrefix("Too few points") {
                    let named = FeatureText.geometries(in: data).flatMap(FeatureText.firstBadGeometry).flatMap { $0.0 == index ? $0.1 : nil }
                    throw located(index, named ?? "\(iso2) has a ring too short to enclose anything (\(reason))")
                }
                shapes[iso2] = try shape.madeValid().wkb()
                warnings.append(located(index, "\(iso2) is not a valid polygon (\(reason)); repaired with GEOS MakeValid", .warning))
            }
        }
        self.codes = codes
        self.contentHash = contentHash
        self.shapes = shapes
        self.populations = populations
        self.warnings = warnings
        self.file = file
        label = .file(file)
        features = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, ($0, lines.line(ofFeature: $0))) })
    }

    /// The repairs, and a warning for each code the gazetteer does not know (a typo, a
    /// code of another standard): its country is drawn on maps but counted in no region, and
    /// a post in the country it was meant for finds no polygon. In file order.
    ///
    /// The gazetteer is not needed to read the file, so commands can read the boundaries
    /// while the missions log and its gazetteer are read on another thread.
    public func warnings(against gazetteer: Gazetteer) -> [DataError] {
        let unknown = codes.filter { gazetteer.country(code: $0) == nil }.map { code in
            let (index, line) = features[code]!
            // An alias (UK for GB) says which country was meant.
            let meant = gazetteer.country(matching: code).map { " (did you mean \($0.iso2), \($0.name)?)" } ?? ""
            return DataError(file: file, line: line, "feature \(index + 1): iso2 \(code) is not a country in the gazetteer (capitals.csv): it is drawn on maps but counted in no region\(meant)", severity: .warning)
        }
        return (warnings + unknown).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// A number as written by hand: -5 rather than -5.0.
    private static func decimal(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    /// The polygons of a country (valid, repaired if the file's were not) as a geometry of
    /// `session`, or nil if the file has none for it.
    public func shape(_ iso2: String, in session: GeoSession) throws -> Geometry? {
        try shapes[iso2.uppercased()].map(session.geos.geometry(wkb:))
    }

    /// Natural Earth's population estimate, 0 if unknown.
    public func population(_ iso2: String) -> Double {
        populations[iso2.uppercased()] ?? 0
    }
}
