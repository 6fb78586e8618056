import ArgumentParser
import Foundation
import MissionMap

/// Which missions log a command reads.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Missions log (CSV), - for standard input; the bundled dataset if absent.", valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var missions: String?

    /// A log named in code rather than on the command line (nil: the bundled one). Every
    /// option is set, even to nil: swift-argument-parser traps on reading one never set.
    static func named(_ missions: String?) -> LogOptions {
        var options = LogOptions()
        options.missions = missions
        return options
    }

    /// How messages and maps name the log: its file name (control and bidi characters
    /// escaped, as in any text from input), `<stdin>` for `-`, or the bundled log's label.
    var name: String {
        guard let missions else { return DataDirectory.bundledMissionsLabel }
        if missions == FileBytes.standardInput { return FileBytes.standardInputName }
        return Echo.escaped(URL(fileURLWithPath: missions).lastPathComponent)
    }

    /// The sender a selection falls back to: KP for the bundled log, none for a user's.
    var fallbackSender: String? {
        missions == nil ? "KP" : nil
    }

    /// The log's path: the file named, or the bundled log.
    func path(_ files: DataDirectory) -> String {
        missions ?? files.missions
    }

    /// Reads and checks a log against the bundled gazetteer; its warnings are left to `Inputs`.
    static func read(_ path: String, _ files: DataDirectory) throws -> Network {
        try MissionsLog.load(file: path, gazetteer: files.gazetteer())
    }
}
