import Foundation
import Testing

/// A user's own dataset for another sender (Iceland, illustrative) goes through every command.
@Suite struct OtherSenderTests {
    static let missions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/iceland.csv").path
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }

    func run(_ arguments: [String]) throws -> CLI.Result {
        let result = try CLI.missionmap(arguments + ["--missions", Self.missions, "--sender", "Iceland", "--as-of", "2024-01-01"])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test func summaryHasTheHandComputedFigures() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run(["summary", "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect(json["sender"] as? String == "IS")
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["open"] as? Int == 11 && totals["suspended"] as? Int == 1 && totals["cross_accredited"] as? Int == 1)
        #expect(totals["by_type"] as? [String: Int] == ["embassy": 9, "permanent-mission": 2])
        let europe = try #require((json["regions"] as? [[String: Any]])?.first { $0["region"] as? String == "Europe" })
        #expect(europe["open"] as? Int == 6 && europe["suspended"] as? Int == 1)
        #expect(europe["countries_resident"] as? Int == 5 && europe["countries_covered"] as? Int == 6)
    }

    @Test func exportLoadsInGDALWithTheAccreditationLine() throws {
        let file = dir.appendingPathComponent("is.geojson").path
        _ = try run(["export", "-o", file])
        let info = try CLI.tool("ogrinfo", ["-ro", "-al", "-so", file])
        #expect(info.status == 0 && info.stderr.isEmpty)
        #expect(info.stdout.contains("Feature Count: 14"), "13 posts and 1 line")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(#""id":"IS-DE-BERLIN>IS-PL""#) && text.contains(#""since":"2010-05""#))
    }

    @Test func renderIsValidAndShowsTheSuspension() throws {
        let file = dir.appendingPathComponent("is.svg").path
        _ = try run(["render", "-o", file])
        #expect(try CLI.tool("xmllint", ["--noout", file]).status == 0)
        #expect(try CLI.tool("rsvg-convert", ["-o", dir.appendingPathComponent("is.png").path, file]).status == 0)
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.contains("Diplomatic posts of Iceland, 2024-01-01"))
        #expect(svg.contains("Data: iceland.csv, a source on every row."))
        #expect(svg.contains("Suspended (1)") && svg.contains("class=\"country host-suspended\" data-iso=\"RU\""))
        #expect(svg.contains("class=\"country host-non-resident\" data-iso=\"PL\""))
    }
}
