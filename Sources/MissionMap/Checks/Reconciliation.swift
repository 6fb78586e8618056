/// A published count beside the log's figure for the same date and scope.
public struct Reconciliation: Sendable {
    public let count: PublishedCount
    /// The log's posts in the scope with one of its statuses: a lower bound when `unknown` > 0.
    public let tool: Int
    /// The log's posts in the scope whose status is unknown on the date (before their first
    /// evidence): each could have had any status, so the true figure lies in
    /// `tool ... tool + unknown`.
    public let unknown: Int

    /// Whether the published figure lies within the log's range, widened by the tolerance.
    public var agrees: Bool {
        count.figure >= tool - count.tolerance && count.figure <= tool + unknown + count.tolerance
    }

    /// How the two compare, in words.
    public var verdict: String {
        guard agrees else { return "differs" }
        if count.figure == tool { return "exact" }
        if count.figure <= tool + unknown && count.figure > tool { return "within the unknown" }
        return "within tolerance"
    }

    /// Every published count beside the log's figure.
    public static func of(_ counts: [PublishedCount], in network: Network) -> [Reconciliation] {
        struct Key: Hashable { let query: Snapshot.Query, date: Day }
        var snapshots: [Key: Snapshot] = [:]
        return counts.map { count in
            let query: Snapshot.Query = count.direction == .abroad ? .sender(count.country) : .host(count.country, city: nil)
            let key = Key(query: query, date: count.date)
            let snapshot = snapshots[key] ?? network.snapshot(query, asOf: count.date)
            snapshots[key] = snapshot
            let figure = figure(of: count.scope, in: snapshot)
            return Reconciliation(count: count, tool: figure.tool, unknown: figure.unknown)
        }
    }

    /// The log's figure for a scope in a snapshot (of the count's direction and country): the
    /// posts in the scope with one of its statuses, and those in it whose status is unknown.
    public static func figure(of scope: PublishedCount.Scope, in snapshot: Snapshot) -> (tool: Int, unknown: Int) {
        // The scope filters on the country on the far side of each post.
        let inScope = snapshot.countedPosts.filter { scope.includes($0.post, other: snapshot.counterpart($0.post)) }
        return (inScope.filter { scope.statuses.contains($0.status) }.count,
                inScope.filter { $0.status == .unknown && !scope.statuses.contains(.unknown) }.count)
    }
}
