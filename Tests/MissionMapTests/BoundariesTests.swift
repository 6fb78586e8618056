import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// The boundaries reader on hand-made files: what it accepts, and where and how it refuses.
/// (The end-to-end corpus in Fixtures/bad-boundaries checks the commands' messages.)
@Suite struct BoundariesTests {
    static let kp = #"{"type":"Feature","properties":{"iso2":"KP","pop_est":1},"geometry":{"type":"Polygon","coordinates":[[[125,38],[129,38],[129,42],[125,42],[125,38]]]}}"#

    /// A collection of KP (line 2) and the given feature (line 3).
    static func text(_ feature: String) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n\(kp),\n\(feature)\n]}\n"
    }

    static func read(_ text: String) throws -> Boundaries {
        try Boundaries(data: Data(text.utf8), file: "t.geojson", context: GEOSContext())
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
    @Test func theBundledFileNeedsNoCheckedReading() throws {
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

    /// Absent or null pop_est is not known (0); -0 is 0.
    @Test func populationNotKnown() throws {
        #expect(try Self.read(Self.spain(Self.square, properties: #"{"iso2":"ES"}"#)).population("ES") == 0)
        #expect(try Self.read(Self.spain(Self.square, properties: #"{"iso2":"ES","pop_est":null}"#)).population("ES") == 0)
        let zero = try Self.read(Self.spain(Self.square, properties: #"{"iso2":"ES","pop_est":-0}"#)).population("ES")
        #expect(zero == 0 && zero.sign == .plus)
    }
}
