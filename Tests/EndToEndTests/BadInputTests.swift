import Foundation
import Testing

/// Every file of the bad-input corpus fails every command the same way: one
/// `FILE:LINE: error:` line, exit status 1, and no output file.
@Suite struct BadInputTests {
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
        #expect(Self.files.count + Self.boundariesFiles.count >= 60)
        #expect(Self.boundariesFiles.count >= 12)
    }

    /// A broken boundaries file stops every command that reads boundaries at its feature's
    /// line; an invalid but readable polygon is repaired, with a warning that says so.
    @Test(arguments: boundariesFiles)
    func boundariesFailOrRepairWithTheExpectedLine(name: String) throws {
        let file = Self.boundariesCorpus.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".geojson", with: ".expected"), encoding: .utf8)
        let repairs = expected.contains(": warning: ")
        let dir = try CLI.temporaryDirectory()
        for (i, command) in [["summary", "--as-of", "2024-01-01"], ["render", "--as-of", "2024-01-01"], ["export", "--as-of", "2024-01-01", "--countries"]].enumerated() {
            let out = dir.appendingPathComponent("out\(i)").path
            let run = try CLI.missionmap(command + ["--boundaries", file, "-o", out])
            #expect(run.status == (repairs ? 0 : 1), "\(command[0])")
            #expect(run.stderr == "\(file):\(expected)\n", "\(command[0])")
            #expect(FileManager.default.fileExists(atPath: out) == repairs, "\(command[0]) output file")
        }
    }

    @Test(arguments: files)
    func failsWithTheExpectedLine(name: String) throws {
        let file = Self.corpus.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".csv", with: ".expected"), encoding: .utf8)
        let validate = try CLI.missionmap(["validate", file])
        #expect(validate.status == 1)
        #expect(validate.stderr == "\(file):\(expected)\n")
        #expect(validate.stdout.isEmpty)

        let out = try CLI.temporaryDirectory().appendingPathComponent("out").path
        for command in ["export", "summary", "render"] {
            let run = try CLI.missionmap([command, "--missions", file, "-o", out])
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr == "\(file):\(expected)\n", "\(command)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(command) left no file")
        }
    }

    @Test func rowWithoutSourceWarnsAndStillWorks() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("nosource.csv").path
        try "post_id,date,event,sender,host,city,type,source\nKP-ES,2020-01-01,opened,KP,ES,,embassy,\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLI.missionmap(["validate", file])
        #expect(run.status == 0)
        #expect(run.stderr == "\(file):2: warning: row has no source\n")
        #expect(run.stdout == "\(file): ok: 1 events, 1 posts (0 not counted), senders KP, 1 warnings\n")
    }
}
