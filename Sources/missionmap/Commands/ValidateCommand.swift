import ArgumentParser
import Foundation
import MissionMap

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a missions log against the gazetteer: every row, the order of every post's events, and that typed lat/lon lie in the host.",
        discussion: """
        Every error is reported, in line order (up to 100, then the count).

        Examples:
          missionmap validate my-network.csv
          cat my-network.csv | missionmap validate -
        """
    )

    @OptionGroup var boundaries: BoundariesOptions

    @Argument(help: ArgumentHelp("The missions log (CSV) to check, - for standard input; the bundled one if absent.", valueName: "file"),
              completion: .file(extensions: ["csv"]))
    var file: String?

    func validate() throws {
        try StandardInputUse.check(["the file": file, "--boundaries": boundaries.boundaries])
    }

    func run() throws {
        try reportingErrors {
            let log = LogOptions.named(file)
            // Boundaries are read only to check typed lat/lon, or when named: most logs place
            // every post by its city, and validate stays as fast as it was.
            let inputs = try Inputs.read(log: log)
            let network = inputs.network
            let path = FileBytes.displayName(log.path(inputs.files))
            if network.posts.contains(where: \.locationTyped) || boundaries.boundaries != nil {
                let file = boundaries.boundaries ?? inputs.files.boundaries
                let cache = boundaries.cache
                let loaded = try Boundaries(file: file, session: inputs.session, cache: cache)
                Inputs.printCacheWarnings(cache)
                if !boundaries.isBundled(inputs.files) {
                    for warning in loaded.warnings(against: network.gazetteer) { printError(warning.description) }
                }
                try Inputs.checkLocations(network, file: path, boundaries: loaded, session: inputs.session)
            }
            let events = network.posts.reduce(0) { $0 + $1.events.count }
            let senders = network.senders.map(\.iso2).joined(separator: ", ")
            let uncounted = network.posts.filter { !$0.counted }.count
            try StandardStreams.output(Data("\(path): ok: \(events) events, \(network.posts.count) posts (\(uncounted) not counted), senders \(senders), \(network.warnings.count) warnings\n".utf8))
        }
    }
}
