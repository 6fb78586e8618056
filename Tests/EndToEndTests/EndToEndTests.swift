import Foundation
import Testing

/// The built CLI on the bundled data, checked by real consumers: ogrinfo, xmllint, rsvg-convert.
@Suite(.tags(.endToEnd)) final class EndToEndTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The published counts of posts (open, or suspended as dormant Lima is), and the features
    /// GDAL reads, agree with the file.
    @Test(arguments: [("2023-10-01", 53), ("2024-02-01", 44)])
    func exportLoadsInGDAL(date: String, published: Int) throws {
        let file = path("posts-\(date).geojson")
        let run = try CLI.missionmap(["export", "--as-of", date, "-o", file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "with -o nothing goes to stdout")
        let info = try CLI.tool("ogrinfo", ["-ro", "-al", "-so", file])
        #expect(info.status == 0)
        #expect(info.stderr.isEmpty, "no GDAL warning: \(info.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        let features = try #require(json?["features"] as? [[String: Any]])
        #expect(info.stdout.contains("Feature Count: \(features.count)"))
        let properties = features.compactMap { $0["properties"] as? [String: Any] }
        let listed = properties.filter {
            $0["kind"] as? String == "post" && ["open", "suspended"].contains($0["status"] as? String) && $0["counted"] as? Bool == true
        }
        #expect(listed.count == published)
        #expect(listed.filter { $0["status"] as? String == "suspended" }.map { $0["id"] as? String } == ["KP-PE-LIMA"])
        let lines = properties.filter { $0["kind"] as? String == "accreditation" }
        let covered = properties.filter { $0["status"] as? String == "cross-accredited" }
        #expect(lines.count == covered.count && !lines.isEmpty, "one line per cross-accredited host")
    }

    @Test func renderIsValidSVGThatRsvgDraws() throws {
        let svg = path("world.svg"), png = path("world.png")
        let run = try CLI.missionmap(["render", "--as-of", "2024-02-01", "--width", "1000", "-o", svg])
        #expect(run.status == 0, "\(run.stderr)")
        let lint = try CLI.tool("xmllint", ["--noout", svg])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        let draw = try CLI.tool("rsvg-convert", ["-o", png, svg])
        #expect(draw.status == 0, "\(draw.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // The PNG header holds the width at bytes 16..19: the viewBox width.
        #expect(bytes[16..<20].reduce(0) { $0 << 8 | Int($1) } == 1000)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("Open (43)") && text.contains("Suspended (1)") && text.contains("Spain: covered from another country"))
        #expect(text.components(separatedBy: "<circle class=\"post ").count - 1 >= 44)
    }

    /// South Korea's published counts (posts not closed: open ones and dormant Lima): an
    /// independent check on both the summary and the export.
    @Test(arguments: [("2023-10-01", 53), ("2023-11-03", 49), ("2024-02-01", 44)])
    func summaryTotalsMatchThePublishedCountsAndTheExport(date: String, published: Int) throws {
        let run = try CLI.missionmap(["summary", "--as-of", date, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let totals = try #require(summary["totals"] as? [String: Any])
        let regions = try #require(summary["regions"] as? [[String: Any]])
        #expect(summary["as_of"] as? String == date && summary["sender"] as? String == "KP")

        let export = try CLI.missionmap(["export", "--as-of", date])
        let features = try #require((try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])?["features"] as? [[String: Any]])
        let listed = features.filter {
            let p = $0["properties"] as? [String: Any]
            return ["open", "suspended"].contains(p?["status"] as? String) && p?["counted"] as? Bool == true
        }.count
        #expect((totals["open"] as? Int ?? 0) + (totals["suspended"] as? Int ?? 0) == published)
        #expect(totals["suspended"] as? Int == 1 && totals["unknown"] as? Int == 0)
        #expect(listed == published)
        let byRegion = regions.map { region -> Int in (region["open"] as? Int ?? 0) + (region["suspended"] as? Int ?? 0) }
        #expect(byRegion.reduce(0, +) == listed)
        #expect(regions.map { $0["region"] as? String } == ["Africa", "Americas", "Asia", "Europe", "Oceania"])
    }

    @Test func summaryTableIsAligned() throws {
        let run = try CLI.missionmap(["summary", "--as-of", "2023-10-01"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("World") && $0.contains(" 52 ") })
        let table = run.stdout.components(separatedBy: "\n").drop { !$0.hasPrefix("region") }.prefix { !$0.isEmpty }
        #expect(Set(table.map(\.count)).count == 1, "every row of the table has the same width")
    }

    @Test func badDataFailsWithFileLineAndLeavesNoOutput() throws {
        // No extension: each command writes its default format (-o x.geojson would be a usage
        // error for render, which writes .svg, .png or .pdf).
        let missions = path("bad.csv"), out = path("out")
        try """
        post_id,date,event,sender,host,city,type,accredited_from,lat,lon,source,note
        KP-X,2023-01-01,opened,KP,QQ,,embassy,,,,https://example.org,
        """.write(toFile: missions, atomically: true, encoding: .utf8)
        for command in ["export", "render", "summary"] {
            let run = try CLI.missionmap([command, "--missions", missions, "-o", out])
            #expect(run.status == 1)
            #expect(run.stderr == "\(missions):2: error: unknown country 'QQ' in column host\n")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func failedRunLeavesAnExistingOutputUntouched() throws {
        let missions = path("bad.csv"), out = path("keep.svg")
        try "post_id,date,event,sender,host,type,source\nKP-X,2023-02-30,opened,KP,ES,embassy,s\n".write(toFile: missions, atomically: true, encoding: .utf8)
        try "previous map".write(toFile: out, atomically: true, encoding: .utf8)
        let run = try CLI.missionmap(["render", "--missions", missions, "-o", out])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous map")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bad.csv", "keep.svg"], "no temporary file left")
    }

    @Test func unwritableOutputIsAnError() throws {
        let run = try CLI.missionmap(["summary", "--as-of", "2023-10-01", "-o", path("no/such/dir/s.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("missionmap: error: cannot write \(path("no/such/dir/s.txt"))"))
    }

    @Test func impossibleDateIsAUsageError() throws {
        let run = try CLI.missionmap(["summary", "--as-of", "2023-02-30"])
        #expect(run.status == 64, "EX_USAGE, as swift-argument-parser reports usage errors")
        #expect(run.stderr.contains("'2023-02-30' is invalid for '--as-of <date>'"))
    }

    @Test func unknownSenderIsAnError() throws {
        let run = try CLI.missionmap(["summary", "--sender", "QQ"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("missionmap: error: unknown sender 'QQ'. Senders in missionmap's bundled log (Geo/missions.csv): "))
        #expect(run.stderr.contains(": AU, BG, BR,") && run.stderr.hasSuffix(" more.\n"))
    }
}
