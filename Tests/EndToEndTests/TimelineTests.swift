import Foundation
import Testing

/// `missionmap timeline` on the bundled data: every step agrees with `summary --as-of`.
@Suite(.tags(.endToEnd)) struct TimelineCommandTests {
    func run(_ arguments: [String]) throws -> String {
        let result = try CLI.missionmap(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static let period = ["timeline", "--from", "2023-09-01", "--to", "2024-03-01", "--every", "month"]

    /// The CSV's rows by date, each a dictionary by column (one sender: KP).
    func csvRows(_ arguments: [String]) throws -> [String: [String: String]] {
        let lines = try run(arguments + ["--format", "csv"]).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let columns = lines[0].split(separator: ",").map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == columns.count)
            rows[cells[0]] = Dictionary(uniqueKeysWithValues: zip(columns, cells))
        }
        return rows
    }

    @Test func monthStepsAgreeWithSummaryOnTheSameDays() throws {
        let rows = try csvRows(Self.period)
        #expect(rows.keys.sorted() == ["2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01"])
        // The published counts of those days (ROK ministry, Oct 2023 and Jan 2024) are of open and suspended posts.
        #expect(rows["2023-10-01"]?["posts"] == "53" && rows["2024-02-01"]?["posts"] == "44")
        for date in ["2023-10-01", "2023-12-01", "2024-03-01"] {
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(run(["summary", "--as-of", date, "--format", "json"]).utf8)) as? [String: Any])
            let totals = try #require(summary["totals"] as? [String: Any])
            let row = try #require(rows[date])
            #expect(row["sender"] == "KP")
            for key in ["open", "cross_accredited", "closed", "suspended", "unknown"] {
                #expect(row[key] == (totals[key] as? Int).map(String.init), "\(key) on \(date)")
            }
            let listed = try #require(totals["open"] as? Int) + #require(totals["suspended"] as? Int)
            #expect(row["posts"] == String(listed), "posts on \(date)")
            for (type, count) in try #require(totals["by_type"] as? [String: Int]) {
                #expect(row["open_\(type)"] == String(count), "open \(type) on \(date)")
            }
        }
    }

    @Test func regionColumnsAgreeWithSummaryRegions() throws {
        let rows = try csvRows(Self.period + ["--by", "region"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run(["summary", "--as-of", "2023-11-01", "--format", "json"]).utf8)) as? [String: Any])
        let row = try #require(rows["2023-11-01"])
        for region in try #require(summary["regions"] as? [[String: Any]]) {
            let name = try #require(region["region"] as? String)
            #expect(row["open_\(name)"] == (region["open"] as? Int).map(String.init), "open in \(name)")
        }
    }

    @Test func jsonParsesAndMarkdownHasOneRowPerStep() throws {
        let json = try run(Self.period + ["--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let series = try #require(document["series"] as? [[String: Any]])
        #expect(series.count == 1 && series[0]["sender"] as? String == "KP")
        #expect((series[0]["points"] as? [[String: Any]])?.count == 7)
        let markdown = try run(Self.period + ["--format", "markdown"])
        let dataRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 20") }
        #expect(dataRows.count == 7)
    }

    @Test func eventStepsIncludeBothEnds() throws {
        let rows = try csvRows(["timeline", "--from", "2023-10-01", "--to", "2023-12-01", "--every", "event"])
        let days = rows.keys.sorted()
        #expect(days.first == "2023-10-01" && days.last == "2023-12-01" && days.count > 3)
    }

    @Test func outputFileChoosesTheFormatAndClashesAreUsageErrors() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("kp.csv").path
        _ = try run(Self.period + ["-o", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("as_of,sender,posts,open,"))
        let clash = try CLI.missionmap(Self.period + ["-o", file, "--format", "json"])
        #expect(clash.status == 64 && clash.stderr.contains("names csv, but --format says json"))
        let backwards = try CLI.missionmap(["timeline", "--from", "2024-01-01", "--to", "2023-01-01"])
        #expect(backwards.status == 64 && backwards.stderr.contains("--to must not come before --from"))
        let tooMany = try CLI.missionmap(["timeline", "--from", "1900-01-01", "--to", "2024-01-01"])
        #expect(tooMany.status == 64 && tooMany.stderr.contains("coarser --every"))
    }

    @Test func severalSendersOneCSVOneSeriesEach() throws {
        let csv = try run(["timeline", "--sender", "KP,SE", "--from", "2023-01-01", "--to", "2024-01-01", "--every", "year", "--format", "csv"])
        let senders = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",")[1] }
        #expect(senders == ["KP", "KP", "SE", "SE"], "2023-01-01 and 2024-01-01 for each")
    }

    @Test func theReadmesExampleIsTheToolsOwn() throws {
        let example = try run(["timeline", "--from", "2017-01-01", "--to", "2024-06-30", "--every", "year"])
        let readme = try String(contentsOf: CLI.repo.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- timeline-example: begin -->\n"))
        let end = try #require(readme.range(of: "<!-- timeline-example: end -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == "```\n" + example + "```\n", "regenerate with scripts/update-readme")
    }
}
