/// A post's status on a date.
public enum PostStatus: String, CaseIterable, Sendable, Codable {
    /// Resident and operating.
    case open
    /// Ended, and nobody took over.
    case closed
    /// The host is served by a post resident in another country.
    case crossAccredited = "cross-accredited"
    /// Staff withdrawn, not closed.
    case suspended
    /// Announced, not open.
    case planned
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
    /// Had a post, now uncovered.
    case closed
    case none
}
