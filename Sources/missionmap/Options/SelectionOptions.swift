import ArgumentParser
import MissionMap

/// Which posts a command is about.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The sending state: ISO 3166-1 code or English name (export and summary also take several, comma-separated, or 'all'); KP for the bundled log, the only sender of a log with one.", valueName: "iso2"))
    var sender: String?

    /// Whether the option names more than one sender (`all`, or a list), before reading any log.
    var namesSeveral: Bool {
        sender.map { $0.lowercased() == "all" || $0.contains(",") } ?? false
    }

    /// The selection in `network`, read from `log`.
    func resolve(in network: Network, log: LogOptions) throws -> Selection {
        try network.selection(senders: sender, fallback: log.fallbackSender, log: log.name)
    }
}

extension Selection {
    /// The one sender of a selection, for commands that draw or list one sender's network.
    func single() throws -> Country {
        switch self {
        case .sender(let sender): return sender
        case .all: throw CommandFailure("--sender all is for export and summary")
        case .senders, .host: throw CommandFailure("several senders are for export and summary: name one with --sender")
        }
    }
}
