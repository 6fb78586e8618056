import Foundation
import Testing

/// `missionmap reconcile` sets the published counts beside the log's figures; `summary` gives
/// the same figures for the same dates.
@Suite(.tags(.endToEnd)) struct ReconcileTests {
    func rows(_ arguments: [String] = []) throws -> [[String: Any]] {
        let run = try CLI.missionmap(["reconcile", "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test func everyBundledCountAgreesAndSummaryGivesTheSameFigures() throws {
        let all = try rows()
        #expect(all.count >= 40 && all.allSatisfy { $0["agrees"] as? Bool == true })
        // The rows that count every listed post abroad: summary's open + suspended (+ unknown) is the log's figure.
        let totals = all.filter { $0["direction"] as? String == "abroad" && $0["scope"] as? String == "status=open|suspended" }
        #expect(totals.count >= 8)
        for row in totals {
            let date = try #require(row["date"] as? String)
            let run = try CLI.missionmap(["summary", "--as-of", date, "--format", "json"])
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let t = try #require(summary["totals"] as? [String: Any])
            #expect((t["open"] as? Int ?? -1) + (t["suspended"] as? Int ?? -1) == row["log"] as? Int, "\(date)")
            #expect(t["unknown"] as? Int == row["unknown"] as? Int, "\(date)")
            let notes = summary["notes"] as? [String] ?? []
            #expect(notes.contains { $0.contains("no record on or before \(date)") } == ((t["unknown"] as? Int ?? 0) > 0), "\(date)")
        }
    }

    @Test func aCountTheLogMissesFailsWithItsLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("counts.csv").path
        try """
        date,direction,sender,host,scope,figure,tolerance,source,note
        2024-01-30,abroad,KP,,status=open|suspended,44,0,https://example.org/a,exact
        2024-01-30,abroad,KP,,status=open|suspended,40,2,https://example.org/b,too few

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLI.missionmap(["reconcile", "--counts", file])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("2 published counts: 1 agree with the log, 1 differ"))
        #expect(run.stderr == "\(file):3: error: published 40, the log gives 44 (+0 unknown) ±2\n")
    }

    @Test func theReadmesFiguresAreTheToolsOwn() throws {
        let run = try CLI.missionmap(["reconcile", "--format", "markdown"])
        let readme = try String(contentsOf: CLI.repo.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- reconcile: begin -->\n"))
        let end = try #require(readme.range(of: "<!-- reconcile: end -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == run.stdout, "regenerate with scripts/update-readme")
        // The list of posts the log cannot place before 2000, one line per sender.
        let summaries = try CLI.missionmap(["summary", "--sender", "all", "--as-of", "1999-12-31", "--format", "json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(summaries.stdout.utf8)) as? [[String: Any]])
        let lines = all.flatMap { s in
            (s["notes"] as? [String] ?? []).filter { $0.contains("no record on or before") }.map { "- **\(s["sender"] as? String ?? "")**: \($0)\n" }
        }
        let from = try #require(readme.range(of: "<!-- unknown-before-2000: begin -->\n"))
        let to = try #require(readme.range(of: "<!-- unknown-before-2000: end -->"))
        #expect(!lines.isEmpty && String(readme[from.upperBound..<to.lowerBound]) == lines.joined(), "regenerate with scripts/update-readme")
        let example = try CLI.missionmap(["summary", "--as-of", "2024-02-01", "--compare-to", "2023-10-01"])
        let exampleStart = try #require(readme.range(of: "<!-- summary-example: begin -->\n"))
        let exampleEnd = try #require(readme.range(of: "<!-- summary-example: end -->"))
        #expect(String(readme[exampleStart.upperBound..<exampleEnd.lowerBound]) == "```\n" + example.stdout + "```\n", "regenerate with scripts/update-readme")
    }
}
