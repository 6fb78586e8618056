import Dispatch
import Foundation
import GeoKit
import MissionMap
import Synchronization

/// What a command reads, read once: the bundled data directory, the missions log, the
/// boundaries if the command draws or measures, and this thread's geo session. Every warning
/// of the log and of the boundaries is printed here, and nowhere else.
struct Inputs {
    let files: DataDirectory
    let network: Network
    let logName: String
    let session: GeoSession
    /// Where prepared geography is kept between runs (off without boundaries or with --no-cache).
    let cache: PreparedCache
    /// The boundaries as read, or why they could not be; `request` reports either.
    private let boundaries: Result<Boundaries, Error>?
    private let bundledBoundaries: Bool

    /// Reads the log, and the boundaries if `boundaries` is given. The log is read on another
    /// thread while this one reads the boundaries and then runs `alongside` (building the
    /// land arrangement), so a command waits for the longer of the two, not their sum.
    /// Errors come out as if run in sequence: the log's here, the boundaries' from `request`,
    /// after the selection's.
    static func read<T>(log: LogOptions, boundaries: BoundariesOptions?,
                        alongside: (Boundaries, GeoSession, PreparedCache) throws -> T) throws -> (inputs: Inputs, alongside: Result<T, Error>?) {
        let files = try DataDirectory.locate()
        let session = try GeoSession()
        let slot = NetworkSlot()
        let done = DispatchSemaphore(value: 0)
        let path = log.path(files)
        DispatchQueue.global().async {
            slot.result.withLock { $0 = Result { try LogOptions.read(path, files) } }
            done.signal()
        }
        let bundled = boundaries?.isBundled(files) ?? true
        let cache = boundaries?.cache ?? PreparedCache(folder: nil)
        let read = boundaries.map { options in
            Result { () throws -> Boundaries in
                var loaded = try Boundaries(file: options.boundaries ?? files.boundaries, session: session, cache: cache)
                if bundled { loaded.label = .naturalEarth50m }
                return loaded
            }
        }
        let built = read.map { loaded in Result { try alongside(loaded.get(), session, cache) } }
        done.wait()
        let network = try slot.result.withLock { $0! }.get()
        for warning in network.warnings { printError(warning.description) }
        printCacheWarnings(cache)
        // Typed coordinates are checked where the boundaries are at hand; boundaries that
        // failed to read are reported by `request`, in their turn.
        if let loaded = try? read?.get() {
            try checkLocations(network, file: FileBytes.displayName(path), boundaries: loaded, session: session)
        }
        let inputs = Inputs(files: files, network: network, logName: log.name, session: session, cache: cache,
                            boundaries: read, bundledBoundaries: bundled)
        return (inputs, built)
    }

    /// Throws an error for each post whose typed lat/lon lies outside its host (`PostLocationCheck`).
    static func checkLocations(_ network: Network, file: String, boundaries: Boundaries, session: GeoSession) throws {
        let misplaced = try PostLocationCheck.errors(in: network, file: file, boundaries: boundaries, session: session)
        if !misplaced.isEmpty { throw DataErrors(file: file, misplaced) }
    }

    /// Reads the log, and the boundaries if `boundaries` is given (see above).
    static func read(log: LogOptions, boundaries: BoundariesOptions? = nil) throws -> Inputs {
        try read(log: log, boundaries: boundaries) { _, _, _ in () }.inputs
    }

    /// Prints the cache's warnings of stale or corrupt prepared files met so far.
    static func printCacheWarnings(_ cache: PreparedCache) {
        for warning in cache.takeWarnings() { printError(warning) }
    }

    /// The request of a command: the selection resolved in the log, the region's name as the
    /// gazetteer spells it, and the boundaries, checked in that order; on `date`.
    func request(_ selection: SelectionOptions, log: LogOptions, date: Day, region: String? = nil) throws -> Request {
        let chosen = try selection.resolve(in: network, log: log)
        let region = try self.region(region)
        return Request(network: network, logName: logName, selection: chosen, asOf: date, region: region,
                       boundaries: try checkedBoundaries())
    }

    /// The boundaries, if the command asked for them, with their warnings printed.
    func checkedBoundaries() throws -> Boundaries? {
        let loaded = try boundaries?.get()
        // The bundled file's warnings are not printed, whether it is named with --boundaries
        // or not: its one repair (India, see Geo/README.md) is known, and a warning on every
        // command would teach users to ignore warnings.
        if let loaded, !bundledBoundaries {
            for warning in loaded.warnings(against: network.gazetteer) { printError(warning.description) }
        }
        return loaded
    }

    /// A region or subregion name as the gazetteer spells it; nil for none given.
    private func region(_ name: String?) throws -> String? {
        guard let name else { return nil }
        guard let region = network.gazetteer.regionName(matching: name) else {
            throw CommandFailure("unknown region '\(Echo.quoted(name))': expected one of \(network.gazetteer.regionNames.joined(separator: ", "))")
        }
        return region
    }
}

/// Where the background read of the missions log leaves its result.
private final class NetworkSlot: Sendable {
    let result = Mutex<Result<Network, Error>?>(nil)
}
