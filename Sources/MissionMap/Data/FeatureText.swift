import Foundation

/// The GeoJSON text of a boundaries file as Foundation's decoder sees it: properties and
/// geometry types for every read, and, when GEOS rejects the file, the coordinates, to say
/// which feature and ring is wrong. Also the line each feature starts on, for messages.
enum FeatureText {
    struct Collection: Decodable {
        let type: String
        let features: [Feature]
    }

    struct Feature: Decodable {
        /// The two properties read, each as whatever JSON value it is, so that a wrong type
        /// is reported at the feature's line by its name rather than by a decoder's path.
        struct Properties: Decodable {
            /// nil when absent.
            let iso2: PropertyValue?
            let pop_est: PropertyValue?
            /// What `properties` is when it is not an object (then both are nil).
            let notAnObject: PropertyValue?

            private enum Key: String, CodingKey { case iso2, pop_est }

            init(from decoder: Decoder) throws {
                guard let c = try? decoder.container(keyedBy: Key.self) else {
                    (iso2, pop_est, notAnObject) = (nil, nil, try PropertyValue(from: decoder))
                    return
                }
                // `decodeIfPresent` would answer nil for null too: null is a type error for iso2.
                iso2 = c.contains(.iso2) ? try c.decode(PropertyValue.self, forKey: .iso2) : nil
                pop_est = c.contains(.pop_est) ? try c.decode(PropertyValue.self, forKey: .pop_est) : nil
                notAnObject = nil
            }
        }
        struct Geometry: Decodable {
            let type: String
        }
        let properties: Properties?
        let geometry: Geometry?
    }

    /// A property's value: its JSON type, and the value where it is a string or a number.
    enum PropertyValue: Decodable, Equatable {
        case null, bool, string(String), number(Double), array, object
        /// A number no Double holds (1e999, 1e-999): Foundation refuses it as every type.
        case outOfRange

        init(from decoder: Decoder) throws {
            // Arrays and objects are not looked into: `Skipped` decodes to nothing.
            struct Skipped: Decodable { init(from decoder: Decoder) {} }
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if (try? c.decode(Bool.self)) != nil { self = .bool }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if (try? c.decode([Skipped].self)) != nil { self = .array }
            else if (try? c.decode([String: Skipped].self)) != nil { self = .object }
            else { self = .outOfRange }
        }

        /// The JSON type in words, for "must be a number, not a string".
        var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .string: "a string"
            case .number, .outOfRange: "a number"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// The feature index and problem of the first geometry GEOS cannot take: a position that
    /// is not two numbers, a ring too short or not closed.
    static func firstBadGeometry(in file: Geometries) -> (Int, String)? {
        func position(_ value: Value) -> [Double]? {
            guard let numbers = value.array?.compactMap(\.number), numbers.count >= 2, numbers.count == value.array?.count else { return nil }
            return numbers
        }
        func ringProblem(_ ring: Value, _ name: String) -> String? {
            guard let values = ring.array else { return "\(name) is not a list of positions" }
            let positions = values.map(position)
            if let bad = positions.firstIndex(where: { $0 == nil }) {
                return "\(name) position \(bad + 1) is not a longitude and a latitude"
            }
            let points = positions.map { $0! }
            guard points.count >= 4 else { return "\(name) has \(points.count) positions; a ring needs at least 4" }
            guard points.first!.prefix(2) == points.last!.prefix(2) else {
                return "\(name) is not closed: its last position \(points.last!) is not its first \(points.first!)"
            }
            return nil
        }
        for (index, feature) in file.features.enumerated() {
            guard let geometry = feature.geometry else { continue }
            guard let coordinates = geometry.coordinates else { return (index, "the \(geometry.type) has no coordinates") }
            switch geometry.type {
            case "Point":
                if coordinates.array?.isEmpty == false && position(coordinates) == nil { return (index, "the point is not a longitude and a latitude") }
            case "MultiPoint":
                if let bad = coordinates.array?.firstIndex(where: { position($0) == nil }) { return (index, "point \(bad + 1) is not a longitude and a latitude") }
            case "Polygon", "MultiPolygon":
                let polygons = geometry.type == "Polygon" ? [coordinates] : coordinates.array ?? []
                for (p, polygon) in polygons.enumerated() {
                    guard let rings = polygon.array else { return (index, "polygon \(p + 1) is not a list of rings") }
                    for (r, ring) in rings.enumerated() {
                        if let problem = ringProblem(ring, "polygon \(p + 1) ring \(r + 1)") { return (index, problem) }
                    }
                }
            default:
                continue
            }
        }
        return nil
    }

