import Foundation
import Testing

/// Output is whole or absent, goes where it was asked or fails saying why, and does not
/// depend on the locale or the current directory.
@Suite(.tags(.endToEnd)) final class OutputSafetyTests {
    let dir: URL

    init() throws {
        dir = try CLI.temporaryDirectory()
    }

    deinit { CLI.remove(dir) }

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
                      ["changes", "--from", "2023-10-01", "--to", "2024-02-01", "--format", "json"],
                      ["timeline", "--from", "2023-01-01", "--to", "2024-02-01", "--by", "region"]])
    func outputIgnoresLocaleAndDirectory(arguments: [String]) throws {
        var plain = CLI.testEnvironment
        plain["LC_ALL"] = "C"
        plain["LANG"] = "C"
        let reference = try CLI.missionmap(arguments, environment: plain)
        #expect(reference.status == 0, "\(reference.stderr)")
        for locale in ["de_DE.UTF-8", "tr_TR.UTF-8", "ar_SA.UTF-8"] {
            var env = CLI.testEnvironment
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
            process.environment = CLI.testEnvironment
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

    /// Every signal that stops a run by default and that can be caught removes the file
    /// being written, and the run dies of the signal, as shells and make expect.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGALRM])
    func signalledWritersRemoveTheirFile(signal: Int32) throws {
        let missions = path("world.csv")
        try WorldLog.write(to: missions)
        let out = path("out.geojson")
        let writer = try #require(try Writer.start(["export", "--missions", missions, "--sender", "all", "-o", out], target: out),
                                  "the run finished before it could be signalled")
        kill(writer.pid, signal)
        let stderr = String(decoding: writer.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal && writer.process.terminationStatus == signal)
        #expect(stderr == "missionmap: interrupted; removed 1 unfinished output file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["world.csv"])
    }

    /// A reader that goes away (`missionmap export | head`) ends the run as SIGPIPE does by
    /// default, quietly, whether it writes to standard output or to a pipe named with -o.
    @Test(arguments: [[], ["-o", "/dev/stdout"]])
    func closedPipeEndsTheRunQuietly(output: [String]) throws {
        let missions = path("world.csv")
        try WorldLog.write(to: missions)
        let process = Process()
        process.executableURL = CLI.binary
        process.environment = CLI.testEnvironment
        process.arguments = ["export", "--missions", missions, "--sender", "all"] + output
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        #expect(!out.fileHandleForReading.availableData.isEmpty)
        try out.fileHandleForReading.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
        #expect(stderr.isEmpty)
    }

    /// SIGPIPE sent with kill closes no pipe: it is ignored, and the file is finished.
    @Test func sigpipeFromKillIsIgnored() throws {
        let missions = path("world.csv")
        try WorldLog.write(to: missions)
        let out = path("out.geojson")
        let arguments = ["export", "--missions", missions, "--sender", "all", "--as-of", "2024-01-01", "-o"]
        let writer = try #require(try Writer.start(arguments + [out], target: out), "the run finished before it could be signalled")
        kill(writer.pid, SIGPIPE)
        let stderr = String(decoding: writer.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .exit && writer.process.terminationStatus == 0, "\(stderr)")
        let whole = try CLI.missionmap(arguments + [path("whole.geojson")])
        #expect(whole.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: path("whole.geojson"))))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["world.csv", "out.geojson", "whole.geojson"])
    }

    /// Standard output that cannot be written (a full disk) is an error that says why, not a crash.
    @Test(arguments: [["summary", "--as-of", "2023-10-01"], ["validate"]])
    func fullStandardOutputSaysWhy(arguments: [String]) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.environment = CLI.testEnvironment
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1)
        #expect(stderr == "missionmap: error: cannot write to standard output: No space left on device\n")
    }

    /// The file is synced before its rename and its folder after it, so that a crash
    /// leaves the old file or the whole new one: seen in the system calls, with strace.
    @Test func fileAndFolderAreSynced() throws {
        let out = path("s.txt"), trace = path("trace")
        // Without -f: the main thread alone, which writes, so that no other thread's calls split the lines.
        // LeakSanitizer cannot stop threads under ptrace and reports false leaks there
        // (scripts/sanitize address): no leak check inside strace.
        var environment = CLI.testEnvironment
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        let run = try CLI.run(URL(fileURLWithPath: "/usr/bin/env"), ["strace", "-o", trace, "-e", "trace=openat,fsync,rename", CLI.binary.path,
                                                                     "summary", "--as-of", "2023-10-01", "-o", out], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            .map { String($0.replacing(/\s+=/, with: " =")) }  // strace pads short calls to align their results
        func index(after start: Int, _ matches: (String) -> Bool) -> Int? {
            calls.indices.first { $0 > start && matches(calls[$0]) }
        }
        func descriptor(_ line: String) -> String? { line.firstMatch(of: /= (\d+)$/).map { String($0.1) } }
        let created = try #require(index(after: -1) { $0.hasPrefix("openat(AT_FDCWD, \"\(dir.path)/.s.txt.missionmap-") && $0.contains("O_CREAT") })
        let file = try #require(descriptor(calls[created]))
        let fileSynced = try #require(index(after: created) { $0 == "fsync(\(file)) = 0" }, "the file is not synced")
        let renamed = try #require(index(after: created) { $0.hasPrefix("rename(") && $0.hasSuffix(", \"\(out)\") = 0") })
        #expect(fileSynced < renamed, "the file is synced after its rename")
        let opened = try #require(index(after: renamed) { $0.hasPrefix("openat(AT_FDCWD, \"\(dir.path)\", O_RDONLY|") && $0.contains("O_DIRECTORY") },
                                  "the folder is not opened after the rename")
        let folder = try #require(descriptor(calls[opened]))
        #expect(index(after: opened) { $0 == "fsync(\(folder)) = 0" } != nil, "the folder is not synced")
    }

    /// A writer killed outright (SIGKILL) cannot clean up: its temporary file, named with its
    /// pid, stays until the next run to the same target, which removes it as that pid is gone.
    /// Temporary files of live writers, of other targets, and files that only look like
    /// temporary files stay.
    @Test func nextRunRemovesTemporaryFilesOfKilledWriters() throws {
        let missions = path("world.csv")
        try WorldLog.write(to: missions)
        let arguments = ["export", "--missions", missions, "--sender", "all", "--as-of", "2024-01-01", "-o"]
        let whole = try CLI.missionmap(arguments + [path("whole.geojson")])
        #expect(whole.status == 0, "\(whole.stderr)")
        let out = path("out.geojson")
        var stale: (path: String, pid: pid_t)?
        // Killed after its rename (the machine is slow), a writer leaves nothing: try again.
        for _ in 1...5 where stale == nil {
            guard let writer = try Writer.start(arguments + [out], target: out) else { continue }
            kill(writer.pid, SIGKILL)
            writer.process.waitUntilExit()
            #expect(writer.process.terminationReason == .uncaughtSignal && writer.process.terminationStatus == SIGKILL)
            if FileManager.default.fileExists(atPath: writer.temporary) { stale = (writer.temporary, writer.pid) }
            try? FileManager.default.removeItem(atPath: out)
        }
        let (stalePath, dead) = try #require(stale, "no writer was killed while writing")
        let name = URL(fileURLWithPath: stalePath).lastPathComponent
        #expect(name.wholeMatch(of: /\.out\.geojson\.missionmap-(\d+)-[0-9a-f]{16}\.tmp/)?.1 == "\(dead)", "\(name)")
        #expect(kill(dead, 0) == -1 && errno == ESRCH, "the killed writer's pid is in use again")

        let kept = [
            ".out.geojson.missionmap-\(getpid())-0123456789abcdef.tmp",  // its writer (this test) is alive
            ".other.geojson.missionmap-\(dead)-0123456789abcdef.tmp",  // another target's
            ".out.geojson.\(UUID().uuidString).tmp",  // no pid to tell by
            ".out.geojson.missionmap-\(dead)-0123456789ABCDEF.tmp",
            ".out.geojson.missionmap-\(dead)-0123456789abcde.tmp",
            ".out.geojson.missionmap-0\(dead)-0123456789abcdef.tmp",
            ".out.geojson.missionmap-\(dead)-0123456789abcdef.tmp.bak",
            ".out.geojson.missionmap-\(dead)-0123456789abcdef-1.tmp",
            "out.geojson.missionmap-\(dead)-0123456789abcdef.tmp",
        ]
        for name in kept { try "x".write(toFile: path(name), atomically: false, encoding: .utf8) }
        // Named like a dead writer's file, but not a regular file: a folder, and a link to a file.
        let folder = ".out.geojson.missionmap-\(dead)-00000000000000aa.tmp", link = ".out.geojson.missionmap-\(dead)-00000000000000bb.tmp"
        try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: path(link), withDestinationPath: path(kept[0]))

        let again = try CLI.missionmap(arguments + [out])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: stalePath), "the killed writer's temporary file is still there")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: path("whole.geojson"))))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(names == Set(kept + [folder, link, "world.csv", "whole.geojson", "out.geojson"]))
    }

    /// A pid can be reused. A temporary file untouched for more than a day whose pid now
    /// belongs to a program that is not missionmap (this test) is stale; one whose pid
    /// belongs to a running missionmap is not, however old.
    @Test func reusedPidsAfterADay() throws {
        // A missionmap that stays alive: writing more to a pipe than it holds, which nobody reads.
        let live = Process()
        live.executableURL = CLI.binary
        live.environment = CLI.testEnvironment
        live.arguments = ["export", "--countries", "--as-of", "2023-10-01"]
        let output = Pipe()
        live.standardOutput = output
        live.standardError = FileHandle.nullDevice
        try live.run()
        defer {
            kill(live.processIdentifier, SIGKILL)
            live.waitUntilExit()
        }
        let old = Date(timeIntervalSinceNow: -25 * 60 * 60), recent = Date(timeIntervalSinceNow: -23 * 60 * 60)
        let files = [
            (".s.csv.missionmap-\(getpid())-00000000000000a1.tmp", old, false),
            (".s.csv.missionmap-\(getpid())-00000000000000a2.tmp", recent, true),
            (".s.csv.missionmap-\(live.processIdentifier)-00000000000000a3.tmp", old, true),
        ]
        for (name, date, _) in files {
            try "x".write(toFile: path(name), atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path(name))
        }
        let run = try CLI.missionmap(["summary", "--as-of", "2023-10-01", "--format", "csv", "-o", path("s.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(live.isRunning)
        for (name, _, stays) in files {
            #expect(FileManager.default.fileExists(atPath: path(name)) == stays, "\(name)")
        }
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

/// A run of missionmap caught while it writes its temporary file.
struct Writer {
    let process: Process
    let stderr: Pipe
    let temporary: String
    var pid: pid_t { process.processIdentifier }

    /// Starts a run that writes `target`, and waits until its temporary file (named with its
    /// pid) holds data; nil if the run finished first.
    static func start(_ arguments: [String], target: String) throws -> Writer? {
        let process = Process()
        process.executableURL = CLI.binary
        process.environment = CLI.testEnvironment
        process.arguments = arguments
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = ".\((target as NSString).lastPathComponent).missionmap-\(process.processIdentifier)-"
        while process.isRunning {
            if let name = try FileManager.default.contentsOfDirectory(atPath: folder).first(where: { $0.hasPrefix(prefix) }) {
                let path = (folder as NSString).appendingPathComponent(name)
                var info = stat()
                if stat(path, &info) == 0, info.st_size > 0 { return Writer(process: process, stderr: stderr, temporary: path) }
            }
            usleep(1000)
        }
        process.waitUntilExit()
        return nil
    }
}
