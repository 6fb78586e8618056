import ArgumentParser
import Foundation
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

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date of the snapshot, YYYY-MM-DD; today (UTC) if absent.", valueName: "date"))
    var asOf: Day?

    @Option(name: .long, help: ArgumentHelp("ISO 3166-1 code of the sending state.", valueName: "iso2"))
    var sender = "KP"

    var date: Day { asOf ?? Day.today() }

    /// The bundled data directory and the network read from the chosen missions log.
    func load() throws -> (data: DataDirectory, network: Network) {
        let data = try DataDirectory.locate()
        let gazetteer = try Gazetteer(capitalsFile: data.capitals, citiesFile: data.cities)
        let network = try MissionsLog.load(file: missions ?? data.missions, gazetteer: gazetteer)
        for warning in network.warnings { printError(warning.description) }
        guard network.gazetteer.country(code: sender) != nil else {
            throw CommandFailure("unknown sender '\(sender)': expected an ISO 3166-1 code of the gazetteer")
        }
        return (data, network)
    }
}

/// Where a command writes: a file given with -o (written whole or not at all), or stdout.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func write(_ text: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            // .atomic writes a temporary file beside the target and renames it into place.
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A failure already phrased for the user.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body, turning data, library and output errors into one line on stderr
/// and exit status 1 (usage errors are found before, by swift-argument-parser).
func reportingErrors(_ body: () throws -> Void) throws {
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
