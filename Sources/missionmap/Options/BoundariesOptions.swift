import ArgumentParser
import MissionMap

/// Which country boundaries a command draws or measures with.
struct BoundariesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Country boundaries: a GeoJSON FeatureCollection of polygons with iso2 and pop_est properties, - for standard input; the bundled Natural Earth 1:50m if absent.", valueName: "file"),
            completion: .file(extensions: ["geojson", "json"]))
    var boundaries: String?

    @Flag(name: .customLong("no-cache"), help: "Read and prepare the boundaries afresh: neither use nor keep the prepared geography in $XDG_CACHE_HOME/missionmap (~/.cache/missionmap).")
    var noCache = false

    /// Where prepared geography is kept between runs, unless --no-cache.
    var cache: PreparedCache {
        PreparedCache.standard(enabled: !noCache)
    }
}

extension BoundariesOptions {
    /// The bundled boundaries, named in code rather than on the command line (the option set
    /// to nil, as swift-argument-parser traps on reading one never set).
    static func bundled(noCache: Bool = false) -> BoundariesOptions {
        var options = BoundariesOptions()
        options.boundaries = nil
        options.noCache = noCache
        return options
    }

    /// Whether the boundaries read are the bundled file, however named.
    func isBundled(_ files: DataDirectory) -> Bool {
        boundaries.map(files.isBundledBoundaries) ?? true
    }
}
