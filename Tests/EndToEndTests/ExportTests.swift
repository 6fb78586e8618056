import Foundation
import Testing

/// `missionmap export` in every variant, read by GDAL and by an independent RFC 7946 checker.
@Suite(.tags(.endToEnd)) final class ExportTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    static let variants: [[String]] = [
        [], ["--countries"], ["--status", "open"], ["--status", "cross-accredited,closed", "--countries"],
        ["--region", "Europe", "--countries"], ["--region", "eastern asia"], ["--precision", "3", "--countries"],
        ["--as-of", "2000-01-01", "--countries"], ["--sender", "SE", "--as-of", "2024-12-31", "--countries"],
    ]

    func export(_ arguments: [String], decimals: Int = 6) throws -> GeoJSONChecker.Report {
        let file = dir.appendingPathComponent("e-\(UUID().uuidString).geojson").path
        let args = arguments.contains("--as-of") ? arguments : arguments + ["--as-of", "2024-01-01"]
        let run = try CLI.missionmap(["export"] + args + ["-o", file])
        #expect(run.status == 0, "\(run.stderr)")
        let info = try CLI.tool("ogrinfo", ["-ro", "-al", "-so", file])
        #expect(info.status == 0 && info.stderr.isEmpty, "GDAL: \(info.stderr)")
        let report = try GeoJSONChecker.check(try String(contentsOfFile: file, encoding: .utf8), decimals: decimals)
        #expect(info.stdout.contains("Feature Count: \(report.features.count)\n"), "GDAL reads every feature")
        #expect(report.problems.isEmpty, "\(arguments): \(report.problems.prefix(5))")
        return report
    }

    @Test(arguments: variants)
    func everyVariantIsCleanRFC7946(arguments: [String]) throws {
        let report = try export(arguments, decimals: arguments.contains("3") ? 3 : 6)
        #expect(!report.features.isEmpty)
        let kinds = Set(report.features.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String })
        #expect(kinds.contains("country") == arguments.contains("--countries"))
        if let i = arguments.firstIndex(of: "--status") {
            let allowed = Set(arguments[i + 1].split(separator: ",").map(String.init))
            let statuses = Set(report.features.compactMap { ($0["properties"] as? [String: Any])?["status"] as? String })
            #expect(statuses.isSubset(of: allowed))
        }
        if arguments.contains("--region") {
            let regions = Set(report.features.compactMap { ($0["properties"] as? [String: Any])?["subregion"] as? String })
            let names = Set(report.features.compactMap { ($0["properties"] as? [String: Any])?["region"] as? String })
            #expect(names == ["Europe"] || regions == ["Eastern Asia"])
        }
    }

    @Test func spainIsANonResidentHostCoveredFromRome() throws {
        let report = try export(["--countries"])
        let byID = Dictionary(report.features.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let spain = try #require(byID["country:KP:ES"]?["properties"] as? [String: Any])
        #expect(spain["host_status"] as? String == "non-resident")
        let line = try #require(byID["KP-IT-ROME>KP-ES-MADRID"]?["properties"] as? [String: Any])
        #expect(line["kind"] as? String == "accreditation" && line["since"] as? String == "2023-10-26")
        let madrid = try #require(byID["KP-ES-MADRID"]?["properties"] as? [String: Any])
        #expect(madrid["status"] as? String == "cross-accredited" && madrid["accredited_from"] as? String == "KP-IT-ROME")
        #expect((byID["country:KP:KP"]?["properties"] as? [String: Any])?["host_status"] as? String == "sender")
    }

    @Test func idsAreStableAndOutputIsDeterministic() throws {
        let a = try CLI.missionmap(["export", "--as-of", "2024-01-01", "--countries"])
        let b = try CLI.missionmap(["export", "--as-of", "2024-01-01", "--countries"])
        #expect(a.status == 0 && a.stdout == b.stdout, "byte-identical runs")
    }

    @Test func badFiltersAreRefused() throws {
        let status = try CLI.missionmap(["export", "--status", "open,gone"])
        #expect(status.status == 64 && status.stderr.contains("unknown status 'gone'"))
        let region = try CLI.missionmap(["export", "--region", "Atlantis"])
        #expect(region.status == 1 && region.stderr.hasPrefix("missionmap: error: unknown region 'Atlantis'"))
        #expect(try CLI.missionmap(["export", "--precision", "12"]).status == 64)
    }

    @Test func pacificLineFromLimaToFijiMeetsAt180() throws {
        let missions = dir.appendingPathComponent("pacific.csv").path
        try """
        post_id,date,event,sender,host,type,accredited_from,source
        XX-PE-LIMA,2020-01-01,opened,KP,PE,embassy,,https://example.org
        XX-FJ,2021-01-01,accredited,KP,FJ,embassy,XX-PE-LIMA,https://example.org
        """.write(toFile: missions, atomically: true, encoding: .utf8)
        let report = try export(["--missions", missions, "--countries"])
        let line = try #require(report.features.first { $0["id"] as? String == "XX-PE-LIMA>XX-FJ" })
        let parts = try #require((line["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])
        #expect(parts.count == 2)
        // Going west from Lima, the line reaches -180° and goes on from +180° at the same latitude.
        #expect(parts[0].last?[0] == -180 && parts[1].first?[0] == 180 && parts[0].last?[1] == parts[1].first?[1])
        // Fiji's own polygon straddles ±180° too: it comes out as parts on both sides.
        let fiji = try #require(report.features.first { $0["id"] as? String == "country:KP:FJ" }?["geometry"] as? [String: Any])
        let xs = (fiji["coordinates"] as? [[[[Double]]]] ?? []).flatMap { $0.flatMap { $0.map { $0[0] } } }
        #expect(xs.contains { $0 > 170 } && xs.contains { $0 < -170 })
    }
}
