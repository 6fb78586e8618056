import Foundation
import Testing

/// `scripts/install PREFIX`, run once (it builds in release, minutes on a small machine): the
/// installed binary runs from anywhere with an empty environment, finds its data in
/// PREFIX/share/missionmap, and needs nothing from the Swift toolchain.
@Suite(.tags(.endToEnd)) struct InstallTests {
    /// The files the binary reads at run time, and the data's README: nothing more.
    static let dataFiles = ["README.md", "capitals.csv", "checks/published-counts.csv", "cities.csv", "cities15000.csv",
                            "countries50.geojson", "country-aliases.csv", "missions.csv"]

    /// No MISSIONMAP_DATA, no LD_LIBRARY_PATH, no toolchain on PATH: `env -i PATH=/usr/bin:/bin`.
    static let bareEnvironment = ["PATH": "/usr/bin:/bin"]

    static func install(_ prefix: URL) throws -> CLI.Result {
        try CLI.run(CLI.repo.appendingPathComponent("scripts/install"), [prefix.path])
    }

    @Test(.timeLimit(.minutes(30)))
    func installedBinaryRunsAnywhereWithoutTheToolchain() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let prefix = dir.appendingPathComponent("prefix")
        let install = try Self.install(prefix)
        try #require(install.status == 0, "\(install.stderr)")
        let binary = prefix.appendingPathComponent("bin/missionmap").path
        let share = prefix.appendingPathComponent("share/missionmap")

        // The data files, copied whole, and nothing for maintainers (tools/, other checks).
        let installed = try FileManager.default.subpathsOfDirectory(atPath: share.path)
            .filter { $0 != "checks" }.sorted()
        #expect(installed == Self.dataFiles)
        for file in Self.dataFiles {
            #expect(FileManager.default.contentsEqual(atPath: share.appendingPathComponent(file).path,
                                                      andPath: CLI.repo.appendingPathComponent("Geo/\(file)").path), "\(file)")
        }

        // Only system libraries: nothing from the toolchain, nothing missing.
        let ldd = try CLI.tool("ldd", [binary])
        #expect(ldd.status == 0)
        #expect(ldd.stdout.contains("libgeos_c"))
        #expect(ldd.stdout.contains("libproj"))
        for line in ldd.stdout.split(separator: "\n") {
            #expect(!line.contains("/opt/swift") && !line.contains("libswift") && !line.contains("libFoundation") && !line.contains("not found"), "\(line)")
        }

        // From /, with an empty environment: the same answers as the build tree's binary.
        let validate = try CLI.run(URL(fileURLWithPath: binary), ["validate"], environment: Self.bareEnvironment, directory: URL(fileURLWithPath: "/"))
        let reference = try CLI.missionmap(["validate"])
        #expect(validate.status == 0)
        #expect(validate.stderr.isEmpty, "\(validate.stderr)")
        let referencePath = CLI.repo.appendingPathComponent("Geo/missions.csv").resolvingSymlinksInPath().path
        #expect(validate.stdout == reference.stdout.replacingOccurrences(of: referencePath, with: share.appendingPathComponent("missions.csv").path))
        #expect(validate.stdout.hasPrefix(share.appendingPathComponent("missions.csv").path + ": ok: "))

        let arguments = ["summary", "--as-of", "2023-10-01", "--format", "json"]
        let summary = try CLI.run(URL(fileURLWithPath: binary), arguments, environment: Self.bareEnvironment, directory: URL(fileURLWithPath: "/"))
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout == (try CLI.missionmap(arguments)).stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        // Posts as the ministry counted them on 2023-10-01: open and suspended.
        #expect((totals["open"] as? Int ?? 0) + (totals["suspended"] as? Int ?? 0) == 53)

        // Again: the installation is updated in place, the same files.
        let again = try Self.install(prefix)
        #expect(again.status == 0, "\(again.stderr)")
        let layout = ["bin", "bin/missionmap", "share", "share/missionmap", "share/missionmap/checks"]
            + Self.dataFiles.map { "share/missionmap/\($0)" }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: prefix.path).sorted() == layout.sorted())

        // The binary copied alone (`cp missionmap ~/bin/`): an error naming every place it
        // looked, then MISSIONMAP_DATA pointing at the data.
        let lone = dir.appendingPathComponent("home/bin/missionmap")
        try FileManager.default.createDirectory(at: lone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: lone.path)
        let lost = try CLI.run(lone, ["validate"], environment: Self.bareEnvironment, directory: URL(fileURLWithPath: "/"))
        #expect(lost.status == 1)
        #expect(lost.stdout.isEmpty)
        #expect(lost.stderr.hasPrefix("\(lone.path): error: cannot find missionmap's data"))
        #expect(lost.stderr.contains("$MISSIONMAP_DATA (not set)"))
        #expect(lost.stderr.contains(dir.appendingPathComponent("home/share/missionmap").path))
        #expect(lost.stderr.contains("a Geo/ directory in \(dir.appendingPathComponent("home/bin").path) or above"))
        var named = Self.bareEnvironment
        named["MISSIONMAP_DATA"] = share.path
        let found = try CLI.run(lone, ["validate"], environment: named, directory: URL(fileURLWithPath: "/"))
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout == validate.stdout)
    }
}
