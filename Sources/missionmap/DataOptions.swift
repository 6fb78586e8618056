import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import MissionMap

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

/// The options every command shares: which data, which sender, which date.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Missions log (CSV); the bundled dataset if absent.", valueName: "file"))
    var missions: String?

    @Option(help: ArgumentHelp("Country boundaries: a GeoJSON FeatureCollection of polygons with iso2 and pop_est properties; the bundled Natural Earth 1:50m if absent.", valueName: "file"))
    var boundaries: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date of the snapshot, YYYY-MM-DD; today (UTC) if absent.", valueName: "date"))
    var asOf: Day?

    @Option(name: .long, help: ArgumentHelp("The sending state: ISO 3166-1 code or English name (export and summary also take 'all'); KP for the bundled log, the only sender of a log with one.", valueName: "iso2"))
    var sender: String?

    var date: Day { asOf ?? Day.today() }

    /// The bundled data directory and the network read from the chosen missions log.
    func load() throws -> (data: DataDirectory, network: Network) {
        let loaded = try loadNetwork(missions: missions)
        return (loaded.data, loaded.network)
    }

    /// Reads the missions log on another thread while `alongside` runs on this one (reading
    /// boundaries, building the land arrangement: work that needs no log), so that a command
    /// waits for the longer of the two, not their sum. Errors come out as if run in sequence:
    /// the log's first; `alongside`'s is handed back for the command to raise where it did before.
    func load<T>(alongside: (DataDirectory, String) throws -> T) throws -> (data: DataDirectory, network: Network, other: Result<T, Error>) {
        let files = try DataDirectory.locate()
        let path = missions ?? files.missions
        let slot = NetworkSlot()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            slot.result.withLock { $0 = Result { try MissionsLog.load(file: path, gazetteer: files.gazetteer()) } }
            done.signal()
        }
        let other = Result { try alongside(files, boundaries ?? files.boundaries) }
        done.wait()
        let network = try slot.result.withLock { $0! }.get()
        for warning in network.warnings { printError(warning.description) }
        return (files, network, other)
    }

    /// Prints the warnings of reading a user's boundaries file (repairs, unknown codes). The
    /// bundled file's are not printed, whether it is named with --boundaries or not: its one
    /// repair (India, see Geo/README.md) is known, and a warning on every command would teach
    /// users to ignore warnings.
    func report(_ warnings: [DataError], files: DataDirectory) {
        guard let boundaries, !files.isBundledBoundaries(boundaries) else { return }
        for warning in warnings { printError(warning.description) }
    }

    /// The boundaries file the options name, or the bundled one, with its warnings reported.
    func loadBoundaries(_ files: DataDirectory, gazetteer: Gazetteer) throws -> Boundaries {
        let loaded = try Boundaries(file: boundaries ?? files.boundaries)
        report(loaded.warnings(against: gazetteer), files: files)
        return loaded
    }

    /// The sender's ISO alpha-2 code (the option takes a code, name or alias; see `Network.sender`).
    func senderCode(in network: Network) throws -> String {
        try resolveSender(sender, missions: missions, in: network)
    }

    /// A region or subregion name as the gazetteer spells it; nil for none given.
    func region(_ name: String?, in network: Network) throws -> String? {
        guard let name else { return nil }
        guard let region = network.gazetteer.regionName(matching: name) else {
            throw CommandFailure("unknown region '\(Echo.quoted(name))': expected one of \(network.gazetteer.regionNames.joined(separator: ", "))")
        }
        return region
    }

    /// The snapshot the options ask for.
    func snapshot(of network: Network) throws -> Snapshot {
        guard !allSenders else { throw CommandFailure("--sender all is for export and summary") }
        return network.snapshot(sender: try senderCode(in: network), asOf: date)
    }

    /// `--sender all`: every sender of the log, one after the other.
    var allSenders: Bool { sender?.lowercased() == "all" }

    /// The senders the options ask for: one, or with `--sender all` every sender of the log.
    func senderCodes(in network: Network) throws -> [String] {
        allSenders ? network.senders : [try senderCode(in: network)]
    }

    /// The snapshots the options ask for: one sender's, or with `--sender all` every sender's.
    func snapshots(of network: Network) throws -> [Snapshot] {
        try senderCodes(in: network).map { network.snapshot(sender: $0, asOf: date) }
    }
}

/// Where a command writes: a file given with -o (written whole or not at all), or stdout.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func write(_ text: String) throws {
        try stream { try $0(text) }
    }

    /// Hands `body` a sink for the output as it is produced: standard output, or a file that
    /// appears only once `body` has finished without error.
    func stream(_ body: ((String) throws -> Void) throws -> Void) throws {
        guard let output else {
            var buffer = Data()
            try body { text in
                buffer.append(contentsOf: text.utf8)
                if buffer.count >= 1 << 16 {
                    try StandardStreams.output(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try StandardStreams.output(buffer)
            return
        }
        let file = try OutputFile(path: output)
        try body(file.write)
        try file.commit()
    }
}

/// The bundled data directory, and the network of a missions log (the bundled one if nil)
/// with its path; warnings go to stderr.
func loadNetwork(missions: String?) throws -> (data: DataDirectory, network: Network, path: String) {
    let data = try DataDirectory.locate()
    let path = missions ?? data.missions
    let network = try MissionsLog.load(file: path, gazetteer: data.gazetteer())
    for warning in network.warnings { printError(warning.description) }
    return (data, network, path)
}

/// The sender a command means in a log: as named, or KP for the bundled log, or a user log's
/// only sender.
func resolveSender(_ sender: String?, missions: String?, in network: Network) throws -> String {
    try network.sender(named: sender, fallback: missions == nil ? "KP" : nil, log: logName(missions))
}

/// How messages and maps name a missions log: its file name, or the bundled log's label.
func logName(_ missions: String?) -> String {
    missions.map { URL(fileURLWithPath: $0).lastPathComponent } ?? DataDirectory.bundledMissionsLabel
}

func printError(_ line: String) {
    // Everything reaching the terminal passes here: no control or bidi character from input.
    StandardStreams.error(Data((Echo.escaped(line) + "\n").utf8))
}

/// Standard output and error, written with write(2): FileHandle's write traps on any error
/// (`> /dev/full`), and a closed pipe must end the run as SIGPIPE would (see `Interrupts`).
enum StandardStreams {
    static func output(_ data: Data) throws {
        guard let reason = writeAll(STDOUT_FILENO, data) else { return }
        if reason == EPIPE { Interrupts.pipeClosed() }
        throw CommandFailure("cannot write to standard output: \(String(cString: strerror(reason)))")
    }

    /// Diagnostics: another error writing them has nowhere to be reported.
    static func error(_ data: Data) {
        if writeAll(STDERR_FILENO, data) == EPIPE { Interrupts.pipeClosed() }
    }
}

/// Where the background read of the missions log leaves its result.
private final class NetworkSlot: Sendable {
    let result = Mutex<Result<Network, Error>?>(nil)
}

/// A failure already phrased for the user.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body, turning data, library and output errors into one line on stderr
/// and exit status 1 (usage errors are found before, by swift-argument-parser).
func reportingErrors(_ body: () throws -> Void) throws {
    Interrupts.install()
    do {
        try body()
    } catch let error as DataError {
        printError(error.description)
        throw ExitCode.failure
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("missionmap: error: \(error)")
        throw ExitCode.failure
    }
}
