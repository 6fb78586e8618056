import Foundation

/// Where the bundled data (`Geo/`) is: the `MISSIONMAP_DATA` directory if set, else the
/// nearest `Geo/` above the running executable. Never the current directory, so that the
/// same command gives the same output wherever it is run from.
public struct DataDirectory: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) throws -> DataDirectory {
        if let explicit = environment["MISSIONMAP_DATA"], !explicit.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: explicit))
        }
        var dir = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        while let current = dir, current.path != "/" {
            let candidate = current.appendingPathComponent("Geo")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("capitals.csv").path) {
                return DataDirectory(url: candidate)
            }
            dir = current.deletingLastPathComponent()
        }
        throw DataError(file: executable?.path ?? "missionmap", line: 0,
                        "cannot find the bundled Geo/ directory above the executable; set MISSIONMAP_DATA")
    }

    public var capitals: String { url.appendingPathComponent("capitals.csv").path }
    public var cities: String { url.appendingPathComponent("cities.csv").path }
    public var aliases: String { url.appendingPathComponent("country-aliases.csv").path }
    public var boundaries: String { url.appendingPathComponent("countries50.geojson").path }
    public var missions: String { url.appendingPathComponent("missions.csv").path }
    public var publishedCounts: String { url.appendingPathComponent("checks/published-counts.csv").path }

    /// Whether `path` is the bundled boundaries file, however named (relative path, symbolic
    /// or hard link): the same file, by device and inode.
    public func isBundledBoundaries(_ path: String) -> Bool {
        var named = stat(), bundled = stat()
        return stat(path, &named) == 0 && stat(boundaries, &bundled) == 0
            && named.st_dev == bundled.st_dev && named.st_ino == bundled.st_ino
    }

    /// How maps name the bundled missions log as their data source.
    public static let bundledMissionsLabel = "missionmap's bundled log (Geo/missions.csv)"

    /// The gazetteer of the bundled data: capitals, cities and country aliases.
    public func gazetteer() throws -> Gazetteer {
        try Gazetteer(capitalsFile: capitals, citiesFile: cities, aliasesFile: aliases)
    }
}
