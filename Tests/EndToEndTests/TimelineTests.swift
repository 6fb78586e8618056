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

    /// The captures of `pattern` in `text`, one array per match.
    func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
        }
    }

    /// The values a chart's open line steps through, read back through its y axis ticks.
    func openLevels(_ svg: String) throws -> [Int] {
        let ticks = try matches(#"<text class="tick-label" x="[^"]*" y="([^"]*)" text-anchor="end" data-value="(\d+)""#, in: svg)
            .map { (y: Double($0[0])! - 4, value: Double($0[1])!) }
        try #require(ticks.count >= 2)
        let perPost = (ticks[0].y - ticks[1].y) / (ticks[1].value - ticks[0].value)
        let d = try #require(try matches(#"<path class="series open" d="([^"]*)""#, in: svg).first?.first)
        var levels: [Int] = []
        for command in try matches(#"([MHV])([-0-9. ]+)"#, in: d) {
            #expect(command[0] != "L", "a step line, not a slope")
            let numbers = command[1].split(separator: " ").compactMap { Double($0) }
            guard command[0] != "H", let y = numbers.last else { continue }
            levels.append(Int(((ticks[0].y - y) / perPost + ticks[0].value).rounded()))
        }
        return levels
    }

    @Test func chartIsValidRendersAndAgreesWithTheCSV() throws {
        let arguments = ["timeline", "--from", "2023-09-01", "--to", "2024-03-01", "--every", "event"]
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("kp.svg").path, png = dir.appendingPathComponent("kp.png").path
        _ = try run(arguments + ["-o", file])
        let lint = try CLI.tool("xmllint", ["--noout", file])
        #expect(lint.status == 0, "\(lint.stderr)")
        let render = try CLI.tool("rsvg-convert", ["-o", png, file])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg == (try run(arguments + ["--format", "svg"])), "-o .svg and --format svg give the same chart")

        let rows = try csvRows(arguments)
        let days = rows.keys.sorted()
        let open = days.map { Int(rows[$0]!["open"]!)! }
        // The open line, read through the axis, steps through the CSV's figures.
        var distinct: [Int] = []
        for value in open where value != distinct.last { distinct.append(value) }
        #expect(try openLevels(svg) == distinct)

        // Each named change is the CSV's change of open posts over its days; every day on which
        // the open posts change is named.
        let annotations = try matches(#"<g class="annotation" data-dates="([^"]*)" data-delta="(-?\d+)""#, in: svg)
        #expect(annotations.count >= 5)
        var named: Set<String> = []
        for a in annotations {
            let dates = a[0].split(separator: " ").map(String.init)
            named.formUnion(dates)
            let first = try #require(days.firstIndex(of: dates[0])), last = try #require(days.firstIndex(of: dates.last!))
            #expect(open[last] - open[first - 1] == Int(a[1])!, "\(a[0])")
        }
        for i in 1..<days.count where open[i] != open[i - 1] { #expect(named.contains(days[i]), "\(days[i]) not named") }
        #expect(svg.contains("ES, Hong Kong"), "Madrid and Hong Kong named by the log")

        // Published counts of the whole network, against the log's open + suspended posts then.
        let points = try matches(#"data-date="([^"]*)" data-figure="(\d+)" data-tolerance="(\d+)" data-log="(\d+)""#, in: svg)
        #expect(points.map { "\($0[0]) \($0[1])" }.contains("2023-10-01 53"))
        #expect(points.map { "\($0[0]) \($0[1])" }.contains("2024-01-30 44"))
        for p in points {
            let day = try #require(days.last { $0 <= p[0] })
            let row = try #require(rows[day])
            #expect(Int(p[3])! == Int(row["open"]!)! + Int(row["suspended"]!)!, "the log's figure on \(p[0])")
            #expect(abs(Int(p[1])! - Int(p[3])!) <= Int(p[2])!, "\(p[0]) agrees within its tolerance")
        }
        #expect(points.allSatisfy { $0[0] >= "2023-09-01" && $0[0] <= "2024-03-01" }, "points outside the period are left out")
    }

    @Test func aHostsTimelineInEveryFormat() throws {
        let arguments = ["timeline", "--host", "KP", "--from", "2019-01-01", "--to", "2025-06-30", "--every", "event"]
        let csv = try run(arguments + ["--format", "csv"])
        #expect(csv.hasPrefix("as_of,host,posts,open,"))
        let rows = try csvRows(arguments)
        #expect(rows["2025-06-30"]?["host"] == "KP")
        // By region: the senders' regions, which add up to the open posts (Europe's embassies
        // among them before 2020, though the host is in Asia).
        let regions = try csvRows(arguments + ["--by", "region"])
        let before = try #require(regions["2019-01-01"])
        #expect(Int(before["open_Europe"]!)! > 0)
        for row in regions.values {
            #expect(["Africa", "Americas", "Asia", "Europe", "Oceania"].map { Int(row["open_\($0)"]!)! }.reduce(0, +) == Int(row["open"]!)!)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run(arguments + ["--format", "json"]).utf8)) as? [String: Any])
        #expect((json["series"] as? [[String: Any]])?.first?["host"] as? String == "KP")
        #expect(try run(arguments).hasPrefix("Foreign posts in North Korea (KP) on each day with an event"))
        // The published in-host counts are of open embassies: the CSV's open_embassy column.
        let svg = try run(arguments + ["--format", "svg"])
        let points = try matches(#"data-date="([^"]*)" data-figure="(\d+)" data-tolerance="(\d+)" data-log="(\d+)""#, in: svg)
        #expect(points.map { $0[0] }.contains("2021-10-11"))
        let days = rows.keys.sorted()
        for p in points {
            let day = try #require(days.last { $0 <= p[0] })
            let row = try #require(rows[day])
            #expect(p[3] == row["open_embassy"], "open embassies in KP on \(p[0])")
        }
        #expect(svg.contains("PL, IR"), "the 2021 departures named")
        #expect(svg.contains("SE, PL"), "the 2024 returns named")
    }

    @Test func severalSendersStackOnOneTimeAxisAndSummaryTakesNoSVG() throws {
        let svg = try run(["timeline", "--sender", "KP,SE", "--from", "2019-01-01", "--to", "2025-06-30", "--every", "event", "--format", "svg"])
        #expect(svg.contains("id=\"panel-KP\"") && svg.contains("id=\"panel-SE\""))
        let timeTicks = try matches(#"<line class="time""#, in: svg).count, labels = try matches(#"data-day=""#, in: svg).count
        #expect(labels == 7 && timeTicks == 2 * labels, "one row of year labels, 2019 to 2025, under the last panel")
        let summary = try CLI.missionmap(["summary", "--format", "svg"])
        #expect(summary.status == 64)
        let byRegion = try CLI.missionmap(["timeline", "--from", "2023-01-01", "--by", "region", "-o", "x.svg"])
        #expect(byRegion.status == 64 && byRegion.stderr.contains("leave --by out"))
        let all = try CLI.missionmap(["timeline", "--sender", "all", "--from", "2023-01-01", "--to", "2024-01-01", "--format", "svg"])
        #expect(all.status == 1 && all.stderr.contains("at most 12 senders"))
        let help = try run(["timeline", "--help"])
        #expect(help.contains("-o kp.svg") && help.contains("svg"))
    }

    @Test func theReadmesExampleIsTheToolsOwn() throws {
        let example = try run(["timeline", "--from", "2017-01-01", "--to", "2024-06-30", "--every", "year"])
        let readme = try String(contentsOf: CLI.repo.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- timeline-example: begin -->\n"))
        let end = try #require(readme.range(of: "<!-- timeline-example: end -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == "```\n" + example + "```\n", "regenerate with scripts/update-readme")
    }
}
