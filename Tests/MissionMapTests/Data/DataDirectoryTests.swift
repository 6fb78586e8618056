import Foundation
import Testing
@testable import MissionMap

/// `DataDirectory.locate` on directory layouts made for each test: an installation
/// (`PREFIX/bin`, `PREFIX/share/missionmap`), a build tree (`Geo/` above the executable)
/// and `MISSIONMAP_DATA`, in that order of precedence reversed.
@Suite(.tags(.unit)) struct DataDirectoryTests {
    /// A fresh folder with `files` (relative paths) created empty in it; the caller removes it.
    static func layout(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-data-\(UUID().uuidString)")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data()))
        }
        return root.resolvingSymlinksInPath()
    }

    static func locate(_ root: URL, executable: String, environment: [String: String] = [:]) throws -> String {
        try DataDirectory.locate(environment: environment, executable: root.appendingPathComponent(executable)).url.path
    }

    @Test func installedDataBesideBin() throws {
        let root = try Self.layout(["prefix/bin/missionmap", "prefix/share/missionmap/capitals.csv"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.locate(root, executable: "prefix/bin/missionmap") == root.appendingPathComponent("prefix/share/missionmap").path)
    }

    @Test func buildTreeGeoAboveTheExecutable() throws {
        let root = try Self.layout([".build/x86_64-unknown-linux-gnu/debug/missionmap", "Geo/capitals.csv"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.locate(root, executable: ".build/x86_64-unknown-linux-gnu/debug/missionmap") == root.appendingPathComponent("Geo").path)
    }

    @Test func orderIsVariableThenInstallationThenBuildTree() throws {
        let root = try Self.layout(["Geo/capitals.csv", "prefix/bin/missionmap", "prefix/share/missionmap/capitals.csv",
                                    "mine/capitals.csv"])
        defer { try? FileManager.default.removeItem(at: root) }
        let mine = root.appendingPathComponent("mine").path
        #expect(try Self.locate(root, executable: "prefix/bin/missionmap", environment: ["MISSIONMAP_DATA": mine]) == mine)
        // An empty variable is as good as unset, as in shells.
        #expect(try Self.locate(root, executable: "prefix/bin/missionmap", environment: ["MISSIONMAP_DATA": ""])
                == root.appendingPathComponent("prefix/share/missionmap").path)
        try FileManager.default.removeItem(at: root.appendingPathComponent("prefix/share"))
        #expect(try Self.locate(root, executable: "prefix/bin/missionmap") == root.appendingPathComponent("Geo").path)
    }

    /// `ln -s PREFIX/bin/missionmap ~/bin/`: the data is found beside the real executable.
    @Test func symbolicLinkToTheExecutable() throws {
        let root = try Self.layout(["prefix/bin/missionmap", "prefix/share/missionmap/capitals.csv"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("home/bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("home/bin/missionmap").path,
                                                   withDestinationPath: root.appendingPathComponent("prefix/bin/missionmap").path)
        #expect(try Self.locate(root, executable: "home/bin/missionmap") == root.appendingPathComponent("prefix/share/missionmap").path)
    }

    @Test func notFoundNamesEveryPlaceLookedAt() throws {
        let root = try Self.layout(["home/bin/missionmap", "home/share/missionmap/README.md"])
        defer { try? FileManager.default.removeItem(at: root) }
        let executable = root.appendingPathComponent("home/bin/missionmap")
        let error = try #require(throws: DataError.self) {
            try DataDirectory.locate(environment: [:], executable: executable)
        }
        #expect(error.file == executable.path)
        #expect(error.message.contains("$MISSIONMAP_DATA (not set)"))
        #expect(error.message.contains(root.appendingPathComponent("home/share/missionmap").path + ","))
        #expect(error.message.contains("a Geo/ directory in \(root.appendingPathComponent("home/bin").path) or above"))
    }

    @Test func variableNamingNoDataIsAnError() throws {
        let root = try Self.layout(["prefix/bin/missionmap", "prefix/share/missionmap/capitals.csv", "empty/README.md"])
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = root.appendingPathComponent("empty").path
        // Not the installed data instead: the variable was set on purpose.
        let error = try #require(throws: DataError.self) {
            try Self.locate(root, executable: "prefix/bin/missionmap", environment: ["MISSIONMAP_DATA": empty])
        }
        #expect(error.description == "\(empty): error: MISSIONMAP_DATA names this directory, but it has no capitals.csv: point it at missionmap's data (a copy of Geo/)")
    }
}
