/// A post's status on a date.
public enum PostStatus: String, CaseIterable, Sendable, Codable {
    /// Resident and operating.
    case open
    /// Ended, and nobody took over.
    case closed
    /// The host is served by a post resident in another country.
    case crossAccredited = "cross-accredited"
    /// Staff withdrawn, not closed (or, for a cover, the covering post's staff withdrawn).
    case suspended
    /// Announced, not open.
    case planned
    /// A host that only ever had non-resident cover, whose cover has ended: never `closed`,
    /// since nothing resident closed.
    case uncovered
    /// The date lies before the first evidence of a post whose opening is not recorded:
    /// the log cannot say whether it existed.
    case unknown
}

/// What a host country is to the sender on a date.
public enum HostStatus: String, CaseIterable, Sendable, Codable {
    /// The sender's own country.
    case sender
    /// At least one open bilateral post.
    case resident
    /// Covered from a post in another country.
    case nonResident = "non-resident"
    /// Its posts are suspended, none open and none covering it from elsewhere.
    case suspended
    /// Its only posts lie before their first evidence: it may or may not have had one.
    case unknown
    /// Had a resident post, now uncovered.
    case closed
    /// Had only non-resident cover, now none.
    case uncovered
    case none

    /// The host status a post of this status gives its host, alone.
    init(_ post: PostStatus) {
        self = switch post {
        case .open: .resident
        case .crossAccredited: .nonResident
        case .suspended: .suspended
        case .unknown: .unknown
        case .closed: .closed
        case .uncovered: .uncovered
        case .planned: .none
        }
    }

    /// Of two posts in one host, the status that describes the host: the strongest presence.
    /// An unknown post outranks a closed one: the host may still have had a post.
    static let precedence: [HostStatus] = [.resident, .nonResident, .suspended, .unknown, .closed, .uncovered, .none]
}
