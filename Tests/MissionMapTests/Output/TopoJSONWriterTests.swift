import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// Reads a TopoJSON topology with Foundation, independently of the writer: undoes the
/// delta encoding and the transform, and gives each geometry as GeoJSON-like coordinates.
struct TopoJSONReader {
    let json: [String: Any]
    let geometries: [[String: Any]]
    /// Arcs on the grid, absolute.
    let arcs: [[[Int]]]
    let scale: [Double], translate: [Double]

    init(_ text: String) throws {
        json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "Topology")
        let objects = try #require(json["objects"] as? [String: Any])
        #expect(Array(objects.keys) == ["network"])
        let network = try #require(objects["network"] as? [String: Any])
        #expect(network["type"] as? String == "GeometryCollection")
        geometries = try #require(network["geometries"] as? [[String: Any]])
        let encoded = try #require(json["arcs"] as? [[[Int]]])
        arcs = encoded.map { arc in
            var x = 0, y = 0
            return arc.map { delta in
                x += delta[0]
                y += delta[1]
                return [x, y]
            }
        }
        let transform = json["transform"] as? [String: Any]
        scale = transform?["scale"] as? [Double] ?? [1, 1]
        translate = transform?["translate"] as? [Double] ?? [0, 0]
    }

    func position(_ q: [Int]) -> XY {
        XY(translate[0] + Double(q[0]) * scale[0], translate[1] + Double(q[1]) * scale[1])
    }

    func arc(_ i: Int) -> [XY] {
        let grid = i >= 0 ? arcs[i] : arcs[~i].reversed()
        return grid.map(position)
    }

    /// A ring's positions: each arc after the first adds all but its first position.
    func ring(_ refs: [Int]) -> [XY] {
        refs.reduce(into: [XY]()) { out, ref in out += out.isEmpty ? arc(ref)[...] : arc(ref).dropFirst() }
    }

    /// A Polygon or MultiPolygon geometry's polygons.
    func polygons(_ geometry: [String: Any]) -> [[[XY]]] {
        switch geometry["type"] as? String {
        case "Polygon": [(geometry["arcs"] as? [[Int]] ?? []).map(ring)]
        case "MultiPolygon": (geometry["arcs"] as? [[[Int]]] ?? []).map { $0.map(ring) }
        default: []
        }
    }

    /// The arcs a geometry uses, as indices (reversed ones undone).
    func arcIndices(_ geometry: [String: Any]) -> Set<Int> {
        func flat(_ value: Any?) -> [Int] {
            if let n = value as? Int { return [n] }
            return (value as? [Any] ?? []).flatMap(flat)
        }
        return Set(flat(geometry["arcs"]).map { $0 >= 0 ? $0 : ~$0 })
    }
}

