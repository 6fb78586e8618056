import Foundation
import Testing

/// Outputs that other tools read back as they are: every CSV row has the header's fields (read
/// by Python's csv module and pandas), `-o` chooses the format on every command, one type per
/// field in JSON, and exports that GDAL converts to GeoPackage, Shapefile and KML.
@Suite(.tags(.endToEnd)) final class RoundTripTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    func file(_ name: String) -> String { dir.appendingPathComponent(name).path }

    @discardableResult
    func missionmap(_ arguments: [String]) throws -> String {
        let run = try CLI.missionmap(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run.stdout
    }

    /// Reads a CSV with Python's csv module (and with pandas where installed): the header, the
    /// number of rows, and the set of row lengths, which must be the header's alone.
    func readBack(_ path: String) throws -> (header: [String], rows: Int) {
        let script = """
        import csv, json, sys
        rows = list(csv.reader(open(sys.argv[1], newline='')))
        lengths = sorted(set(len(r) for r in rows[1:]))
        try:
            import pandas
            shape = list(pandas.read_csv(sys.argv[1]).shape)
        except ImportError:
            shape = [len(rows) - 1, len(rows[0])]
        print(json.dumps({"header": rows[0], "rows": len(rows) - 1, "lengths": lengths, "shape": shape}))
        """
        let run = try CLI.tool("python3", ["-c", script, path])
        #expect(run.status == 0, "\(path): \(run.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let header = try #require(read["header"] as? [String]), rows = try #require(read["rows"] as? Int)
        #expect(read["lengths"] as? [Int] == [header.count], "\(path): every row has the header's \(header.count) fields")
        #expect(read["shape"] as? [Int] == [rows, header.count], "\(path): pandas reads the same table")
        return (header, rows)
    }

    static let csvCommands: [[String]] = [
        ["summary", "--as-of", "2024-02-01"],
        ["summary", "--sender", "all", "--as-of", "2024-02-01", "--workers", "1"],
        ["summary", "--sender", "all", "--as-of", "2024-02-01", "--compare-to", "2023-10-01", "--by", "subregion", "--workers", "1"],
        ["summary", "--host", "KP", "--as-of", "2024-12-31"],
        ["timeline", "--sender", "all", "--from", "2023-01-01", "--to", "2024-12-31", "--every", "year"],
        ["changes", "--sender", "all", "--from", "2019-12-31", "--to", "2024-12-31"],
        ["reconcile"],
    ]

    @Test(arguments: csvCommands)
    func everyCSVRowHasTheHeadersFields(arguments: [String]) throws {
        let path = file("out.csv")
        // reconcile exits 1 where a published count differs; the CSV is written either way.
        let run = try CLI.missionmap(arguments + ["-o", path])
        #expect(run.status == 0 || arguments[0] == "reconcile", "\(run.stderr)")
        let (header, rows) = try readBack(path)
        #expect(rows > 0)
        switch arguments[0] {
        case "summary":
            #expect(Array(header.prefix(2)) == ["as_of", arguments.contains("--host") ? "host" : "sender"])
        case "timeline": #expect(Array(header.prefix(2)) == ["as_of", "sender"])
        case "changes": #expect(Array(header.prefix(2)) == ["date", "sender"] && header.last == "note")
        default: #expect(header.contains("date") && header.contains("direction") && header.contains("country"))
        }
    }

    @Test func severalSendersShareTheTypeColumnsAndShareChangesAreInPoints() throws {
        let path = file("all.csv")
        try missionmap(["summary", "--sender", "all", "--as-of", "2024-02-01", "--compare-to", "2023-10-01", "--workers", "1", "-o", path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        // KP alone has consulates general and missions to organisations on that day.
        let kpOnly = try String(contentsOfFile: try { let p = file("kp.csv"); try missionmap(["summary", "--as-of", "2024-02-01", "-o", p]); return p }(), encoding: .utf8)
        let types = { (row: [String]) in Set(row.filter { $0.hasPrefix("open_") }) }
        #expect(types(header).isSuperset(of: types(kpOnly.split(separator: "\r\n")[0].split(separator: ",").map(String.init))))
        #expect(header.contains("open_embassy") && header.contains("open_permanent-mission"), "the union of every sender's types")
        #expect(header.contains("area_share_covered_change_pp") && !header.contains("area_share_covered_change"))
        let senders = Set(lines.dropFirst().map { $0[1] })
        #expect(senders.count > 10 && senders.contains("KP") && senders.contains("SE"))
        #expect(lines.dropFirst().allSatisfy { $0[0] == "2024-02-01" })
        // KP's world row: land covered fell from 58.6% to 56.6%, -2 points (the table says so too).
        let kpWorld = try #require(lines.first { $0[1] == "KP" && $0[2] == "World" })
        let change = try #require(Double(kpWorld[header.firstIndex(of: "area_share_covered_change_pp")!]))
        let share = try #require(Double(kpWorld[header.firstIndex(of: "area_share_covered")!]))
        #expect(abs(change) > 0.5 && abs(change) < 10 && share < 1, "points, not a fraction: \(change)")
        let table = try missionmap(["summary", "--as-of", "2024-02-01", "--compare-to", "2023-10-01"])
        #expect(table.contains(" pp)") && !table.contains("%)"))
    }

    /// One run per command: the extension of -o chooses the format, and a clash with --format
    /// is a usage error that writes nothing.
    static let extensionCases: [(arguments: [String], file: String, starts: String)] = [
        (["summary", "--as-of", "2024-02-01"], "s.csv", "as_of,sender,region"),
        (["summary", "--as-of", "2024-02-01"], "s.json", "{"),
        (["summary", "--as-of", "2024-02-01"], "s.md", "**North Korea"),
        (["summary", "--as-of", "2024-02-01"], "s.txt", "North Korea"),
        (["changes", "--from", "2023-10-01", "--to", "2024-02-01"], "c.csv", "date,sender,sender_name"),
        (["changes", "--from", "2023-10-01", "--to", "2024-02-01"], "c.md", "**North Korea"),
        (["reconcile"], "r.json", "["),
        (["timeline", "--from", "2023-09-01", "--to", "2024-03-01"], "t.csv", "as_of,sender"),
        (["export", "--as-of", "2024-02-01"], "e.topojson", "{\"type\":\"Topology\""),
        (["render", "--as-of", "2024-02-01"], "m.svg", "<?xml"),
    ]

    @Test(arguments: 0..<extensionCases.count)
    func theExtensionOfOChoosesTheFormat(index: Int) throws {
        let c = Self.extensionCases[index]
        let path = file(c.file)
        _ = try CLI.missionmap(c.arguments + ["-o", path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(c.starts), "\(c.file): \(text.prefix(60))")
    }

    @Test(arguments: [["summary"], ["changes", "--from", "2023-10-01"], ["reconcile"]])
    func aClashOfExtensionAndFormatIsAUsageError(arguments: [String]) throws {
        let path = file("x.csv")
        let run = try CLI.missionmap(arguments + ["--format", "json", "-o", path])
        #expect(run.status == 64 && run.stderr.contains("names csv, but --format says json"))
        #expect(!FileManager.default.fileExists(atPath: path))
        // Agreeing is no clash.
        let agreeing = try CLI.missionmap(arguments + ["--format", "csv", "-o", path])
        #expect(agreeing.status == 0 || arguments[0] == "reconcile")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func changesJSONHasOneTypePerField() throws {
        let text = try missionmap(["changes", "--sender", "all", "--from", "2019-12-31", "--to", "2024-12-31", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(doc["events"] as? [[String: Any]])
        #expect(events.count > 20)
        for e in events {
            #expect(e["counted"] is Bool && !(e["counted"] is String), "\(e)")
            #expect(e["date"] is String && e["note"] is String && e.keys.contains("accredited_from"))
        }
        #expect(doc["from_included"] as? Bool == false && doc["to_included"] as? Bool == true)
        #expect((doc["senders"] as? [String])?.contains("SE") == true)
    }

    @Test func changesSayTheirEndsAndTakeARegion() throws {
        let table = try missionmap(["changes", "--from", "2023-10-01", "--to", "2024-02-01", "--region", "Africa"])
        #expect(table.hasPrefix("North Korea (KP) (hosts in Africa): 8 events after 2023-10-01 (not included) up to and including 2024-02-01"))
        let hosts = try missionmap(["changes", "--from", "2023-10-01", "--to", "2024-02-01", "--region", "Africa", "--format", "csv"])
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[4] }
        #expect(Set(hosts) == ["UG", "AO"] || Set(hosts).isSuperset(of: ["UG", "AO"]))
        #expect(!hosts.contains("ES"), "Spain is in Europe")
        let help = try CLI.missionmap(["changes", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("its own events are left out") && help.contains("up to and including"))
    }

    @Test func aMisspeltSenderOutsideTheLogIsNamedAndToldAbsent() throws {
        let run = try CLI.missionmap(["summary", "--sender", "Islnd"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("unknown sender 'Islnd'; did you mean Iceland (IS)? It has no posts in"))
        #expect(run.stderr.contains("Senders in") && run.stderr.contains("AU, BG"))
        let host = try CLI.missionmap(["changes", "--host", "Swedn", "--from", "2020-01-01"])
        #expect(host.status == 0 || host.stderr.contains("did you mean Sweden (SE)?"))
    }

    @Test func exportsConvertToGeoPackageShapefileAndNamedKML() throws {
        let all = file("network.geojson"), posts = file("posts.geojson")
        try missionmap(["export", "--as-of", "2024-02-01", "-o", all])
        try missionmap(["export", "--as-of", "2024-02-01", "--kind", "post", "-o", posts])
        let features = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: all))) as? [String: Any])["features"] as? [[String: Any]]
        let properties = try #require(features).compactMap { $0["properties"] as? [String: Any] }
        let postCount = properties.filter { $0["kind"] as? String == "post" }.count
        #expect(properties.allSatisfy { ($0["name"] as? String)?.isEmpty == false && $0["note"] is String })
        #expect(properties.contains { $0["name"] as? String == "Rome (KP embassy)" })
        #expect(properties.contains { $0["name"] as? String == "Rome (KP embassy) covers Spain" })

        let gpkg = file("network.gpkg")
        #expect(try CLI.tool("ogr2ogr", ["-f", "GPKG", gpkg, all]).status == 0)
        let gpkgInfo = try CLI.tool("ogrinfo", ["-ro", "-so", "-al", gpkg])
        #expect(gpkgInfo.stdout.contains("Feature Count: \(properties.count)\n"), "\(gpkgInfo.stdout)")

        let shp = file("shp")
        let converted = try CLI.tool("ogr2ogr", ["-f", "ESRI Shapefile", shp, posts])
        #expect(converted.status == 0, "\(converted.stderr)")
        let shpInfo = try CLI.tool("ogrinfo", ["-ro", "-so", "-al", shp])
        #expect(shpInfo.stdout.contains("Geometry: Point") && shpInfo.stdout.contains("Feature Count: \(postCount)\n"), "\(shpInfo.stdout)")
        // Mixed points and lines are what a Shapefile cannot hold: the reason for --kind.
        #expect(try CLI.tool("ogr2ogr", ["-f", "ESRI Shapefile", file("mixed"), all]).status != 0)

        let kml = file("network.kml")
        #expect(try CLI.tool("ogr2ogr", ["-f", "KML", kml, all]).status == 0)
        let kmlText = try String(contentsOfFile: kml, encoding: .utf8)
        #expect(kmlText.components(separatedBy: "<Placemark").count - 1 == properties.count)
        #expect(kmlText.contains("<name>Rome (KP embassy)</name>"), "placemarks are named")
        let kmlInfo = try CLI.tool("ogrinfo", ["-ro", "-so", "-al", kml])
        #expect(kmlInfo.status == 0 && kmlInfo.stdout.contains("Feature Count: \(properties.count)\n"))
    }
}
