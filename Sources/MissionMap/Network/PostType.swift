/// What kind of post a mission is. The names follow the Lowy Institute's Global Diplomacy
/// Index and OpenStreetMap's `diplomatic=*` tag.
public enum PostType: String, CaseIterable, Sendable, Codable {
    case embassy
    /// The embassy of one Commonwealth member in another: an embassy in every figure, named
    /// as itself by type.
    case highCommission = "high-commission"
    case consulateGeneral = "consulate-general"
    case consulate
    case consularOffice = "consular-office"
    /// A mission to an international organisation (UN New York, UN Geneva, UNESCO Paris).
    case permanentMission = "permanent-mission"
    case representativeOffice = "representative-office"
    case tradeOffice = "trade-office"
    /// Diplomats of the sender working under a protecting power's flag where the two states
    /// have no relations (Cuba's in Washington under Switzerland's until 2015).
    case interestsSection = "interests-section"
    /// A post short of an embassy, often before or instead of relations (the US in Beijing, 1973–79).
    case liaisonOffice = "liaison-office"

    /// Whether the post represents the sender to the host state itself. A mission to an
    /// organisation sits in a country without being accredited to it, so it does not make
    /// that country a resident host.
    public var isBilateral: Bool { self != .permanentMission }

    /// Whether the post counts as an embassy: a high commission is one under another name.
    public var isEmbassy: Bool { self == .embassy || self == .highCommission }

    /// Whether a count of `types` takes this post in: one of embassies takes in high commissions.
    public func isCounted(in types: Set<PostType>) -> Bool {
        types.contains(self) || (self == .highCommission && types.contains(.embassy))
    }
}
