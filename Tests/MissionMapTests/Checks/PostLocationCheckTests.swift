import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// Typed lat/lon against the bundled boundaries: a dropped minus, swapped lat and lon, a
/// point far off, and a point off a coast within 25 km.
@Suite(.tags(.unit, .bundledData)) struct PostLocationCheckTests {
    let gazetteer: Gazetteer
    let boundaries: Boundaries
    let session: GeoSession

    init() throws {
        gazetteer = try Repo.data.gazetteer()
        session = try GeoSession()
        boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
    }

    func errors(_ rows: String) throws -> [String] {
        let log = "post_id,date,event,sender,host,city,type,lat,lon,source\n" + rows
        let network = try MissionsLog.load(data: Data(log.utf8), file: "log.csv", gazetteer: gazetteer)
        return try PostLocationCheck.errors(in: network, file: "log.csv", boundaries: boundaries, session: session).map(\.description)
    }

    @Test func aDroppedMinusIsFoundAndNamed() throws {
        let found = try errors("IS-CA-WPG,2020-01-01,opened,IS,CA,Winnipeg,consulate-general,49.9,97.1,https://example.org\n")
        #expect(found.count == 1)
        let message = try #require(found.first)
        #expect(message.hasPrefix("log.csv:2: error: Winnipeg (post IS-CA-WPG) at lat,lon 49.9,97.1 is "))
        #expect(message.hasSuffix("with lon -97.1 it would be inside: a dropped minus?"))
        // The distance to Canada, and to Winnipeg (49.8844, -97.147): both measured, not guessed.
        let km = Geodesic.wgs84.distance(XY(97.1, 49.9), XY(-97.147, 49.8844)) / 1000
        #expect(message.contains("km from the gazetteer's Winnipeg"))
        #expect(message.contains("\(PostLocationCheck.rounded(km)) km from"), "\(km)")
        #expect(km > 8000 && km < 10000)
    }

    @Test func aDroppedLatitudeMinusAndSwappedLatLon() throws {
        let found = try errors("""
            IS-AU-SYD,2020-01-01,opened,IS,AU,Sydney,consulate-general,33.8678,151.2073,https://example.org
            IS-DE-BER,2020-01-01,opened,IS,DE,Berlin,embassy,13.405,52.52,https://example.org

            """)
        #expect(found.count == 2)
        #expect(found[0].hasSuffix("with lat -33.8678 it would be inside: a dropped minus?"))
        #expect(found[1].hasSuffix("read as 52.52,13.405 it would be inside: lat and lon swapped?"))
    }

    @Test func aPointFarOffWithNoSlipToUndo() throws {
        let found = try errors("IS-US-NYC,2020-01-01,opened,IS,US,New York,consulate-general,10,10,https://example.org\n")
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("check the lat/lon (decimal degrees, lat first), or leave them empty to place the post by its city") == true)
    }

    @Test func offACoastWithin25KmIsAcceptedAndBeyondIsNot() throws {
        let host = try PostLocationCheck.Host(#require(try boundaries.shape("IS", in: session)).validOrRepaired(), session)
        let near = try host.kmOutside(XY(-23.0, 64.15)), far = try host.kmOutside(XY(-23.5, 64.15))
        #expect(near > 10 && near < 25, "\(near)")
        #expect(far > 25, "\(far)")
        #expect(try host.kmOutside(XY(-21.9426, 64.1466)) == 0, "Reykjavík is inside")
        #expect(try errors("NO-IS-1,2020-01-01,opened,NO,IS,Offshore,consulate,64.15,-23.0,https://example.org\n").isEmpty)
        let beyond = try errors("NO-IS-1,2020-01-01,opened,NO,IS,Offshore,consulate,64.15,-23.5,https://example.org\n")
        #expect(beyond.count == 1)
        #expect(beyond.first?.contains("is \(PostLocationCheck.rounded(far)) km outside Iceland (IS), more than the 25 km") == true)
    }

    @Test func postsPlacedByTheirCityOrInHostsWithoutPolygonsAreNotChecked() throws {
        // Posts by their city: the gazetteer's own test covers the cities.
        #expect(try errors("IS-CA-WPG,2020-01-01,opened,IS,CA,Winnipeg,consulate-general,,,https://example.org\n").isEmpty)
        // Boundaries that lack Canada: its posts are skipped, Iceland's still checked.
        let square = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso2":"IS","pop_est":1},"geometry":{"type":"Polygon","coordinates":[[[-25,63],[-13,63],[-13,67],[-25,67],[-25,63]]]}}]}"#
        let icelandOnly = try Boundaries(data: Data(square.utf8), file: "is.geojson", session: session)
        let log = "post_id,date,event,sender,host,city,type,lat,lon,source\n"
            + "NO-CA-1,2020-01-01,opened,NO,CA,Somewhere,consulate,0,0,https://example.org\n"
            + "NO-IS-1,2020-01-01,opened,NO,IS,Somewhere,consulate,0,0,https://example.org\n"
        let network = try MissionsLog.load(data: Data(log.utf8), file: "log.csv", gazetteer: gazetteer)
        let found = try PostLocationCheck.errors(in: network, file: "log.csv", boundaries: icelandOnly, session: session)
        #expect(found.map(\.line) == [3])
    }
}
