import Foundation
import Testing

/// A user's own dataset for another sender (Iceland, illustrative) goes through every command.
@Suite(.tags(.endToEnd)) final class OtherSenderTests {
    static let missions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/iceland.csv").path
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

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

/// Which sender a command means, as a user with their own log meets it.
@Suite(.tags(.endToEnd)) struct SelectionCLITests {
    @Test func aOneSenderLogNeedsNoSender() throws {
        let run = try CLI.missionmap(["summary", "--missions", OtherSenderTests.missions, "--as-of", "2024-01-01", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"sender\" : \"IS\""))
    }

    @Test func aSenderNotInTheLogIsAnErrorNotAnEmptySummary() throws {
        let run = try CLI.missionmap(["summary", "--missions", OtherSenderTests.missions, "--sender", "KP"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "missionmap: error: North Korea (KP) has no posts in iceland.csv. Senders in iceland.csv: IS.\n")
        let typo = try CLI.missionmap(["changes", "--missions", OtherSenderTests.missions, "--sender", "Icelnd", "--from", "2020-01-01"])
        #expect(typo.status == 1 && typo.stderr.contains("did you mean Iceland (IS)?"))
    }

    @Test func aLogWithSeveralSendersAsksWhich() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("two.csv").path
        var text = try String(contentsOfFile: OtherSenderTests.missions, encoding: .utf8)
        text += "NO-SE,2020-01-01,opened,NO,SE,,embassy,,,,,https://example.org/no,\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLI.missionmap(["render", "--missions", file, "-o", dir.appendingPathComponent("m.svg").path])
        #expect(run.status == 1)
        #expect(run.stderr == "missionmap: error: two.csv has 2 senders (IS, NO): choose one with --sender\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.svg").path))
    }
}

/// Several senders named at once, where a command can take them.
@Suite(.tags(.endToEnd)) struct SeveralSendersCLITests {
    @Test func summaryAndExportTakeAListInItsOrder() throws {
        let summary = try CLI.missionmap(["summary", "--sender", "SE, North Korea", "--as-of", "2024-06-01", "--format", "csv"])
        #expect(summary.status == 0, "\(summary.stderr)")
        // The sender is the second column, after as_of.
        let senders = summary.stdout.components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst().first }
        // Each sender's rows together, the senders in the order named.
        #expect(senders.map(String.init).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == ["SE", "KP"])
        let json = try CLI.missionmap(["summary", "--sender", "KP,SE,KP", "--as-of", "2024-06-01", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.compactMap { $0["sender"] as? String } == ["KP", "SE"], "a sender named twice is summed up once")
        let export = try CLI.missionmap(["export", "--sender", "KP,SE", "--as-of", "2024-06-01"])
        let features = try #require((try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])?["features"] as? [[String: Any]])
        let exported = Set(features.compactMap { ($0["properties"] as? [String: Any])?["sender"] as? String })
        #expect(exported == ["KP", "SE"])
    }

    /// A name with a comma of its own is one sender, in every command.
    @Test func aCommaInAnAliasIsNoList() throws {
        let commands = [["render", "--as-of", "2024-01-01"], ["summary", "--as-of", "2024-01-01", "--format", "json"],
                        ["changes", "--from", "2023-01-01", "--to", "2024-01-01"],
                        ["timeline", "--from", "2023-01-01", "--to", "2024-01-01", "--every", "year"]]
        for command in commands {
            let run = try CLI.missionmap(command + ["--sender", "Korea, North"])
            #expect(run.status == 0, "\(command[0]): \(run.stderr)")
        }
        let both = try CLI.missionmap(["summary", "--sender", "Korea, North,Sweden", "--format", "csv"])
        #expect(both.status == 1 && both.stderr.contains("unknown sender 'Korea'"), "a list of names splits at every comma")
    }

    @Test func oneSendersViewsRefuseSeveral() throws {
        let render = try CLI.missionmap(["render", "--sender", "KP,SE", "--as-of", "2024-06-01"])
        #expect(render.status == 1 && render.stdout.isEmpty)
        #expect(render.stderr == "missionmap: error: several senders are for export, summary, timeline and changes: name one with --sender\n")
        let allRender = try CLI.missionmap(["render", "--sender", "all", "--as-of", "2024-06-01"])
        #expect(allRender.status == 1 && allRender.stderr == "missionmap: error: --sender all is for export, summary, timeline and changes\n")
        // changes lists several senders' events in one table, each row saying whose.
        let changes = try CLI.missionmap(["changes", "--sender", "KP,SE", "--from", "2019-12-31", "--to", "2024-12-31", "--format", "csv"])
        let senders = Set(changes.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] })
        #expect(changes.status == 0 && senders == ["KP", "SE"], "\(changes.stderr)")
        let typo = try CLI.missionmap(["summary", "--sender", "KP,Swedn"])
        #expect(typo.status == 1 && typo.stderr.contains("did you mean Sweden (SE)?"))
    }
}

/// Before a post's first record the log says `unknown`, in every output.
@Suite(.tags(.endToEnd)) struct EvidenceHorizonCLITests {
    @Test func unknownPostsReachGeoJSONTheMapAndTheSummary() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let geojson = dir.appendingPathComponent("p.geojson").path, svg = dir.appendingPathComponent("m.svg").path
        #expect(try CLI.missionmap(["export", "--as-of", "1995-06-30", "-o", geojson]).status == 0)
        #expect(try CLI.tool("ogrinfo", ["-ro", "-al", "-so", geojson]).stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: geojson))) as? [String: Any])
        let posts = (json["features"] as? [[String: Any]] ?? []).compactMap { $0["properties"] as? [String: Any] }
        let unknown = posts.filter { $0["status"] as? String == "unknown" && $0["counted"] as? Bool == true }.compactMap { $0["id"] as? String }
        #expect(unknown.contains("KP-LA-VIENTIANE") && !unknown.contains("KP-CN-BEIJING"))
        #expect(try CLI.missionmap(["render", "--as-of", "1995-06-30", "-o", svg]).status == 0)
        let map = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(map.contains("Unknown: no record yet (\(unknown.count))"))
        #expect(map.contains("class=\"post unknown embassy\""))
        #expect(try CLI.tool("xmllint", ["--noout", svg]).status == 0)
        let summary = try CLI.missionmap(["summary", "--as-of", "1995-06-30", "--format", "csv"])
        let lines = summary.stdout.components(separatedBy: "\r\n")
        let header = try #require(lines.first)
        #expect(header.contains(",uncovered,unknown,"))
        let world = try #require(lines.last { $0.hasPrefix("1995-06-30,KP,World,") })
        let cells = world.split(separator: ",", omittingEmptySubsequences: false)
        let columns = header.split(separator: ",")
        #expect(Int(cells[columns.firstIndex(of: "unknown")!]) == unknown.count)
    }
}
