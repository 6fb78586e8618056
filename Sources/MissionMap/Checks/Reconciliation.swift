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
        var snapshots: [String: Snapshot] = [:]
        func snapshot(_ sender: String, _ day: Day) -> Snapshot {
            let key = "\(sender) \(day)"
            if let known = snapshots[key] { return known }
            let made = network.snapshot(sender: sender, asOf: day)
            snapshots[key] = made
            return made
        }
        return counts.map { count in
            // Each post with the country on its far side, whose region the scope filters on.
            let states: [(PostState, String)] = switch count.direction {
            case .abroad:
                snapshot(count.country, count.date).countedPosts.map { ($0, $0.post.host) }
            case .inHost:
                network.senders.filter { $0 != count.country }.flatMap { sender in
                    snapshot(sender, count.date).countedPosts.filter { $0.post.host == count.country }.map { ($0, sender) }
                }
            }
            let inScope = states.filter { count.scope.includes($0.0.post, other: $0.1, gazetteer: network.gazetteer) }.map(\.0)
            return Reconciliation(count: count,
                                  tool: inScope.filter { count.scope.statuses.contains($0.status) }.count,
                                  unknown: inScope.filter { $0.status == .unknown && !count.scope.statuses.contains(.unknown) }.count)
        }
    }
}
