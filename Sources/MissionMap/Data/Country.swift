import GeoKit

/// A country or territory of the gazetteer, with its capital.
public struct Country: Hashable, Sendable {
    public let iso2: String
    public let iso3: String
    public let name: String
    public let capital: String
    /// The capital's position, `XY(lon, lat)`.
    public let capitalLocation: XY
    /// UN M49 region (Africa, Americas, Asia, Europe, Oceania; or Antarctica).
    public let region: String
    public let subregion: String
}

/// A city that hosts posts but is not a capital (consulates, UN seats).
public struct City: Hashable, Sendable {
    public let iso2: String
    public let name: String
    public let location: XY
}
