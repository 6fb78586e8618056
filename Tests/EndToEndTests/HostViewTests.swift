import Foundation
import Testing

/// `--host` on the bundled data: every sender's posts in North Korea, set against the
/// published in-host counts of Geo/checks/published-counts.csv.
@Suite(.tags(.endToEnd)) struct HostViewTests {
    func run(_ arguments: [String]) throws -> String {
        let result = try CLI.missionmap(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func totals(asOf date: String) throws -> [String: Any] {
        let text = try run(["summary", "--host", "KP", "--as-of", date, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["host"] as? String == "KP" && json["sender"] == nil)
        return try #require(json["totals"] as? [String: Any])
    }

    /// The in-host rows: 24 embassies (KBS, end of 2019) and 15 (Yonhap, 17 Dec 2024).
    @Test func openEmbassiesMatchThePublishedCounts() throws {
        #expect((try totals(asOf: "2019-12-31")["by_type"] as? [String: Int])?["embassy"] == 24)
        #expect((try totals(asOf: "2024-12-31")["by_type"] as? [String: Int])?["embassy"] == 15)
    }

    @Test func theSummaryTableSaysWhoseItIs() throws {
        #expect(try run(["summary", "--host", "North Korea", "--as-of", "2024-12-31"]).hasPrefix("Foreign posts in North Korea (KP) as of 2024-12-31\n"))
    }

    @Test func exportLoadsInOGRWithTheHostMarked() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("kp.geojson").path
        _ = try run(["export", "--host", "KP", "--as-of", "2024-12-31", "--countries", "-o", file])
        let info = try CLI.tool("ogrinfo", ["-ro", "-al", "-so", file])
        #expect(info.status == 0, "\(info.stderr)")
        let hostRow = try CLI.tool("ogrinfo", ["-ro", "-al", "-q", "-where", "kind = 'country' AND iso2 = 'KP'", file])
        #expect(hostRow.stdout.contains("host_status (String) = host"))
        let sweden = try CLI.tool("ogrinfo", ["-ro", "-al", "-q", "-where", "kind = 'country' AND iso2 = 'SE'", file])
        #expect(sweden.stdout.contains("host_status (String) = resident"), "Sweden's embassy is back by then")
        let posts = try CLI.tool("ogrinfo", ["-ro", "-al", "-q", "-where", "kind = 'post' AND host <> 'KP'", file])
        #expect(!posts.stdout.contains("OGRFeature"), "every post is in KP")
    }

    @Test func changesListTheReturns() throws {
        let csv = try run(["changes", "--host", "KP", "--from", "2024-01-01", "--to", "2025-12-31", "--format", "csv"])
        let rows = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first?.prefix(3) == ["date", "sender", "sender_name"])
        #expect(rows.contains { $0.count > 7 && $0[1] == "SE" && $0[7] == "resumed" })
        #expect(rows.contains { $0.count > 7 && $0[1] == "PL" && $0[7] == "resumed" })
    }

    @Test(arguments: [
        (["changes", "--city", "Chongjin", "--from", "2024-01-01"], "--city needs --host"),
        (["summary", "--host", "KP", "--sender", "SE"], "--host and --sender"),
        (["export", "--host", "KP", "--sender", "SE"], "--host and --sender"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try CLI.missionmap(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func dataErrorsHaveHints() throws {
        let host = try CLI.missionmap(["summary", "--host", "Nort Korea"])
        #expect(host.status != 0 && host.stderr.contains("did you mean North Korea (KP)?"), "\(host.stderr)")
        let city = try CLI.missionmap(["summary", "--host", "KP", "--city", "Hamhung"])
        #expect(city.status != 0 && city.stderr.contains("Cities with posts there: Chongjin, Pyongyang."), "\(city.stderr)")
    }
}
