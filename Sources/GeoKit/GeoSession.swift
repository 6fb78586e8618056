/// The geometry workplace of one thread or task: a GEOS context, a PROJ context, and the
/// transformers built in it. Whatever does geometry is handed one explicitly; no domain
/// value owns a context, so data read once can be shared by every thread's session.
public final class GeoSession {
    public let geos: GEOSContext
    public let proj: ProjContext
    private var transformers: [String: Transformer] = [:]

    public init() throws {
        geos = try GEOSContext()
        proj = try ProjContext()
    }

    /// The transformer from `source` to `target`, made once per session (making one costs
    /// far more than using it).
    public func transformer(from source: String, to target: String) throws -> Transformer {
        let key = source + "\u{0}" + target
        if let made = transformers[key] { return made }
        let made = try Transformer(from: source, to: target, in: proj)
        transformers[key] = made
        return made
    }
}

@available(*, unavailable, message: "a geo session belongs to one thread or task")
extension GeoSession: Sendable {}
