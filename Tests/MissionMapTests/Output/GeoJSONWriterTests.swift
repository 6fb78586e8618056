import Foundation
import GeoKit
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct GeoJSONWriterTests {
    /// Parses the writer's output with Foundation: a checker independent of the writer.
    func features(_ text: String) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "FeatureCollection")
        return try #require(json["features"] as? [[String: Any]])
    }

    @Test func postsAndAccreditationLinesWithContractProperties() throws {
        let network = try Fixture.network("""
        A-BB,2020-01-01,opened,AA,BB,,embassy,,,,http://s/1,
        A-CC,2021-01-01,accredited,AA,CC,,embassy,A-BB,,,http://s/2,"note, quoted"
        """)
        let text = try GeoJSONWriter().string(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!))
        let all = try features(text)
        #expect(all.count == 3)
        let post = try #require(all.first { ($0["id"] as? String) == "A-BB" })
        let props = try #require(post["properties"] as? [String: Any])
        #expect(props["kind"] as? String == "post" && props["status"] as? String == "open")
        #expect(props["host_name"] as? String == "Beeland" && props["region"] as? String == "Europe")
        #expect(props["accredited_from"] is NSNull && props["opened"] as? String == "2020-01-01")
        #expect((post["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [20, 10])
        let covered = try #require(all.first { ($0["id"] as? String) == "A-CC" }?["properties"] as? [String: Any])
        #expect(covered["status"] as? String == "cross-accredited" && covered["accredited_from"] as? String == "A-BB")
        let line = try #require(all.first { ($0["properties"] as? [String: Any])?["kind"] as? String == "accreditation" })
        #expect(line["id"] as? String == "A-BB>A-CC")
        #expect((line["properties"] as? [String: Any])?["since"] as? String == "2021-01-01")
    }

    @Test func coordinatesAreRoundedToSixDecimals() throws {
        let network = try Fixture.network("A,2020-01-01,opened,AA,BB,,embassy,,12.3456789,-0.0000001,s,\n")
        let text = try GeoJSONWriter().string(network.snapshot(sender: "AA", asOf: Day("2022-01-01")!))
        #expect(text.contains("\"coordinates\":[0,12.345679]"), "rounded, no -0, no exponent")
    }

    @Test func limaToFijiIsSplitAtTheAntimeridian() throws {
        let network = try Fixture.network("""
        A-PE,2020-01-01,opened,AA,PE,,embassy,,,,s,
        A-FJ,2020-01-01,accredited,AA,FJ,,embassy,A-PE,,,s,
        """)
        let text = try GeoJSONWriter().string(network.snapshot(sender: "AA", asOf: Day("2021-01-01")!))
        let line = try #require(try features(text).first { $0["id"] as? String == "A-PE>A-FJ" })
        let geometry = try #require(line["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiLineString")
        let parts = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(parts.count == 2)
        // No step jumps across the map, and the parts meet on ±180° at the same latitude.
        for part in parts {
            for (a, b) in zip(part, part.dropFirst()) { #expect(abs(a[0] - b[0]) < 2) }
        }
        let end = try #require(parts[0].last), start = try #require(parts[1].first)
        #expect(abs(end[0]) == 180 && end[0] == -start[0] && end[1] == start[1])
        #expect(parts[0].first == [-77.0428, -12.0464] && parts[1].last == [178.4419, -18.1416])
    }
}

@Suite(.tags(.unit)) struct AntimeridianSplitTests {
    @Test func endOnTheMeridianMakesNoEmptyPart() {
        let parts = Antimeridian.split([XY(170, -16), XY(179, -16), XY(-180, -16)])
        #expect(parts == [[XY(170, -16), XY(179, -16), XY(180, -16)]])
    }

    @Test func pathThatNeverCrossesStaysWhole() {
        let path = [XY(-3.7, 40.4), XY(5, 41), XY(12.5, 41.9)]
        #expect(Antimeridian.split(path) == [path])
    }
}

@Suite(.tags(.unit, .bundledData)) struct GeoJSONPolygonValidityTests {
    /// Every country polygon, read back by GEOS from the written text, is valid at 6 and at 2 decimals.
    @Test(arguments: [6, 2])
    func writtenPolygonsAreValidAfterRounding(decimals: Int) throws {
        let network = try MissionsLog.load(file: Repo.data.missions, gazetteer: Repo.data.gazetteer())
        let session = try GeoSession()
        let geos = session.geos
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let snapshot = network.snapshot(sender: "KP", asOf: Day("2024-01-01")!)
        let text = try GeoJSONWriter(decimals: decimals).string(snapshot, countries: (boundaries, session))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let countries = try #require(json["features"] as? [[String: Any]]).filter { ($0["properties"] as? [String: Any])?["kind"] as? String == "country" }
        // Every host with a status, and the sender.
        #expect(countries.count == snapshot.countryStatuses.count + 1)
        for feature in countries {
            let geometry = try JSONSerialization.data(withJSONObject: try #require(feature["geometry"]))
            let shape = try geos.geometry(geoJSON: String(decoding: geometry, as: UTF8.self))
            let reason = try shape.validityReason()
            #expect(try shape.isValid, "\(feature["id"] ?? "?"): \(reason)")
        }
    }
}
