import ArgumentParser
import MissionMap

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

/// The date a command looks at.
struct DateOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date of the snapshot, YYYY-MM-DD; today (UTC) if absent.", valueName: "date"))
    var asOf: Day?

    /// The date asked for, or today (UTC): read once per run, so that a run that crosses
    /// midnight keeps one date.
    func resolve() -> Day {
        asOf ?? Day.today()
    }
}
