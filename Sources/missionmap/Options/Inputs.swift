import Dispatch
import Foundation
import GeoKit
import MissionMap
import Synchronization

/// What a command reads, read once: the bundled data directory, the missions log, the
/// boundaries if the command draws or measures, and this thread's geo session.
struct Inputs {
    let files: DataDirectory
    let network: Network
    let logName: String
    let boundaries: Boundaries?
    let session: GeoSession

    /// Reads the log, and the boundaries if `boundaries` is given, and reports every warning
    /// of either, here and nowhere else. The log is read on another thread while this one
    /// reads the boundaries and then runs `alongside` (building the land arrangement), so a
    /// command waits for the longer of the two, not their sum. Errors come out as if run in
    /// sequence: the log's first.
    static func read<T>(log: LogOptions, boundaries: BoundariesOptions?,
                        alongside: (Boundaries, GeoSession) throws -> T) throws -> (inputs: Inputs, alongside: T?) {
        let files = try DataDirectory.locate()
        let session = try GeoSession()
        let slot = NetworkSlot()
        let done = DispatchSemaphore(value: 0)
        let path = log.path(files)
        DispatchQueue.global().async {
            slot.result.withLock { $0 = Result { try LogOptions.read(path, files) } }
            done.signal()
        }
        let read = Result { () -> (Boundaries, T)? in
            guard let options = boundaries else { return nil }
            var loaded = try Boundaries(file: options.boundaries ?? files.boundaries, session: session)
            if options.isBundled(files) { loaded.label = .naturalEarth50m }
            return (loaded, try alongside(loaded, session))
        }
        done.wait()
        let network = try slot.result.withLock { $0! }.get()
        for warning in network.warnings { printError(warning.description) }
        let made = try read.get()
        // The bundled file's warnings are not printed, whether it is named with --boundaries
        // or not: its one repair (India, see Geo/README.md) is known, and a warning on every
        // command would teach users to ignore warnings.
        if let options = boundaries, let loaded = made?.0, !options.isBundled(files) {
            for warning in loaded.warnings(against: network.gazetteer) { printError(warning.description) }
        }
        return (Inputs(files: files, network: network, logName: log.name, boundaries: made?.0, session: session), made?.1)
    }

    /// Reads the log, and the boundaries if `boundaries` is given (see above).
    static func read(log: LogOptions, boundaries: BoundariesOptions? = nil) throws -> Inputs {
        try read(log: log, boundaries: boundaries) { _, _ in () }.inputs
    }

    /// The request of a command: the selection resolved in the log, on one date.
    func request(_ selection: SelectionOptions, log: LogOptions, asOf: Day) throws -> Request {
        Request(network: network, logName: logName, selection: try selection.resolve(in: network, log: log),
                asOf: asOf, boundaries: boundaries)
    }

    /// A region or subregion name as the gazetteer spells it; nil for none given.
    func region(_ name: String?) throws -> String? {
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
