import ArgumentParser
import Foundation
import MissionMap

/// Which posts a command is about.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The sending state: ISO 3166-1 code or English name (export, summary, timeline and changes also take several, comma-separated, or 'all'); KP for the bundled log, the only sender of a log with one.", valueName: "iso2"))
    var sender: String?

    @Option(name: .long, help: ArgumentHelp("Look from a host instead: every sender's posts in this country (ISO 3166-1 code or English name); export, summary, changes and render.", valueName: "iso2"))
    var host: String?

    @Option(name: .long, help: ArgumentHelp("With --host: only the posts resident in this city of the host.", valueName: "name"))
    var city: String?

    // A host view and a sender view are two sides of the posts: asking for both is a slip.
    func validate() throws {
        if host != nil, sender != nil { throw ValidationError("--host and --sender look from opposite sides: give one of them") }
        if city != nil, host == nil { throw ValidationError("--city needs --host: the host whose city it is") }
    }

    /// Whether the option may name more than one sender (`all`, or a list), before any log is
    /// read: a hint for scheduling work, not a decision ("Korea, North" is one sender).
    var mayNameSeveral: Bool {
        sender.map { $0.lowercased() == "all" || $0.contains(",") } ?? false
    }

    /// The selection in `network`: a host (and city), `all`, one sender, or a comma-separated list of them.
    func resolve(in network: Network, log: LogOptions) throws -> Selection {
        if let host { return try network.selection(host: host, city: city, log: log.name) }
        guard let sender else { return try network.selection(senders: [], fallback: log.fallbackSender, log: log.name) }
        if sender.lowercased() == "all" { return .all }
        // A name with a comma of its own ("Korea, North") is one sender, not a list.
        let names = network.gazetteer.country(matching: sender) != nil
            ? [sender] : sender.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try network.selection(senders: names, fallback: log.fallbackSender, log: log.name)
    }
}

extension Selection {
    /// The one sender of a selection, for commands that draw or list one sender's network.
    func single() throws -> Country {
        switch self {
        case .sender(let sender): return sender
        case .all: throw CommandFailure("--sender all is for export, summary, timeline and changes")
        case .senders: throw CommandFailure("several senders are for export, summary, timeline and changes: name one with --sender")
        case .host: throw CommandFailure("--host looks from a host: this needs one sender, named with --sender")
        }
    }

    /// The side a map looks from: one sender, or a host (and city).
    func mapped() throws -> Snapshot.Query {
        if case .host(let host, let city) = self { return .host(host, city: city) }
        return .sender(try single())
    }
}
