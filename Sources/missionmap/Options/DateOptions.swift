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
}
