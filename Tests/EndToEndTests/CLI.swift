import Foundation
import Testing

/// Runs the built `missionmap` and other programs, capturing their output.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `missionmap` executable beside the test bundle in the build folder.
    static let binary: URL = {
        let here = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = here.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("missionmap")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("missionmap executable not found near \(here.path)")
    }()

    /// The repository's root folder.
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs missionmap; without an environment given, in this one with the prepared-geography
    /// cache in a folder of this test run's own, so that no file of another build is read.
    static func missionmap(_ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws -> Result {
        try run(binary, arguments, environment: environment ?? testEnvironment, directory: directory)
    }

    /// This process's environment, with `XDG_CACHE_HOME` a fresh folder for the whole run.
    static let testEnvironment: [String: String] = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-e2e-cache-\(UUID().uuidString)")
        return ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": folder.path]) { _, new in new }
    }()

    /// Runs a program found on PATH.
    /// Renders a map of the bundled log on 2024-02-01 into `dir`, checks it with xmllint and
    /// rsvg-convert, and returns the SVG.
    static func renderChecked(_ arguments: [String], in dir: URL) throws -> String {
        let file = dir.appendingPathComponent("m-\(UUID().uuidString).svg").path
        let run = try missionmap(["render", "--as-of", "2024-02-01"] + arguments + ["-o", file])
        #expect(run.status == 0, "\(run.stderr)")
        let lint = try tool("xmllint", ["--noout", file])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        let draw = try tool("rsvg-convert", ["-o", file + ".png", file])
        #expect(draw.status == 0 && draw.stderr.isEmpty, "\(draw.stderr)")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so that a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty directory for a test's files; the caller removes it (`remove(_:)`).
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Removes a test's directory and everything in it.
    static func remove(_ dir: URL) {
        try? FileManager.default.removeItem(at: dir)
    }
}
