import ArgumentParser
import Foundation
import MissionMap

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network on a date as GeoJSON (RFC 7946) or TopoJSON: posts as points, cross-accreditations as great-circle lines, optionally host countries as polygons.",
        discussion: """
        Examples:
          missionmap export --as-of 2024-02-01 -o kp.geojson
          missionmap export --host KP --countries -o in-kp.topojson
          missionmap export --kind post -o posts.geojson && ogr2ogr -f "ESRI Shapefile" posts.shp posts.geojson
        """
    )

    /// What `export` writes: the same features either way.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case geojson, topojson
    }

    /// The extensions of -o that choose a format when --format is absent.
    static var formats: FormatChoice<Format> {
        FormatChoice(extensions: ["geojson": .geojson, "json": .geojson, "topojson": .topojson], fallback: .geojson)
    }

    @OptionGroup var log: LogOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var date: DateOptions
    @OptionGroup var geography: BoundariesOptions

    @Flag(help: "Add the host countries (and the sender) as polygons with their host_status; with --host, the senders' countries and the host.")
    var countries = false

    @Option(help: ArgumentHelp("Only posts with these statuses, comma-separated (\(PostStatus.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "list"))
    var status: String?

    @Option(help: ArgumentHelp("Only this UN region or subregion (Africa, Europe, Western Asia, ...).", valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp("Only these kinds of feature, comma-separated (post, accreditation, country; country reads the boundaries as --countries does): one kind alone converts to a Shapefile.", valueName: "list"))
    var kind: String?

    @Option(help: ArgumentHelp("Decimal places of coordinates, 1 to 9 (for TopoJSON, the quantisation grid).", valueName: "n"))
    var precision = 6

    @Option(help: ArgumentHelp("Output format, TopoJSON writing shared borders once; if absent, the extension of -o decides (.geojson, .json, .topojson), else geojson.", valueName: "format"))
    var format: Format?

    @Option(help: ArgumentHelp("Worker threads for several senders (default: the number of cores); the file is the same for any number.", valueName: "n"))
    var workers = min(ProcessInfo.processInfo.activeProcessorCount, 64)

    @OptionGroup var out: OutputOptionsOf<ExportCommand>

    func validate() throws {
        try StandardInputUse.check(["--missions": log.missions, "--boundaries": geography.boundaries])
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be from 1 to 64") }
        guard (1...9).contains(precision) else { throw ValidationError("--precision must be from 1 to 9") }
        _ = try statuses()
        _ = try kinds()
        _ = try resolvedFormat()
    }

    /// --format, or the format the extension of -o names.
    func resolvedFormat() throws -> Format {
        try Self.formats.resolve(given: format, output: out.output)
    }

    func statuses() throws -> Set<PostStatus>? {
        guard let status else { return nil }
        return Set(try status.split(separator: ",").map {
            let word = $0.trimmingCharacters(in: .whitespaces)
            guard let value = PostStatus(rawValue: word) else {
                throw ValidationError("unknown status '\(Echo.quoted(word))' in --status: expected \(PostStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        })
    }

    /// The kinds asked for with --kind; nil for all.
    func kinds() throws -> Set<FeatureKind>? {
        guard let kind else { return nil }
        return Set(try kind.split(separator: ",", omittingEmptySubsequences: false).map {
            let word = $0.trimmingCharacters(in: .whitespaces).lowercased()
            guard let value = FeatureKind(rawValue: word) else {
                throw ValidationError("unknown kind '\(Echo.quoted(word))' in --kind: expected \(FeatureKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        })
    }

    /// Whether the country polygons are written: --countries, or country in --kind.
    func withCountries() throws -> Bool {
        try countries || kinds()?.contains(.country) == true
    }

    func run() throws {
        try reportingErrors {
            let countries = try withCountries()
            let inputs = try Inputs.read(log: log, boundaries: countries ? geography : nil)
            let request = try inputs.request(selection, log: log, date: date.resolve(), region: region)
            let session = countries ? inputs.session : nil
            switch try resolvedFormat() {
            case .geojson:
                var writer = GeoJSONWriter(decimals: precision, statuses: try statuses())
                writer.cache = inputs.cache
                writer.kinds = try kinds()
                try out.stream { sink in try writer.write(request, countriesIn: session, workers: workers, to: sink) }
            case .topojson:
                var writer = TopoJSONWriter(decimals: precision, statuses: try statuses())
                writer.kinds = try kinds()
                try out.stream { sink in try writer.write(request, countriesIn: session, to: sink) }
            }
            Inputs.printCacheWarnings(inputs.cache)
        }
    }
}

extension ExportCommand: OutputFiles {
    /// -o completes to the files whose extension chooses a format.
    static var outputExtensions: [String] { formats.extensions.keys.sorted() }
}
