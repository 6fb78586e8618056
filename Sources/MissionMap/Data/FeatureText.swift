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
            // Text that passed `syntaxProblem` does not get here.
            else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "a value Foundation cannot read") }
        }

        /// The JSON type in words, for "must be a number, not a string".
        var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .string: "a string"
            case .number: "a number"
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

    /// The index of the feature a decoding error is in (its path starts `features[i]`).
    static func feature(of error: Error) -> Int? {
        let path: [CodingKey]
        switch error as? DecodingError {
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .keyNotFound(_, let c)?, .dataCorrupted(let c)?: path = c.codingPath
        default: return nil
        }
        guard path.count >= 2, path[0].stringValue == "features" else { return nil }
        return path[1].intValue
    }

    /// A decoding error in words: what was wrong and where in the JSON (the path without its
    /// first `below` keys, which the message says otherwise).
    static func describe(_ error: Error, below: Int = 0) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ c: DecodingError.Context) -> String {
            let keys = c.codingPath.dropFirst(below).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let why = c.underlyingError.map { " (\($0))" } ?? ""
            return keys.isEmpty ? c.debugDescription + why : "at \(keys): \(c.debugDescription)\(why)"
        }
        switch error {
        case .dataCorrupted(let c): return path(c)
        case .keyNotFound(let key, let c):
            let keys = c.codingPath.dropFirst(below).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
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

extension FeatureText {
    /// Foundation's JSON parser refuses arrays and objects nested more than 512 deep, saying
    /// only "not valid JSON"; GeoJSON needs 8 at most (a MultiPolygon's coordinates).
    static let maximumDepth = 512

    /// The line and description of the first place where `data` is not JSON (RFC 8259), or is
    /// nested deeper than `maximumDepth`, or has half a UTF-16 surrogate pair in an escape.
    /// Foundation's decoder refuses some of these saying only "not valid JSON", and lets the
    /// others through in members it is not asked to decode (`01`, `1.`, `[1,]`, `"\x"`),
    /// which GEOS's parser then refuses without a line. nil if the text is JSON.
    static func syntaxProblem(in data: Data) -> (line: Int, message: String)? {
        var scan = SyntaxScan(bytes: Array(data))
        return scan.run()
    }

    /// An iterative scan (no recursion, so no depth can overflow the stack) over the bytes.
    private struct SyntaxScan {
        let bytes: [UInt8]
        var i = 0, line = 1
        /// The open arrays and objects, innermost last: `[` or `{`.
        var open: [UInt8] = []

        enum Expect { case value, valueOrEnd, name, nameOrEnd, colon, commaOrEnd, nothing }

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A byte order mark, which Foundation skips.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        mutating func run() -> (line: Int, message: String)? {
            var expect = Expect.value
            while true {
                spaces: while i < bytes.count {
                    switch bytes[i] {
                    case 0x20, 0x09, 0x0D: i += 1
                    case 0x0A: line += 1; i += 1
                    default: break spaces
                    }
                }
                guard i < bytes.count else {
                    if expect == .nothing { return nil }
                    return invalid(open.isEmpty ? "the file has no value" : "the file ends inside an \(open.last == UInt8(ascii: "[") ? "array" : "object") that is not closed")
                }
                let b = bytes[i]
                switch expect {
                case .value, .valueOrEnd:
                    if expect == .valueOrEnd && b == UInt8(ascii: "]") {
                        close()
                    } else if b == UInt8(ascii: "]") && !open.isEmpty {
                        return invalid("a comma before ']' (JSON has no trailing commas)")
                    } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                        guard open.count < FeatureText.maximumDepth else {
                            return (line, "nested too deeply: more than \(FeatureText.maximumDepth) arrays and objects inside one another")
                        }
                        open.append(b)
                        i += 1
                        expect = b == UInt8(ascii: "[") ? .valueOrEnd : .nameOrEnd
                        continue
                    } else if b == UInt8(ascii: "\"") {
                        if let problem = string() { return problem }
                    } else if let problem = word() {
                        return problem
                    }
                    expect = open.isEmpty ? .nothing : .commaOrEnd
                case .name, .nameOrEnd:
                    if expect == .nameOrEnd && b == UInt8(ascii: "}") {
                        close()
                        expect = open.isEmpty ? .nothing : .commaOrEnd
                    } else if b == UInt8(ascii: "}") {
                        return invalid("a comma before '}' (JSON has no trailing commas)")
                    } else if b == UInt8(ascii: "\"") {
                        if let problem = string() { return problem }
                        expect = .colon
                    } else {
                        return invalid("expected a member name in double quotes, found \(token())")
                    }
                case .colon:
                    guard b == UInt8(ascii: ":") else { return invalid("expected ':' after a member name, found \(token())") }
                    i += 1
                    expect = .value
                case .commaOrEnd:
                    let array = open.last == UInt8(ascii: "[")
                    if b == UInt8(ascii: ",") {
                        i += 1
                        expect = array ? .value : .name
                    } else if b == (array ? UInt8(ascii: "]") : UInt8(ascii: "}")) {
                        close()
                        expect = open.isEmpty ? .nothing : .commaOrEnd
                    } else {
                        return invalid("expected ',' or '\(array ? "]" : "}")', found \(token())")
                    }
                case .nothing:
                    return invalid("more text after the end of the JSON value: \(token())")
                }
            }
        }

        func invalid(_ message: String) -> (line: Int, message: String) {
            (line, "not valid JSON: \(message)")
        }

        mutating func close() {
            open.removeLast()
            i += 1
        }

        /// Whether a byte ends a bare word (a number, `true`): white space, punctuation, a quote.
        static func ends(_ b: UInt8) -> Bool {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""): true
            default: false
            }
        }

        /// The bare word at `i` (up to the next space or punctuation), or the one character there.
        func tokenRange() -> Range<Int> {
            var end = i
            while end < bytes.count, !Self.ends(bytes[end]) { end += 1 }
            return i..<max(end, i + 1)
        }

        /// The text at `i`, quoted and cut short, for messages.
        func token() -> String {
            let range = tokenRange()
            var end = min(range.upperBound, i + 24)
            while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 } // a whole character
            let text = String(decoding: bytes[i..<end], as: UTF8.self) + (end < range.upperBound ? "…" : "")
            return text.contains("'") ? "\"\(text)\"" : "'\(text)'"
        }

        /// A number, `true`, `false` or `null` at `i`; a problem otherwise.
        mutating func word() -> (line: Int, message: String)? {
            let range = tokenRange()
            let text = bytes[range]
            if Self.isNumber(text) {
                // Only a number with an exponent or hundreds of digits can be out of a Double's
                // range; Foundation refuses those (as GEOS's parser does 1e999) where it reads them.
                if text.count > 300 || text.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }),
                   let value = Double(String(decoding: text, as: UTF8.self)) {
                    if !value.isFinite { return (line, "the number \(token()) is too large for a 64-bit float") }
                    let mantissa = text.prefix { $0 | 0x20 != UInt8(ascii: "e") }
                    if value == 0 && mantissa.contains(where: { (0x31...0x39).contains($0) }) {
                        return (line, "the number \(token()) is too small for a 64-bit float (not 0, but nearer 0 than 5e-324)")
                    }
                }
                i = range.upperBound
                return nil
            }
            if text.elementsEqual("true".utf8) || text.elementsEqual("false".utf8) || text.elementsEqual("null".utf8) {
                i = range.upperBound
                return nil
            }
            let shown = token()
            let unsigned = String(decoding: text, as: UTF8.self).lowercased().drop { $0 == "-" || $0 == "+" }
            if ["nan", "inf", "infinity"].contains(unsigned) {
                return invalid("\(shown) is not a JSON number: JSON has no NaN or infinity")
            }
            if unsigned.hasPrefix("0x") { return invalid("\(shown) is not a JSON number: JSON numbers are decimal") }
            if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || (0x30...0x39).contains(first) {
                return invalid("\(shown) is not a JSON number")
            }
            return invalid("expected a value, found \(shown)")
        }

        /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        static func isNumber(_ text: ArraySlice<UInt8>) -> Bool {
            var j = text.startIndex
            func digits() -> Int {
                let start = j
                while j < text.endIndex, (0x30...0x39).contains(text[j]) { j += 1 }
                return j - start
            }
            if j < text.endIndex, text[j] == UInt8(ascii: "-") { j += 1 }
            let first = j
            guard digits() > 0, text[first] != 0x30 || j == first + 1 else { return false }
            if j < text.endIndex, text[j] == UInt8(ascii: ".") {
                j += 1
                guard digits() > 0 else { return false }
            }
            if j < text.endIndex, text[j] == UInt8(ascii: "e") || text[j] == UInt8(ascii: "E") {
                j += 1
                if j < text.endIndex, text[j] == UInt8(ascii: "+") || text[j] == UInt8(ascii: "-") { j += 1 }
                guard digits() > 0 else { return false }
            }
            return j == text.endIndex
        }

        /// The code unit of a `\uXXXX` escape at `at`, nil if that is not one.
        func utf16(at start: Int) -> Int? {
            guard start + 6 <= bytes.count, bytes[start] == UInt8(ascii: "\\"), bytes[start + 1] == UInt8(ascii: "u") else { return nil }
            let digits = bytes[(start + 2)..<(start + 6)]
            // Int(_:radix:) alone would take a sign.
            guard digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }) else { return nil }
            return Int(String(decoding: digits, as: UTF8.self), radix: 16)
        }

        /// A string at `i` (its opening quote); a problem if it is not closed or has a bad escape
        /// or a control character.
        mutating func string() -> (line: Int, message: String)? {
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    return nil
                case UInt8(ascii: "\\"):
                    guard i + 1 < bytes.count else { return invalid("the file ends inside a string") }
                    let e = bytes[i + 1]
                    if e == UInt8(ascii: "u") {
                        guard let unit = utf16(at: i) else {
                            return invalid("\\u in a string must be followed by four hexadecimal digits")
                        }
                        // Foundation and GEOS refuse half a surrogate pair; so does this scan.
                        if (0xD800...0xDBFF).contains(unit), let low = utf16(at: i + 6), (0xDC00...0xDFFF).contains(low) {
                            i += 12
                        } else if (0xD800...0xDFFF).contains(unit) {
                            return invalid("\\u\(String(unit, radix: 16, uppercase: true)) is half of a UTF-16 surrogate pair")
                        } else {
                            i += 6
                        }
                    } else {
                        guard Array("\"\\/bfnrt".utf8).contains(e) else {
                            return invalid("'\\\(String(decoding: [e], as: UTF8.self))' is not an escape JSON knows")
                        }
                        i += 2
                    }
                    continue
                case 0x0A:
                    return invalid("a line break inside a string (a string must end on the line it starts)")
                case 0x00..<0x20:
                    return invalid("control character U+00\(b < 0x10 ? "0" : "")\(String(b, radix: 16, uppercase: true)) inside a string (write it as an escape)")
                default:
                    break
                }
                i += 1
            }
            return invalid("the file ends inside a string")
        }
    }
}
