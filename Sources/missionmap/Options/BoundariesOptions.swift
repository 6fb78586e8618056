import ArgumentParser
import MissionMap

/// Which country boundaries a command draws or measures with.
struct BoundariesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Country boundaries: a GeoJSON FeatureCollection of polygons with iso2 and pop_est properties, - for standard input; the bundled Natural Earth 1:50m if absent.", valueName: "file"),
            completion: .file(extensions: ["geojson", "json"]))
    var boundaries: String?
}

extension BoundariesOptions {
    /// The bundled boundaries, named in code rather than on the command line (the option set
    /// to nil, as swift-argument-parser traps on reading one never set).
    static var bundled: BoundariesOptions {
        var options = BoundariesOptions()
        options.boundaries = nil
        return options
    }

    /// Whether the boundaries read are the bundled file, however named.
    func isBundled(_ files: DataDirectory) -> Bool {
        boundaries.map(files.isBundledBoundaries) ?? true
    }
}
