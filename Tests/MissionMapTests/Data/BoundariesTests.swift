import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// The boundaries reader on hand-made files: what it accepts, and where and how it refuses.
/// (The end-to-end corpus in Fixtures/bad-boundaries checks the commands' messages.)
@Suite(.tags(.unit)) struct BoundariesTests {
    static let kp = #"{"type":"Feature","properties":{"iso2":"KP","pop_est":1},"geometry":{"type":"Polygon","coordinates":[[[125,38],[129,38],[129,42],[125,42],[125,38]]]}}"#

    /// A collection of KP (line 2) and the given feature (line 3).
    static func text(_ feature: String) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n\(kp),\n\(feature)\n]}\n"
    }

    static func read(_ text: String) throws -> Boundaries {
        try Boundaries(data: Data(text.utf8), file: "t.geojson", session: GeoSession())
    }

    static func error(_ text: String) -> DataError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? DataError
        }
    }

    static func spain(_ coordinates: String, properties: String = #"{"iso2":"ES","pop_est":2}"#) -> String {
        text(#"{"type":"Feature","properties":\#(properties),"geometry":{"type":"Polygon","coordinates":\#(coordinates)}}"#)
    }

    static let square = "[[[0,40],[2,40],[2,42],[0,42],[0,40]]]"

    @Test func altitudesAreReadAndDropped() throws {
        let flat = try Self.read(Self.spain(Self.square))
        let lifted = try Self.read(Self.spain("[[[0,40,100],[2,40,120.5],[2,42,-3],[0,42,0,7],[0,40,100]]]"))
        #expect(try lifted.shape("ES")!.wkt() == flat.shape("ES")!.wkt())
        #expect(try lifted.shape("ES")!.wkt().hasPrefix("POLYGON (("))
        #expect(try lifted.shape("KP")!.wkt() == flat.shape("KP")!.wkt())
        #expect(lifted.population("ES") == 2)
        #expect(lifted.warnings.isEmpty)

        let point = try Self.read(Self.text(#"{"type":"Feature","properties":{"iso2":"MC"},"geometry":{"type":"Point","coordinates":[7.4,43.7,12]}}"#))
        #expect(try point.shape("MC")!.wkt() == "POINT (7.4 43.7)")
        let multi = try Self.read(Self.text(#"{"type":"Feature","properties":{"iso2":"ES"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,40,1],[2,40,1],[2,42,1],[0,42,1],[0,40,1]]]]}}"#))
        #expect(try multi.shape("ES")!.area() == 4)
    }

    /// The bundled file goes to GEOS as it is, without the slower reading (three times slower).
    @Test(.tags(.bundledData)) func theBundledFileNeedsNoCheckedReading() throws {
        let data = try #require(FileManager.default.contents(atPath: Repo.data.boundaries))
        #expect(!FeatureText.needsCheckedReading(data))
        #expect(FeatureText.needsCheckedReading(Data("[[1,2],[ ]]".utf8)))
        #expect(FeatureText.needsCheckedReading(Data("[[1,2],[3,4,5]]".utf8)))
        #expect(!FeatureText.needsCheckedReading(Data("[[1,2],[3,4]]".utf8)))
    }

    /// A ring is closed when its first and last longitude and latitude agree, whatever their altitudes.
    @Test func aRingClosesOnLongitudeAndLatitude() throws {
        #expect(Self.error(Self.spain("[[[0,40,5],[2,40,5],[2,42,5],[0,42,5],[0,40,6]]]")) == nil)
        #expect(Self.error(Self.spain("[[[0,40,5],[2,40,5],[2,42,5],[0,42,5],[0,41,5]]]"))?.message.hasPrefix("feature 2: polygon 1 ring 1 is not closed") == true)
    }

    @Test func propertiesOfTheWrongTypeAreNamed() {
        func message(_ properties: String) -> String? {
            let e = Self.error(Self.spain(Self.square, properties: properties))
            #expect(e?.line == 3)
            return e?.message
        }
        #expect(message(#"{"iso2":"ES","pop_est":"12"}"#) == "feature 2: pop_est must be a number, not a string")
        #expect(message(#"{"iso2":"ES","pop_est":[1]}"#) == "feature 2: pop_est must be a number, not an array")
        #expect(message(#"{"iso2":"ES","pop_est":{"n":1}}"#) == "feature 2: pop_est must be a number, not an object")
        #expect(message(#"{"iso2":"ES","pop_est":false}"#) == "feature 2: pop_est must be a number, not a boolean")
        #expect(message(#"{"iso2":"ES","pop_est":-0.5}"#) == "feature 2: pop_est is -0.5; a population cannot be negative")
        #expect(message(#"{"iso2":true}"#) == "feature 2: iso2 must be a string, not a boolean")
        #expect(message(#"{"iso2":["ES"]}"#) == "feature 2: iso2 must be a string, not an array")
        #expect(message(#"{"pop_est":1}"#) == "feature 2: no iso2 property")
        #expect(message("[1]") == "feature 2: properties must be an object, not an array")
    }

    /// Codes the gazetteer does not know are warned about once, at their feature, in file
    /// order with the repairs; an alias says which country was meant.
    @Test func unknownCodesAreWarnedAbout() throws {
        let gazetteer = Gazetteer(countries: [
            Country(iso2: "KP", iso3: "PRK", name: "North Korea", capital: "Pyongyang", capitalLocation: XY(125.75, 39.02), region: "Asia", subregion: "Eastern Asia"),
            Country(iso2: "GB", iso3: "GBR", name: "United Kingdom", capital: "London", capitalLocation: XY(-0.13, 51.51), region: "Europe", subregion: "Northern Europe"),
        ], cities: [], aliases: [(iso2: "GB", alias: "UK")])
        let text = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"iso2":"uk"},"geometry":{"type":"Polygon","coordinates":[[[-2,50],[0,50],[0,52],[-2,52],[-2,50]]]}},
        {"type":"Feature","properties":{"iso2":"KP"},"geometry":{"type":"Polygon","coordinates":[[[0,40],[2,42],[2,40],[0,42],[0,40]]]}},
        {"type":"Feature","properties":{"iso2":"ZZ"},"geometry":{"type":"Point","coordinates":[0,0]}}
        ]}
        """
        let boundaries = try Self.read(text)
        #expect(boundaries.warnings.count == 1)
        #expect(boundaries.warnings(against: gazetteer).map(\.description) == [
            "t.geojson:2: warning: feature 1: iso2 UK is not a country in the gazetteer (capitals.csv): it is drawn on maps but counted in no region (did you mean GB, United Kingdom?)",
            "t.geojson:3: warning: feature 2: KP is not a valid polygon (Self-intersection[1 41]); repaired with GEOS MakeValid",
            "t.geojson:4: warning: feature 3: iso2 ZZ is not a country in the gazetteer (capitals.csv): it is drawn on maps but counted in no region",
        ])
    }

    /// Every code of the bundled file is in the bundled gazetteer: it has no such warnings.
    @Test(.tags(.bundledData)) func theBundledFileHasOnlyKnownCodes() throws {
        let boundaries = try Boundaries(file: Repo.data.boundaries)
        #expect(boundaries.warnings(against: try Repo.data.gazetteer()) == boundaries.warnings)
    }

    /// Foundation's own type errors inside a feature are reported at the feature's line.
    @Test func typeErrorsInAFeatureAreAtItsLine() {
        let e = Self.error(Self.text(#"{"type":"Feature","properties":{"iso2":"ES"},"geometry":"POLYGON ((0 40, 2 40, 2 42, 0 40))"}"#))
        #expect(e?.line == 3)
        #expect(e?.message.hasPrefix("feature 2: at .geometry: ") == true)
    }

    /// Absent or null pop_est is not known (0); -0 is 0.
    @Test func populationNotKnown() throws {
        #expect(try Self.read(Self.spain(Self.square, properties: #"{"iso2":"ES"}"#)).population("ES") == 0)
        #expect(try Self.read(Self.spain(Self.square, properties: #"{"iso2":"ES","pop_est":null}"#)).population("ES") == 0)
        let zero = try Self.read(Self.spain(Self.square, properties: #"{"iso2":"ES","pop_est":-0}"#)).population("ES")
        #expect(zero == 0 && zero.sign == .plus)
    }

    /// JSON's grammar, checked by our own scan before Foundation's decoder (which lets `01`,
    /// `1.`, trailing commas and bad escapes through where it is not asked to decode) and GEOS.
    @Test(arguments: [
        ("{\"a\":01}", 1, "not valid JSON: '01' is not a JSON number"),
        ("{\"a\":1.}", 1, "not valid JSON: '1.' is not a JSON number"),
        ("{\"a\":-}", 1, "not valid JSON: '-' is not a JSON number"),
        ("{\"a\":1e}", 1, "not valid JSON: '1e' is not a JSON number"),
        ("{\"a\":.5}", 1, "not valid JSON: '.5' is not a JSON number"),
        ("{\"a\":+1}", 1, "not valid JSON: '+1' is not a JSON number"),
        ("{\"a\":\n-NaN}", 2, "not valid JSON: '-NaN' is not a JSON number: JSON has no NaN or infinity"),
        ("{\"a\":inf}", 1, "not valid JSON: 'inf' is not a JSON number: JSON has no NaN or infinity"),
        ("{\"a\":-0X1F}", 1, "not valid JSON: '-0X1F' is not a JSON number: JSON numbers are decimal"),
        ("{\"a\":True}", 1, "not valid JSON: expected a value, found 'True'"),
        ("{\"a\":[1,]}", 1, "not valid JSON: a comma before ']' (JSON has no trailing commas)"),
        ("{\"a\":1,}", 1, "not valid JSON: a comma before '}' (JSON has no trailing commas)"),
        ("{\"a\" 1}", 1, "not valid JSON: expected ':' after a member name, found '1'"),
        ("{\"a\":1 \"b\":2}", 1, "not valid JSON: expected ',' or '}', found '\"'"),
        ("[1 2]", 1, "not valid JSON: expected ',' or ']', found '2'"),
        ("{'a':1}", 1, "not valid JSON: expected a member name in double quotes, found \"'a'\""),
        ("{\"a\":\"\\x\"}", 1, "not valid JSON: '\\x' is not an escape JSON knows"),
        ("{\"a\":\"\\u12\"}", 1, "not valid JSON: \\u in a string must be followed by four hexadecimal digits"),
        ("{\"a\":\"\\u+123\"}", 1, "not valid JSON: \\u in a string must be followed by four hexadecimal digits"),
        ("{\"a\":\"\\ud800\"}", 1, "not valid JSON: \\uD800 is half of a UTF-16 surrogate pair"),
        ("{\"a\":\"\\udc00\\ud800\"}", 1, "not valid JSON: \\uDC00 is half of a UTF-16 surrogate pair"),
        ("{\"a\":\"x\ty\"}", 1, "not valid JSON: control character U+0009 inside a string (write it as an escape)"),
        ("{\"a\":\"x\ny\"}", 1, "not valid JSON: a line break inside a string (a string must end on the line it starts)"),
        ("{\"a\":\"x", 1, "not valid JSON: the file ends inside a string"),
        ("{\"a\":[\n", 2, "not valid JSON: the file ends inside an array that is not closed"),
        ("{\"a\":{\"b\":1}", 1, "not valid JSON: the file ends inside an object that is not closed"),
        ("{} {}", 1, "not valid JSON: more text after the end of the JSON value: '{'"),
        ("{\"a\":1e400}", 1, "the number '1e400' is too large for a 64-bit float"),
        ("{\"a\":-1.8e308}", 1, "the number '-1.8e308' is too large for a 64-bit float"),
        ("{\"a\":1e-400}", 1, "the number '1e-400' is too small for a 64-bit float (not 0, but nearer 0 than 5e-324)"),
        ("{\"a\":" + String(repeating: "9", count: 400) + "}", 1, "the number '999999999999999999999999…' is too large for a 64-bit float"),
        ("{\"a\":\n" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}", 2,
         "nested too deeply: more than 512 arrays and objects inside one another"),
    ])
    func notJSON(text: String, line: Int, message: String) {
        let problem = FeatureText.syntaxProblem(in: Data(text.utf8))
        #expect(problem?.line == line)
        #expect(problem?.message == message)
    }

    @Test(arguments: [
        "{\"a\":[0,-0,1.5,-2.25e-3,1E+2,0e-999,1e308,4e-324,12345678901234567890,true,false,null]}",
        "\u{FEFF}{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 é\"}",
        " [ ] ", "{}", "\"s\"", "0",
        "{\"a\":" + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}",
    ])
    func json(text: String) {
        #expect(FeatureText.syntaxProblem(in: Data(text.utf8)) == nil)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil)
    }

    /// Random edits of a boundaries file: what the scan takes, Foundation's parser takes too
    /// (Foundation takes trailing commas besides, which the scan refuses as GEOS does).
    @Test func theScanIsNoLaxerThanFoundation() {
        let seed = Array(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso2":"K\u00e9P","pop_est":1.5e3,"n":null,"b":true},"geometry":{"type":"Polygon","coordinates":[[[125,-38.25],[129,38],[0,42E-2],[125,38]]]}}]}"#.utf8)
        let alphabet = Array(#"[]{},:"\ 0123456789-+.eExuabd"#.utf8) + [0x09, 0x0A, 0xC3, 0xA9]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { // a fixed sequence, so that a failure repeats
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var checked = 0
        for _ in 0..<20_000 {
            var b = seed
            for _ in 0...next(3) {
                let k = next(b.count)
                switch next(3) {
                case 0: b[k] = alphabet[next(alphabet.count)]
                case 1: b.remove(at: k)
                default: b.insert(alphabet[next(alphabet.count)], at: k)
                }
            }
            let data = Data(b)
            guard String(data: data, encoding: .utf8) != nil, FeatureText.syntaxProblem(in: data) == nil else { continue }
            checked += 1
            #expect((try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil, "\(String(decoding: b, as: UTF8.self))")
        }
        #expect(checked > 100)
    }
}
