import Foundation

/// Where the bundled data is, in this order: the `MISSIONMAP_DATA` directory if set; the
/// installed `share/missionmap` beside the executable's `bin/` (`PREFIX/bin/missionmap`,
/// `PREFIX/share/missionmap/`); the nearest `Geo/` above the executable (a build tree). Never
/// the current directory, so that the same command gives the same output wherever it is run from.
public struct DataDirectory: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The variable that names the data directory, ahead of any other place.
    public static let environmentVariable = "MISSIONMAP_DATA"

    /// The data directory for `executable` (symbolic links resolved) under `environment`; an
    /// error naming every place looked at when none holds the data.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) throws -> DataDirectory {
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            // Named on purpose: a wrong directory is the user's to fix, not a cue to read other data.
            let named = DataDirectory(url: URL(fileURLWithPath: explicit))
            guard named.holdsData else {
                throw DataError(file: explicit, line: 0, "\(environmentVariable) names this directory, but it has no capitals.csv: point it at missionmap's data (a copy of Geo/)")
            }
            return named
        }
        let binDirectory = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        var looked = ["$\(environmentVariable) (not set)"]
        if let binDirectory {
            let installed = DataDirectory(url: binDirectory.deletingLastPathComponent().appendingPathComponent("share/missionmap").standardizedFileURL)
            if installed.holdsData { return installed }
            looked.append(installed.url.path)
        }
        var dir = binDirectory
        while let current = dir, current.path != "/" {
            let candidate = DataDirectory(url: current.appendingPathComponent("Geo"))
            if candidate.holdsData { return candidate }
            dir = current.deletingLastPathComponent()
        }
        looked.append(binDirectory.map { "a Geo/ directory in \($0.path) or above" } ?? "a Geo/ directory above the executable (not known)")
        throw DataError(file: executable?.path ?? "missionmap", line: 0,
                        "cannot find missionmap's data (capitals.csv and the rest); looked at \(looked.joined(separator: ", ")); install with scripts/install, or set \(environmentVariable)")
    }

    /// Whether the directory has the data's first file: enough to tell it from any other folder.
    private var holdsData: Bool {
        FileManager.default.fileExists(atPath: capitals)
    }

    public var capitals: String { url.appendingPathComponent("capitals.csv").path }
    public var cities: String { url.appendingPathComponent("cities.csv").path }
    public var geonamesCities: String { url.appendingPathComponent("cities15000.csv").path }
    public var aliases: String { url.appendingPathComponent("country-aliases.csv").path }
    public var boundaries: String { url.appendingPathComponent("countries50.geojson").path }
    public var missions: String { url.appendingPathComponent("missions.csv").path }
    public var publishedCounts: String { url.appendingPathComponent("checks/published-counts.csv").path }

    /// Whether `path` is the bundled boundaries file, however named (relative path, symbolic
    /// or hard link, standard input redirected from it): the same file, by device and inode.
    public func isBundledBoundaries(_ path: String) -> Bool {
        var named = stat(), bundled = stat()
        let found = path == FileBytes.standardInput ? fstat(STDIN_FILENO, &named) : stat(path, &named)
        return found == 0 && stat(boundaries, &bundled) == 0
            && named.st_dev == bundled.st_dev && named.st_ino == bundled.st_ino
    }

    /// How maps name the bundled missions log as their data source.
    public static let bundledMissionsLabel = "missionmap's bundled log (Geo/missions.csv)"

    /// The gazetteer of the bundled data: capitals, cities, country aliases and GeoNames' cities.
    public func gazetteer() throws -> Gazetteer {
        try Gazetteer(capitalsFile: capitals, citiesFile: cities, aliasesFile: aliases, geonamesFile: geonamesCities)
    }
}