    /// Whether GEOS 3.11's GeoJSON reader must get our checked reading rather than the text:
    /// when the text has an empty array (`[]`), which that reader dereferences when it stands
    /// for a position, or an array of numbers longer than two, which it refuses ("Expected two
    /// coordinates") where RFC 7946 allows an altitude. Both are innermost arrays (with no
    /// array inside): the scan looks at those alone. Anything else that looks like them (a
    /// `bbox`, brackets in a string) costs only the slower reading.
    static func needsCheckedReading(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var innermost = false, empty = true, commas = 0
            for b in bytes {
                switch b {
                case UInt8(ascii: "["): (innermost, empty, commas) = (true, true, 0)
                case UInt8(ascii: "]"):
                    if innermost && (empty || commas >= 2) { return true }
                    innermost = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
                case UInt8(ascii: ","): commas += 1; empty = false
                default: empty = false
                }
            }
            return false
        }
    }

    /// Every feature's geometry with its coordinates, as Foundation's decoder reads them; nil
    /// if the text is not such a collection.
    static func geometries(in data: Data) -> Geometries? {
        try? JSONDecoder().decode(Geometries.self, from: data)
    }

    /// Every feature's geometry with its coordinates.
    struct Geometries: Codable {
        struct Feature: Codable {
            struct Geometry: Codable {
                let type: String
                let coordinates: Value?
            }
            let geometry: Geometry?
        }
        let features: [Feature]
    }

    /// The geometries re-encoded as a plain FeatureCollection, for GEOS to read exactly what
    /// `firstBadGeometry` checked: with repeated keys (two `geometry` members) Foundation's
    /// decoder and GEOS's JSON parser can each take a different one.
    static func checkedText(_ file: Geometries) -> String? {
        struct Plain: Encodable {
            struct Feature: Encodable {
                let type = "Feature"
                let properties: [String: String] = [:]
                let geometry: Geometries.Feature.Geometry?
            }
            let type = "FeatureCollection"
            let features: [Feature]
        }
        // Positions lose their altitude (and anything after it): the boundaries are 2D.
        let flat = file.features.map { feature in
            Plain.Feature(geometry: feature.geometry.map { geometry in
                let depth = ["Point": 0, "MultiPoint": 1, "Polygon": 2, "MultiPolygon": 3][geometry.type]
                return Geometries.Feature.Geometry(type: geometry.type, coordinates: depth.flatMap { geometry.coordinates?.flattened(positionsAt: $0) } ?? geometry.coordinates)
            })
        }
        guard let encoded = try? JSONEncoder().encode(Plain(features: flat)) else { return nil }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// A JSON value of a coordinates array: a number or a list (anything else becomes null).
    enum Value: Codable {
        case number(Double)
        case array([Value])
        case other

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let a = try? c.decode([Value].self) { self = .array(a) }
            else { self = .other }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .array(let a): try c.encode(a)
            case .other: try c.encodeNil()
            }
        }

        /// The value with every position `depth` arrays down cut to its first two numbers.
        func flattened(positionsAt depth: Int) -> Value {
            guard case .array(let a) = self else { return self }
            return .array(depth == 0 ? Array(a.prefix(2)) : a.map { $0.flattened(positionsAt: depth - 1) })
        }

        var array: [Value]? { if case .array(let a) = self { a } else { nil } }
        var number: Double? { if case .number(let n) = self { n } else { nil } }
    }

    /// A decoding error in words: what was wrong and where in the JSON.
    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ c: DecodingError.Context) -> String {
            let keys = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let why = c.underlyingError.map { " (\($0))" } ?? ""
            return keys.isEmpty ? c.debugDescription + why : "at \(keys): \(c.debugDescription)\(why)"
        }
        switch error {
        case .dataCorrupted(let c): return path(c)
        case .keyNotFound(let key, let c):
            let keys = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "no \"\(key.stringValue)\" member" + (keys.isEmpty ? "" : " at \(keys)")
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return path(c)
        @unknown default: return "\(error)"
        }
    }

    /// Where features start: the line of the n-th `"Feature"` token. Files written one
    /// feature per line (ogr2ogr's, ours) get exact lines; others a near one.
    struct Lines {
        private var starts: [Int] = []

        init(_ data: Data) {
            let token = Array("\"Feature\"".utf8)
            var line = 1
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var i = 0
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "\n") {
                        line += 1
                    } else if bytes[i] == token[0], i + token.count <= bytes.count,
                              token.indices.allSatisfy({ bytes[i + $0] == token[$0] }) {
                        starts.append(line)
                        i += token.count
                        continue
                    }
                    i += 1
                }
            }
        }

        func line(ofFeature index: Int) -> Int {
            index < starts.count ? starts[index] : 1
        }
    }
}
