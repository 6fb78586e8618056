import Foundation
import MissionMap
import Testing

/// The log read from a pipe: `-`, `/dev/stdin` and process substitution give what the file
/// gives, and messages name standard input `<stdin>`.
@Suite(.tags(.endToEnd)) struct StandardInputTests {
    static let log = CLI.repo.appendingPathComponent("Geo/missions.csv").path

    /// `missionmap ARGUMENTS` run by bash, `script` around it (a pipe, a redirection).
    static func shell(_ script: String, _ arguments: [String]) throws -> CLI.Result {
        let quoted = ([CLI.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try CLI.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script.replacingOccurrences(of: "MISSIONMAP", with: quoted.joined(separator: " "))])
    }

    @Test func validateReadsPipesAsTheFile() throws {
        let file = try CLI.missionmap(["validate", Self.log])
        #expect(file.status == 0)
        let suffix = try #require(file.stdout.range(of: ": ok: ")).lowerBound
        let report = String(file.stdout[suffix...])
        for (script, name) in [("cat '\(Self.log)' | MISSIONMAP -", "<stdin>"),
                               ("MISSIONMAP /dev/stdin < '\(Self.log)'", "/dev/stdin"),
                               ("MISSIONMAP <(cat '\(Self.log)')", "/dev/fd/")] {
            let piped = try Self.shell(script, ["validate"])
            #expect(piped.status == 0, "\(script): \(piped.stderr)")
            #expect(piped.stderr.isEmpty, "\(script)")
            #expect(piped.stdout.hasPrefix(name) && piped.stdout.hasSuffix(report), "\(script): \(piped.stdout)")
        }
    }

    @Test func summaryOfPipedLogIsTheFilesSummary() throws {
        let arguments = ["summary", "--sender", "KP", "--as-of", "2024-02-01", "--format", "json"]
        let file = try CLI.missionmap(arguments + ["--missions", Self.log])
        let piped = try Self.shell("cat '\(Self.log)' | MISSIONMAP", arguments + ["--missions", "-"])
        #expect(file.status == 0 && piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == file.stdout)
        #expect(piped.stdout.contains("\"open\""))
    }

    /// A broken log on standard input fails as the file would, at its line, named `<stdin>`.
    @Test func errorsInPipedInputNameStandardInput() throws {
        let corpus = CLI.repo.appendingPathComponent("Tests/EndToEndTests/Fixtures/bad")
        for name in ["accreditation-cycle", "accredited-from-closed-post"] {
            let expected = try String(contentsOf: corpus.appendingPathComponent("\(name).expected"), encoding: .utf8)
            let run = try Self.shell("MISSIONMAP - < '\(corpus.appendingPathComponent("\(name).csv").path)'", ["validate"])
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "<stdin>:\(expected)\n", "\(name)")
        }
        let boundaries = CLI.repo.appendingPathComponent("Tests/EndToEndTests/Fixtures/bad-boundaries")
        let name = "boolean-pop-est.expected"
        let expected = try String(contentsOf: boundaries.appendingPathComponent(name), encoding: .utf8)
        let file = boundaries.appendingPathComponent(name.replacingOccurrences(of: ".expected", with: ".geojson")).path
        let run = try Self.shell("MISSIONMAP < '\(file)'", ["summary", "--as-of", "2024-01-01", "--boundaries", "-"])
        #expect(run.status == 1)
        #expect(run.stderr == "<stdin>:\(expected)\n", "\(name)")
    }

    @Test func onlyOneInputReadsStandardInput() throws {
        let run = try Self.shell("MISSIONMAP < /dev/null", ["summary", "--missions", "-", "--boundaries", "-"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--missions and --boundaries both name standard input (-)"))
    }

    @Test func versionIsTheLibrarys() throws {
        let run = try CLI.missionmap(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == MissionMapVersion + "\n")
        #expect(MissionMapVersion.split(separator: ".").count == 3)
    }

    /// Shells complete file arguments to the files each takes.
    @Test func completionOffersFilesByExtension() throws {
        let script = try CLI.missionmap(["--generate-completion-script", "bash"]).stdout
        for pattern in ["'!*.@(csv)'", "'!*.@(geojson|json)'", "'!*.@(css)'", "'!*.@(pdf|png|svg)'", "'!*.@(geojson|json|topojson)'"] {
            #expect(script.contains(pattern), "\(pattern)")
        }
    }
}
