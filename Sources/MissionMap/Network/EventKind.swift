/// What happened to a post on a date.
public enum EventKind: String, CaseIterable, Sendable {
    /// The post opened on this date.
    case opened
    /// A source shows the post open on this date; when it opened is not known.
    case attested
    case closed
    /// Staff withdrawn without closing (Pyongyang 2020–24).
    case suspended
    case resumed
    /// Announced, not yet open.
    case planned
    /// The host is from now on covered by the post in `accredited_from` (non-resident).
    case accredited
    case accreditationEnded = "accreditation-ended"
}
