import GeoKit

/// A writer of the network's features (`NetworkFeatures`) in one file format: GeoJSON or
/// TopoJSON. Each writes several snapshots into one document; the entry points for a request,
/// one snapshot and a whole string are the same for both, and are here.
public protocol NetworkWriter: Sendable {
    /// Decimal places of coordinates (6 is about 0.1 m).
    var decimals: Int { get set }
    /// The post statuses to write; nil for all.
    var statuses: Set<PostStatus>? { get set }
    /// A UN region or subregion (as the gazetteer spells it) to keep; nil for the world.
    var region: String? { get set }
    /// The kinds of feature to write; nil for all (countries only where given boundaries).
    var kinds: Set<FeatureKind>? { get set }

    /// Writes several snapshots into one document, in pieces to `sink` (countries, if given,
    /// per snapshot).
    func write(_ snapshots: [Snapshot], countries: NetworkCountries?, to sink: (String) throws -> Void) throws
}

/// The country polygons to add: boundaries, and the session to read, snap and cut them in.
public typealias NetworkCountries = (boundaries: Boundaries, session: GeoSession)

extension NetworkWriter {
    /// Writes what a request asks for (its senders or host, on its date, in its region) to
    /// `sink`; with a session, the countries of its boundaries too.
    public func write(_ request: Request, countriesIn session: GeoSession? = nil, to sink: (String) throws -> Void) throws {
        var writer = self
        writer.region = request.region
        try writer.write(request.snapshots, countries: session.map { (request.requiredBoundaries(), $0) }, to: sink)
    }

    /// Writes one snapshot's document in pieces to `sink`.
    public func write(_ snapshot: Snapshot, countries: NetworkCountries? = nil, to sink: (String) throws -> Void) throws {
        try write([snapshot], countries: countries, to: sink)
    }

    /// The whole document as one string.
    public func string(_ snapshot: Snapshot, countries: NetworkCountries? = nil) throws -> String {
        var text = ""
        try write(snapshot, countries: countries) { text += $0 }
        return text
    }
}