@Suite(.tags(.unit)) struct TopoJSONWriterTests {
    // AA and BB are unit squares side by side; CC an island in the Pacific.
    static func boundaries(_ session: GeoSession) throws -> Boundaries {
        let square = { (x: Int, y: Int) in #"{"type":"Polygon","coordinates":[[[\#(x),\#(y)],[\#(x + 1),\#(y)],[\#(x + 1),\#(y + 1)],[\#(x),\#(y + 1)],[\#(x),\#(y)]]]}"# }
        let features = [("AA", square(10, 10)), ("BB", square(11, 10)), ("CC", square(-171, -16))].map { code, geometry in
            #"{"type":"Feature","properties":{"iso2":"\#(code)","pop_est":1},"geometry":\#(geometry)}"#
        }
        return try Boundaries(data: Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8),
                              file: "squares.geojson", session: session)
    }

    static func snapshot() throws -> Snapshot {
        try Fixture.network("""
        A-BB,2020-01-01,opened,AA,BB,,embassy,,,,http://s/1,
        A-CC,2021-01-01,accredited,AA,CC,,embassy,A-BB,,,http://s/2,
        """).snapshot(sender: "AA", asOf: Day("2022-01-01")!)
    }

    /// Decoding adds steps times the scale to the corner: the 6-decimal value, nearly.
    static func near(_ a: XY?, _ b: XY) -> Bool {
        a.map { abs($0.x - b.x) < 1e-9 && abs($0.y - b.y) < 1e-9 } ?? false
    }

    @Test func sameFeaturesAndPropertiesAsGeoJSONWithSharedBorders() throws {
        let session = try GeoSession()
        let countries = (try Self.boundaries(session), session)
        let topo = try TopoJSONReader(try TopoJSONWriter().string(Self.snapshot(), countries: countries))
        let geo = try #require(try JSONSerialization.jsonObject(with: Data(GeoJSONWriter().string(Self.snapshot(), countries: countries).utf8)) as? [String: Any])
        let features = try #require(geo["features"] as? [[String: Any]])
        #expect(topo.geometries.map { $0["id"] as? String } == features.map { $0["id"] as? String })
        #expect(topo.geometries.map { $0["id"] as? String } == ["A-BB", "A-CC", "A-BB>A-CC", "country:AA:AA", "country:AA:BB", "country:AA:CC"])
        for (a, b) in zip(topo.geometries, features) {
            let sorted = { (value: Any?) in try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed]) }
            #expect(try sorted(a["properties"]) == sorted(b["properties"]), "\(a["id"] ?? "?")")
            #expect(a["type"] as? String == (b["geometry"] as? [String: Any])?["type"] as? String)
        }
        let post = try #require(topo.geometries.first)
        #expect(Self.near(topo.position(try #require(post["coordinates"] as? [Int])), XY(20, 10)))
        // AA and BB share one arc, walked one way by AA and the other by BB.
        let aa = try #require(topo.geometries.first { $0["id"] as? String == "country:AA:AA" })
        let bb = try #require(topo.geometries.first { $0["id"] as? String == "country:AA:BB" })
        let shared = topo.arcIndices(aa).intersection(topo.arcIndices(bb))
        #expect(shared.count == 1)
        #expect(Set(topo.arc(try #require(shared.first))) == [XY(11, 10), XY(11, 11)])
        // Arcs: the shared edge, the rest of each square, the island, the line's two parts.
        #expect(topo.arcs.count == 6)
        let squares = topo.polygons(aa) + topo.polygons(bb)
        #expect(squares.count == 2 && squares.allSatisfy { $0.count == 1 && $0[0].count == 5 && $0[0].first == $0[0].last })
        #expect(Set(squares.joined().joined()) == Set([10, 11, 12].flatMap { x in [XY(Double(x), 10), XY(Double(x), 11)] }))
    }

    @Test func transformAndBoundingBoxCoverEverything() throws {
        let session = try GeoSession()
        let text = try TopoJSONWriter().string(Self.snapshot(), countries: (try Self.boundaries(session), session))
        let topo = try TopoJSONReader(text)
        #expect(topo.scale == [0.000001, 0.000001])
        let bbox = try #require(topo.json["bbox"] as? [Double])
        #expect(topo.translate == [bbox[0], bbox[1]])
        // The box is the extent of every position written: the arcs' and the points'.
        let points = topo.geometries.compactMap { $0["coordinates"] as? [Int] }.map(topo.position)
        let extent = try #require(Bounds(of: topo.arcs.indices.flatMap(topo.arc) + points))
        #expect(bbox == [extent.minX, extent.minY, extent.maxX, extent.maxY].map { ($0 * 1e6).rounded() / 1e6 })
        #expect(bbox[0] == -180 && bbox[2] == 180, "the line crosses ±180°")
        #expect(text.hasPrefix(#"{"type":"Topology","bbox":["#) && text.contains(#""transform":{"scale":[0.000001,0.000001],"translate":["#))
        // The line from Beeland's capital (20, 10) to Ceeland's (-170, -15) crosses ±180°.
        let line = try #require(topo.geometries.first { $0["id"] as? String == "A-BB>A-CC" })
        #expect(line["type"] as? String == "MultiLineString")
        let parts = try #require(line["arcs"] as? [[Int]]).map { topo.arc($0[0]) }
        #expect(parts.count == 2 && abs(parts[0].last!.x) == 180 && parts[0].last!.x == -parts[1].first!.x)
        #expect(Self.near(parts[0].first, XY(20, 10)) && Self.near(parts[1].last, XY(-170, -15)))
    }

    @Test func withoutCountriesOrFeatures() throws {
        let topo = try TopoJSONReader(try TopoJSONWriter().string(Self.snapshot()))
        #expect(topo.geometries.count == 3 && topo.arcs.count == 2, "two parts of the line, no polygons")
        let empty = try TopoJSONWriter(statuses: [.planned]).string(Self.snapshot())
        #expect(empty == "{\"type\":\"Topology\",\"objects\":{\"network\":{\"type\":\"GeometryCollection\",\"geometries\":[\n\n]}},\"arcs\":[\n\n]}\n")
        _ = try TopoJSONReader(empty)
    }

    @Test func coarseGridDropsRingsThatCollapse() throws {
        let session = try GeoSession()
        // At one decimal a 0.01° square rounds to one position: the country is left out.
        let tiny = #"{"type":"Feature","properties":{"iso2":"BB","pop_est":1},"geometry":{"type":"Polygon","coordinates":[[[11,10],[11.01,10],[11.01,10.01],[11,10.01],[11,10]]]}}"#
        let boundaries = try Boundaries(data: Data(#"{"type":"FeatureCollection","features":[\#(tiny)]}"#.utf8), file: "tiny.geojson", session: session)
        let topo = try TopoJSONReader(try TopoJSONWriter(decimals: 1).string(Self.snapshot(), countries: (boundaries, session)))
        #expect(!topo.geometries.contains { ($0["id"] as? String)?.hasPrefix("country:") == true })
        #expect(topo.arcs.count == 2, "only the line's")
    }
}

@Suite(.tags(.unit, .bundledData)) struct BundledTopoJSONTests {
    /// Every feature decodes to the GeoJSON's positions (rings may start elsewhere), every
    /// polygon is valid, and the two files' sizes are those the README gives.
    /// Each ring as its positions in text, sorted, and the rings sorted: equal whatever the
    /// ring's start or the polygons' order.
    static func rings(_ polygons: [[[[Double]]]]) -> [String] {
        polygons.joined().map { ring in Set(ring.map { "\($0)" }).sorted().joined(separator: " ") }.sorted()
    }

    @Test func decodesToTheGeoJSONPositionsAndStaysValid() throws {
        let network = try MissionsLog.load(file: Repo.data.missions, gazetteer: Repo.data.gazetteer())
        let session = try GeoSession()
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let snapshot = network.snapshot(sender: "KP", asOf: Day("2024-02-01")!)
        let topoText = try TopoJSONWriter().string(snapshot, countries: (boundaries, session))
        let geoText = try GeoJSONWriter().string(snapshot, countries: (boundaries, session))
        #expect(topoText.utf8.count < geoText.utf8.count * 2 / 3, "\(topoText.utf8.count) vs \(geoText.utf8.count) bytes")
        #expect(try TopoJSONWriter().string(snapshot, countries: (boundaries, session)) == topoText, "byte-stable")
        let topo = try TopoJSONReader(topoText)
        let geo = try #require(try JSONSerialization.jsonObject(with: Data(geoText.utf8)) as? [String: Any])
        let features = try #require(geo["features"] as? [[String: Any]])
        #expect(topo.geometries.count == features.count)
        // Positions compared as GeoJSON writes them, at 6 decimals.
        let written = { (p: XY) in [(p.x * 1e6).rounded() / 1e6, (p.y * 1e6).rounded() / 1e6] }
        for (a, b) in zip(topo.geometries, features) where a["type"] as? String == "Polygon" || a["type"] as? String == "MultiPolygon" {
            let geometry = try #require(b["geometry"] as? [String: Any])
            let given = (geometry["type"] as? String == "Polygon" ? [geometry["coordinates"] as? [[[Double]]] ?? []] : geometry["coordinates"] as? [[[[Double]]]] ?? [])
            let decoded = topo.polygons(a)
            #expect(Self.rings(decoded.map { $0.map { $0.map(written) } }) == Self.rings(given), "\(a["id"] ?? "?")")
            let shape = try session.geos.multiPolygon(decoded)
            #expect(try shape.isValid, "\(a["id"] ?? "?")")
        }
    }
}
