/// What kind of post a mission is.
public enum PostType: String, CaseIterable, Sendable, Codable {
    case embassy
    case consulateGeneral = "consulate-general"
    case consulate
    case consularOffice = "consular-office"
    /// A mission to an international organisation (UN New York, UN Geneva, UNESCO Paris).
    case permanentMission = "permanent-mission"
    case representativeOffice = "representative-office"
    case tradeOffice = "trade-office"

    /// Whether the post represents the sender to the host state itself. A mission to an
    /// organisation sits in a country without being accredited to it, so it does not make
    /// that country a resident host.
    public var isBilateral: Bool { self != .permanentMission }
}
