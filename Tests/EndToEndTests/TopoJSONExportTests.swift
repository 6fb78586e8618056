import Foundation
import Testing

/// `missionmap export` as TopoJSON: chosen by --format or by the extension of -o, read by
/// GDAL like the GeoJSON of the same network, smaller, and the same bytes every time.
@Suite(.tags(.endToEnd)) final class TopoJSONExportTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The sum of GDAL's feature counts over every layer (the TopoJSON driver makes one per object).
    func featureCount(_ file: String) throws -> Int {
        let info = try CLI.tool("ogrinfo", ["-ro", "-al", "-so", file])
        #expect(info.status == 0 && info.stderr.isEmpty, "GDAL on \(file): \(info.stderr)")
        return info.stdout.split(separator: "\n").compactMap { line in
            line.hasPrefix("Feature Count: ") ? Int(line.dropFirst("Feature Count: ".count)) : nil
        }.reduce(0, +)
    }

    /// The bundled network of 2024-02-01 with countries: 211 features either way; measured
    /// 734,284 bytes of TopoJSON against 1,208,564 of GeoJSON (61%).
    @Test func gdalReadsAsManyFeaturesAsFromTheSmallerGeoJSON() throws {
        let topo = path("network.topojson"), geo = path("network.geojson")
        for file in [topo, geo] {
            let run = try CLI.missionmap(["export", "--countries", "--as-of", "2024-02-01", "-o", file])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        }
        let text = try String(contentsOfFile: topo, encoding: .utf8)
        #expect(text.hasPrefix(#"{"type":"Topology","#), "the extension chose TopoJSON")
        let count = try featureCount(topo), geoCount = try featureCount(geo)
        #expect(count > 0 && count == geoCount)
        let sizes = try [topo, geo].map { try #require(try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) }
        #expect(sizes[0] < sizes[1] * 2 / 3, "TopoJSON \(sizes[0]) bytes, GeoJSON \(sizes[1])")
    }

    @Test func sameBytesEveryTime() throws {
        let a = path("a.topojson"), b = path("b.topojson")
        for file in [a, b] {
            #expect(try CLI.missionmap(["export", "--countries", "--sender", "all", "--as-of", "2024-02-01", "-o", file]).status == 0)
        }
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        let out = try CLI.missionmap(["export", "--countries", "--sender", "all", "--as-of", "2024-02-01", "--format", "topojson"])
        #expect(out.status == 0 && Data(out.stdout.utf8) == FileManager.default.contents(atPath: a), "stdout holds the same bytes")
    }

    @Test func formatAndExtensionMustAgree() throws {
        let clash = try CLI.missionmap(["export", "--format", "topojson", "-o", path("x.geojson")])
        #expect(clash.status == 64 && clash.stderr.contains("names geojson, but --format says topojson"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("x.geojson")))
        #expect(try CLI.missionmap(["export", "--format", "geojson", "-o", path("x.topojson")]).status == 64)
        #expect(try CLI.missionmap(["export", "-o", path("x.svg")]).status == 64, "export writes no SVG")
        // Agreeing, or an extension that names no format: as asked.
        #expect(try CLI.missionmap(["export", "--format", "topojson", "-o", path("x.topojson")]).status == 0)
        let plain = path("network.out")
        #expect(try CLI.missionmap(["export", "--format", "topojson", "-o", plain]).status == 0)
        #expect(try String(contentsOfFile: plain, encoding: .utf8).hasPrefix(#"{"type":"Topology","#))
        let json = path("network.json")
        #expect(try CLI.missionmap(["export", "-o", json]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix(#"{"type":"FeatureCollection","#), ".json is GeoJSON")
    }
}
