import Foundation
import Testing

/// `missionmap summary` and `missionmap changes` on the bundled data, every format parsed back.
@Suite(.tags(.endToEnd)) struct SummaryTests {
    func run(_ arguments: [String]) throws -> String {
        let result = try CLI.missionmap(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run(arguments + ["--format", "json"]).utf8)) as? [String: Any])
    }

    func region(_ summary: [String: Any], _ name: String, in key: String = "regions") throws -> [String: Any] {
        try #require((summary[key] as? [[String: Any]])?.first { $0["region"] as? String == name })
    }

    /// `--sender all` on several threads gives the same bytes as on one, in every format,
    /// whichever worker happens to take which sender.
    @Test func allSendersInParallelEqualSerial() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let missions = dir.appendingPathComponent("three.csv").path
        var log = "post_id,date,event,sender,host,type,accredited_from,source\n"
        for (sender, hosts) in [("SE", ["KP", "NO", "FI", "DK", "CN", "EG"]), ("PL", ["KP", "DE", "CZ", "BR"]), ("CU", ["KP", "VN", "AO", "MX", "ES"])] {
            for host in hosts { log += "\(sender)-\(host),2015-01-01,opened,\(sender),\(host),embassy,,https://example.org/s\n" }
        }
        log += "SE-KP,2021-03-01,closed,SE,KP,,,https://example.org/s\nSE-EG,2022-01-01,closed,SE,EG,,,https://example.org/s\n"
        try log.write(toFile: missions, atomically: true, encoding: .utf8)
        for format in ["json", "csv", "table"] {
            let arguments = ["summary", "--missions", missions, "--sender", "all", "--as-of", "2024-01-01", "--compare-to", "2020-01-01", "--format", format]
            let serial = try run(arguments + ["--workers", "1"])
            #expect(serial.contains("Cuba") || serial.contains("CU"))
            for workers in ["2", "3"] {
                #expect(try run(arguments + ["--workers", workers]) == serial, "\(format) with \(workers) workers")
            }
        }
    }

    @Test func spainTurnsNonResidentWhileEuropeKeepsItsCoveredHosts() throws {
        let s = try json(["summary", "--as-of", "2024-02-01", "--compare-to", "2023-10-01"])
        let europe = try region(s, "Europe"), change = try region(s, "Europe", in: "changes")
        #expect(change["countries_covered"] as? Int == 0, "Spain moved from resident to non-resident")
        #expect(change["countries_resident"] as? Int == -1 && change["cross_accredited"] as? Int == 1)
        #expect(europe["countries_covered"] as? Int == 26, "Rome covers Cyprus, Malta and Montenegro from 2007")
        #expect((s["totals"] as? [String: Any])?["open"] as? Int == 43, "44 listed, Lima dormant")
        let world = try #require(s["world"] as? [String: Any])
        #expect(world["open"] as? Int == 43 && (s["world_change"] as? [String: Any])?["open"] as? Int == -9)
        for key in ["area_share_covered", "population_share_covered"] {
            let share = try #require(world[key] as? Double)
            #expect(share > 0 && share < 1, "\(key) = \(share)")
        }
        #expect((world["mean_distance_km_to_open_post"] as? Double ?? 0) > 100)
    }

    @Test func fourFormatsOneSetOfNumbers() throws {
        let args = ["summary", "--as-of", "2023-10-01", "--by", "subregion"]
        let j = try json(args)
        let csv = try run(args + ["--format", "csv"])
        let table = try run(args)
        let markdown = try run(args + ["--format", "markdown"])
        let folder = try CLI.temporaryDirectory()
        defer { CLI.remove(folder) }
        let file = folder.appendingPathComponent("s.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let parse = try CLI.tool("python3", ["-c", "import csv,sys; rows=list(csv.DictReader(open(sys.argv[1],newline=''))); print(len(rows), rows[-1]['subregion'], rows[-1]['open'], rows[-1]['area_share_covered'])", file])
        let world = try #require(j["world"] as? [String: Any])
        let share = try #require(world["area_share_covered"] as? Double)
        let regions = try #require(j["regions"] as? [[String: Any]])
        #expect(parse.stdout == "\(regions.count + 1) World 52 \(share)\n", "Python's csv module agrees: \(parse.stdout)")
        let percent = String(format: "%.1f%%", share * 100).replacingOccurrences(of: ".0%", with: "%")
        #expect(table.contains(percent) && markdown.contains(percent))
        #expect(markdown.contains("| World |") && table.contains("Eastern Asia"))
    }

    @Test func sameInputSameBytes() throws {
        let a = try run(["summary", "--as-of", "2024-02-01", "--format", "json"])
        let b = try run(["summary", "--as-of", "2024-02-01", "--format", "json"])
        #expect(a == b)
    }

    @Test func changesListEveryEventWithItsSource() throws {
        let j = try json(["changes", "--from", "2023-10-01", "--to", "2024-02-01"])
        let events = try #require(j["events"] as? [[String: Any]])
        let closures = events.filter { $0["event"] as? String == "closed" }.compactMap { $0["host"] as? String }
        #expect(Set(closures) == ["AO", "UG", "ES", "HK", "NP", "BD", "SN", "GN", "LY"])
        #expect(events.allSatisfy { ($0["source"] as? String)?.hasPrefix("http") == true })
        let dates = events.compactMap { $0["date"] as? String }
        // In date order, a partial date (2023-11) counting from the end of its period.
        let effective = dates.map { $0.count == 7 ? $0 + "-31" : $0.count == 4 ? $0 + "-12-31" : $0 }
        #expect(effective == effective.sorted() && effective.allSatisfy { $0 > "2023-10-01" && $0 <= "2024-02-01" })
        let table = try run(["changes", "--from", "2023-10-01", "--to", "2024-02-01"])
        #expect(table.contains("KP-ES-MADRID") && table.contains("accredited"))
    }

    @Test func changesCSVNeutralisesFormulasFromTheData() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let missions = dir.appendingPathComponent("evil.csv").path
        try """
        post_id,date,event,sender,host,type,source,note
        "=HYPERLINK(""http://evil.example"",""x"")",2020-01-01,opened,KP,ES,embassy,+cmd|' /C calc'!A0,@SUM(1)
        """.write(toFile: missions, atomically: true, encoding: .utf8)
        let csv = try run(["changes", "--missions", missions, "--from", "2019-01-01", "--to", "2021-01-01", "--format", "csv"])
        let file = dir.appendingPathComponent("out.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let parse = try CLI.tool("python3", ["-c", "import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline='')))[0]; print(r['post'][:2], r['source'][:2])", file])
        #expect(parse.stdout == "'= '+\n")
    }
}
