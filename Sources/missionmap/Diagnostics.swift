import ArgumentParser
import Foundation
import MissionMap

/// A failure already phrased for the user.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func printError(_ line: String) {
    // Everything reaching the terminal passes here: no control or bidi character from input.
    StandardStreams.error(Data((Echo.escaped(line) + "\n").utf8))
}

/// Runs a command body, turning data, library and output errors into lines on stderr (one
/// per error; a file's several errors followed by their count) and exit status 1 (usage
/// errors are found before, by swift-argument-parser).
func reportingErrors(_ body: () throws -> Void) throws {
    Interrupts.install()
    do {
        try body()
    } catch let errors as DataErrors {
        errors.lines.forEach(printError)
        throw ExitCode.failure
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
