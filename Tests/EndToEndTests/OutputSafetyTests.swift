import Foundation
import Testing

/// Output is whole or absent, goes where it was asked or fails saying why, and does not
/// depend on the locale or the current directory.
@Suite struct OutputSafetyTests {
    let dir: URL

    init() throws {
        dir = try CLI.temporaryDirectory()
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    @Test func unwritableTargetsSayWhy() throws {
        try "x".write(toFile: path("a-file"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: path("a-folder"), withIntermediateDirectories: true)
        let cases = [
            (path("missing/s.txt"), "cannot write \(path("missing/s.txt")): the folder \(path("missing")) does not exist"),
            (path("a-file/s.txt"), "cannot write \(path("a-file/s.txt")): \(path("a-file")) is not a folder"),
            (path("a-folder"), "cannot write \(path("a-folder")): it is a folder; give a file name"),
            ("/dev/full", "cannot write /dev/full: No space left on device"),
            ("", "-o needs a file name"),
        ]
        for (target, message) in cases {
            let run = try CLI.missionmap(["summary", "--as-of", "2023-10-01", "-o", target])
            #expect(run.status == 1, "\(target)")
            #expect(run.stderr == "missionmap: error: \(message)\n")
        }
        let gallery = try CLI.missionmap(["gallery", "-o", path("a-file")])
        #expect(gallery.status == 1)
        #expect(gallery.stderr == "missionmap: error: cannot write into \(path("a-file")): it is a file, not a folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a-file", "a-folder"], "no temporary file left")
        #expect(FileManager.default.fileExists(atPath: "/dev/full"))
    }

    /// A device is written to, not replaced by a file (as renaming over it would do for root).
    @Test func devicesAreWrittenToNotReplaced() throws {
        let run = try CLI.missionmap(["summary", "--as-of", "2023-10-01", "--format", "csv", "-o", "/dev/stdout"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("region,open,"))
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try CLI.missionmap(["summary", "--as-of", "2023-10-01", "-o", "/dev/null"]).status == 0)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
    }

    /// Writing through a symbolic link replaces the file it names and keeps the link and the file's mode.
    @Test func linksAndModesSurvive() throws {
        try "old".write(toFile: path("target.txt"), atomically: true, encoding: .utf8)
        chmod(path("target.txt"), 0o640)
        try FileManager.default.createSymbolicLink(atPath: path("link.txt"), withDestinationPath: path("target.txt"))
        #expect(try CLI.missionmap(["summary", "--as-of", "2023-10-01", "-o", path("link.txt")]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.txt")) == path("target.txt"))
        #expect(try String(contentsOfFile: path("target.txt"), encoding: .utf8).hasPrefix("North Korea (KP)"))
        let mode = try FileManager.default.attributesOfItem(atPath: path("target.txt"))[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    /// German number formats, a Turkish dotless i, another working directory: the same bytes.
    @Test(arguments: [["summary", "--as-of", "2024-02-01", "--format", "csv"],
                      ["summary", "--as-of", "2024-02-01", "--by", "subregion"],
                      ["export", "--as-of", "2024-02-01", "--countries"],
                      ["render", "--as-of", "2024-02-01", "--region", "Europe"],
                      ["changes", "--from", "2023-10-01", "--to", "2024-02-01", "--format", "json"]])
    func outputIgnoresLocaleAndDirectory(arguments: [String]) throws {
        var plain = ProcessInfo.processInfo.environment
        plain["LC_ALL"] = "C"
        plain["LANG"] = "C"
        let reference = try CLI.missionmap(arguments, environment: plain)
        #expect(reference.status == 0, "\(reference.stderr)")
        for locale in ["de_DE.UTF-8", "tr_TR.UTF-8", "ar_SA.UTF-8"] {
            var env = ProcessInfo.processInfo.environment
            env["LC_ALL"] = locale
            env["LANG"] = locale
            env["LC_NUMERIC"] = locale
            let run = try CLI.missionmap(arguments, environment: env, directory: URL(fileURLWithPath: "/"))
            #expect(run.status == 0, "\(locale): \(run.stderr)")
            #expect(run.stdout == reference.stdout, "\(arguments[0]) differs under \(locale)")
        }
    }

    /// Interrupted at any moment, a run leaves either no file or the whole file, never a
    /// temporary one; the runs that were cut short while writing say they removed it.
    @Test func interruptedRunsLeaveNoPartialFile() throws {
        let missions = path("world.csv")
        try WorldLog.write(to: missions)
        let arguments = ["export", "--missions", missions, "--sender", "all", "--as-of", "2024-01-01", "-o"]
        let clock = ContinuousClock()
        let start = clock.now
        let whole = try CLI.missionmap(arguments + [path("whole.geojson")])
        let duration = (clock.now - start) / Duration.seconds(1)
        #expect(whole.status == 0, "\(whole.stderr)")
        var removed = 0
        for step in 1...12 {
            let out = path("cut\(step).geojson")
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = arguments + [out]
            process.standardError = Pipe()
            try process.run()
            Thread.sleep(forTimeInterval: duration * Double(step) / 13)
            process.interrupt()
            let stderr = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(!names.contains { $0.hasSuffix(".tmp") }, "step \(step): temporary file left")
            if process.terminationReason == .uncaughtSignal {
                #expect(process.terminationStatus == SIGINT)
                if String(decoding: stderr, as: UTF8.self).contains("removed 1 unfinished output file") {
                    removed += 1
                    #expect(!FileManager.default.fileExists(atPath: out), "step \(step): interrupted while writing, yet \(out) exists")
                }
            } else {
                #expect(process.terminationStatus == 0)
            }
            // Interrupted before the rename, there is no file; after it (the signal can come
            // between the rename and the exit), the whole file.
            if FileManager.default.fileExists(atPath: out) {
                #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: path("whole.geojson"))), "step \(step)")
            }
        }
        #expect(removed > 0, "no run was interrupted while writing: the test did not test the clean-up")
    }
}

/// A large synthetic log: 40 senders with an embassy in every other country of the bundled
/// gazetteer, about 9,500 posts, so that writing the export takes long enough to interrupt.
enum WorldLog {
    static func write(to path: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let capitals = root.appendingPathComponent("Geo/capitals.csv")
        // The first column of our own capitals table: two-letter codes, no quoting.
        let codes = try String(contentsOf: capitals, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            .compactMap { $0.split(separator: ",").first.map(String.init) }
        var text = "post_id,date,event,sender,host,type,source\n"
        for sender in codes.prefix(40) {
            for host in codes where host != sender {
                text += "\(sender)-\(host),2000-01-01,opened,\(sender),\(host),embassy,https://example.org/synthetic\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
