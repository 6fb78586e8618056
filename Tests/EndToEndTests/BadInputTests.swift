import Foundation
import Testing

/// Every file of the bad-input corpus fails every command the same way: one
/// `FILE:LINE: error:` line, exit status 1, and no output file.
@Suite(.tags(.endToEnd)) struct BadInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bad")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted()
    }()

    static let boundariesCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bad-boundaries")

    static let boundariesFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: boundariesCorpus.path)) ?? []
        return names.filter { $0.hasSuffix(".geojson") }.sorted()
    }()

    @Test func corpusIsThere() {
        #expect(Self.files.count + Self.boundariesFiles.count >= 82)
        #expect(Self.boundariesFiles.count >= 30)
    }

    /// A broken boundaries file stops every command that reads boundaries at its feature's
    /// line; an invalid but readable polygon is repaired, with a warning that says so.
    @Test(arguments: boundariesFiles)
    func boundariesFailOrRepairWithTheExpectedLine(name: String) throws {
        let file = Self.boundariesCorpus.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".geojson", with: ".expected"), encoding: .utf8)
        let repairs = expected.contains(": warning: ")
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        for (i, command) in [["summary", "--as-of", "2024-01-01"], ["render", "--as-of", "2024-01-01"], ["export", "--as-of", "2024-01-01", "--countries"]].enumerated() {
            let out = dir.appendingPathComponent("out\(i)").path
            let run = try CLI.missionmap(command + ["--boundaries", file, "-o", out])
            #expect(run.status == (repairs ? 0 : 1), "\(command[0])")
            #expect(run.stderr == "\(file):\(expected)\n", "\(command[0])")
            #expect(FileManager.default.fileExists(atPath: out) == repairs, "\(command[0]) output file")
        }
    }

    /// RFC 7946 allows a third number in a position (an altitude): it is read and dropped.
    @Test func boundariesWithAltitudesAreRead() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("altitudes.geojson").path
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"iso2":"KP","pop_est":1},"geometry":{"type":"Polygon","coordinates":[[[125,38,10],[129,38,20],[129,42,30],[125,42,40],[125,38,10]]]}},
        {"type":"Feature","properties":{"iso2":"ES","pop_est":1},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,40,1.5],[2,40,0],[2,42,-2],[0,42,3],[0,40,1.5]]]]}},
        {"type":"Feature","properties":{"iso2":"MC","pop_est":1},"geometry":{"type":"Point","coordinates":[7.4,43.7,50]}}
        ]}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        for (i, command) in [["summary"], ["render"], ["export", "--countries"]].enumerated() {
            let out = dir.appendingPathComponent("out\(i)").path
            let run = try CLI.missionmap(command + ["--as-of", "2024-01-01", "--boundaries", file, "-o", out])
            #expect(run.status == 0, "\(command[0])")
            #expect(run.stderr.isEmpty, "\(command[0])")
        }
        let geoJSON = try String(contentsOfFile: dir.appendingPathComponent("out2").path, encoding: .utf8)
        #expect(geoJSON.contains(#""iso2":"KP""#))
        #expect(geoJSON.contains("[[[125,42],[125,38],[129,38],[129,42],[125,42]]]"))
    }

    /// The bundled boundaries file says the same whether it is named or not: nothing (its one
    /// repair, India, is documented). A copy of it is a user's file, whose repairs are said.
    @Test func bundledBoundariesWarnTheSameNamedOrNot() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let link = dir.appendingPathComponent("link.geojson").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: CLI.repo.appendingPathComponent("Geo/countries50.geojson").path)
        let copy = dir.appendingPathComponent("copy.geojson").path
        try FileManager.default.copyItem(atPath: CLI.repo.appendingPathComponent("Geo/countries50.geojson").path, toPath: copy)
        for named in [[], ["--boundaries", "Geo/countries50.geojson"], ["--boundaries", "./Geo/../Geo/countries50.geojson"], ["--boundaries", link]] {
            for (i, command) in [["summary"], ["summary", "--sender", "all", "--workers", "2"], ["render"], ["export", "--countries"]].enumerated() {
                let run = try CLI.missionmap(command + ["--as-of", "2024-01-01", "-o", dir.appendingPathComponent("out\(i)").path] + named, directory: CLI.repo)
                #expect(run.status == 0, "\(command) \(named)")
                #expect(run.stderr.isEmpty, "\(command) \(named)")
            }
        }
        let run = try CLI.missionmap(["render", "--as-of", "2024-01-01", "-o", dir.appendingPathComponent("copy.svg").path, "--boundaries", copy])
        #expect(run.stderr.hasPrefix("\(copy):100: warning: feature 99: IN is not a valid polygon"))
        // The map credits the boundaries it was drawn with: Natural Earth, or the user's file by name.
        let bundled = try String(contentsOfFile: dir.appendingPathComponent("out2").path, encoding: .utf8)
        #expect(bundled.contains("Boundaries: Natural Earth 1:50m (public domain).") && bundled.contains("Boundaries: Natural Earth.</desc>"))
        let copied = try String(contentsOfFile: dir.appendingPathComponent("copy.svg").path, encoding: .utf8)
        #expect(copied.contains("Boundaries: copy.geojson. Projection") && copied.contains("Boundaries: copy.geojson.</desc>"))
        #expect(!copied.contains("Natural Earth 1:50m"))
    }

    @Test(arguments: files)
    func failsWithTheExpectedLine(name: String) throws {
        let file = Self.corpus.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".csv", with: ".expected"), encoding: .utf8)
        let validate = try CLI.missionmap(["validate", file])
        #expect(validate.status == 1)
        #expect(validate.stderr == "\(file):\(expected)\n")
        #expect(validate.stdout.isEmpty)

        let folder = try CLI.temporaryDirectory()
        defer { CLI.remove(folder) }
        let out = folder.appendingPathComponent("out").path
        for command in ["export", "summary", "render"] {
            let run = try CLI.missionmap([command, "--missions", file, "-o", out])
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr == "\(file):\(expected)\n", "\(command)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(command) left no file")
        }
    }

    /// A log with several errors: every command that reads it prints each error on its line,
    /// in line order, then their count; exit status 1 and no output file.
    @Test func everyErrorOfALogIsReported() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("several.csv").path
        try """
        post_id,date,event,sender,host,city,type,accredited_from,source
        KP-ES,2020-01-01,closed,KP,ES,,embassy,,http://s
        KP-PT,2020-01-01,opened,KP,Portugl,,embassy,,http://s
        KP-FR,2020-02-30,opened,KP,FR,,embassy,,http://s
        KP-IT,2020-01-01,accredited,KP,IT,,embassy,KP-FR,http://s
        KP-DE,2020-01-01,opened,KP,DE,,palace,,http://s

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let expected = """
        \(file):2: error: post KP-ES: 'closed' on 2020-01-01 before the post opened
        \(file):3: error: unknown country 'Portugl' in column host; did you mean Portugal (PT)?
        \(file):4: error: invalid date '2020-02-30': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)
        \(file):6: error: unknown type 'palace': expected one of embassy, high-commission, consulate-general, consulate, consular-office, permanent-mission, representative-office, trade-office, interests-section, liaison-office
        \(file): 4 errors

        """
        let validate = try CLI.missionmap(["validate", file])
        #expect(validate.status == 1)
        #expect(validate.stderr == expected)
        #expect(validate.stdout.isEmpty)
        for command in [["summary"], ["export"], ["render"], ["changes", "--from", "2020-01-01", "--to", "2021-01-01"],
                        ["timeline", "--from", "2020-01-01", "--to", "2021-01-01"], ["reconcile"]] {
            let out = dir.appendingPathComponent("out").path
            let run = try CLI.missionmap(command + ["--missions", file, "-o", out])
            #expect(run.status == 1, "\(command[0])")
            #expect(run.stderr == expected, "\(command[0])")
            #expect(!FileManager.default.fileExists(atPath: out), "\(command[0]) left no file")
        }
    }

    /// The README's log with several mistakes gives the errors the README shows.
    @Test func theReadmesExampleOfErrorsIsTheToolsOwn() throws {
        let readme = try String(contentsOf: CLI.repo.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = try #require(readme.components(separatedBy: "`my-network.csv`:\n\n```\n").dropFirst().first).components(separatedBy: "```")
        let log = blocks[0], shown = blocks[2].drop { $0 != "\n" }.dropFirst()
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        try log.write(to: dir.appendingPathComponent("my-network.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.missionmap(["validate", "my-network.csv"], directory: dir)
        #expect(run.status == 1)
        #expect(run.stderr == String(shown), "the README's example of errors")
        #expect(run.stderr.hasSuffix("my-network.csv: 5 errors\n"))
    }

    @Test func rowWithoutSourceWarnsAndStillWorks() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("nosource.csv").path
        try "post_id,date,event,sender,host,city,type,source\nKP-ES,2020-01-01,opened,KP,ES,,embassy,\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLI.missionmap(["validate", file])
        #expect(run.status == 0)
        #expect(run.stderr == "\(file):2: warning: row has no source\n")
        #expect(run.stdout == "\(file): ok: 1 events, 1 posts (0 not counted), senders KP, 1 warnings\n")
    }
}
