/// What a command asks of the library, worked out once by the command line: the log read,
/// the posts selected, the date, and the boundaries with their label. Every part is a value,
/// so one request serves every worker thread.
public struct Request: Sendable {
    /// The missions log as read, with its gazetteer.
    public let network: Network
    /// How messages and maps name the log: its file name, or the bundled log's label.
    public let logName: String
    public let selection: Selection
    /// The date of the figures, fixed once (a run that crosses midnight UTC keeps one date).
    public let asOf: Day
    /// A UN region or subregion, as the gazetteer spells it, to keep; nil for the world.
    public let region: String?
    /// The country boundaries, for commands that draw or measure.
    public let boundaries: Boundaries?

    public init(network: Network, logName: String, selection: Selection, asOf: Day, region: String? = nil, boundaries: Boundaries? = nil) {
        self.network = network
        self.logName = logName
        self.selection = selection
        self.asOf = asOf
        self.region = region
        self.boundaries = boundaries
    }

    /// The boundaries, which a command that draws or measures has read.
    public func requiredBoundaries() -> Boundaries {
        guard let boundaries else { preconditionFailure("the request has no boundaries: read them for this command") }
        return boundaries
    }

    /// The snapshots selected, on the request's date.
    public var snapshots: [Snapshot] {
        selection.queries(in: network).map { network.snapshot($0, asOf: asOf) }
    }

    /// The senders selected (none for a host).
    public var senders: [Country] {
        selection.senders(in: network)
    }
}
