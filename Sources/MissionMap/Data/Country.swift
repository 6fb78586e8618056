import GeoKit

/// A country or territory of the gazetteer, with its capital. In text it is its ISO code.
public struct Country: Hashable, Sendable, CustomStringConvertible {
    public let iso2: String
    public let iso3: String
    public let name: String
    public let capital: String
    /// The capital's position, `XY(lon, lat)`.
    public let capitalLocation: XY
    /// UN M49 region (Africa, Americas, Asia, Europe, Oceania; or Antarctica).
    public let region: String
    public let subregion: String

    public var description: String { iso2 }

    // One gazetteer has one country per code: comparing and hashing the code alone is the
    // same and much cheaper (snapshots compare the countries of every post).
    public static func == (a: Country, b: Country) -> Bool { a.iso2 == b.iso2 }
    public func hash(into hasher: inout Hasher) { hasher.combine(iso2) }

    /// Whether the country lies in a UN region or subregion (as the gazetteer spells it).
    public func isIn(_ regionOrSubregion: String) -> Bool {
        region == regionOrSubregion || subregion == regionOrSubregion
    }
}

/// A city that hosts posts but is not a capital (consulates, UN seats).
public struct City: Hashable, Sendable {
    public let iso2: String
    public let name: String
    public let location: XY
}
