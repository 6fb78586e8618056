import GeoKit

/// A country or territory of the gazetteer, with its capital. In text it is its ISO code.
public struct Country: Hashable, Sendable, CustomStringConvertible {
    /// The fields, held once per country of the gazetteer: every post holds two countries,
    /// which as a reference are 8 bytes each rather than 112. Immutable, so still a value.
    private final class Fields: Sendable {
        let iso2: String, iso3: String, name: String, capital: String
        let capitalLocation: XY
        let region: String, subregion: String

        init(iso2: String, iso3: String, name: String, capital: String, capitalLocation: XY, region: String, subregion: String) {
            (self.iso2, self.iso3, self.name, self.capital) = (iso2, iso3, name, capital)
            self.capitalLocation = capitalLocation
            (self.region, self.subregion) = (region, subregion)
        }
    }

    private let fields: Fields

    init(iso2: String, iso3: String, name: String, capital: String, capitalLocation: XY, region: String, subregion: String) {
        fields = Fields(iso2: iso2, iso3: iso3, name: name, capital: capital, capitalLocation: capitalLocation, region: region, subregion: subregion)
    }

    public var iso2: String { fields.iso2 }
    public var iso3: String { fields.iso3 }
    public var name: String { fields.name }
    public var capital: String { fields.capital }
    /// The capital's position, `XY(lon, lat)`.
    public var capitalLocation: XY { fields.capitalLocation }
    /// UN M49 region (Africa, Americas, Asia, Europe, Oceania; or Antarctica).
    public var region: String { fields.region }
    public var subregion: String { fields.subregion }

    public var description: String { iso2 }

    // One gazetteer has one country per code: comparing and hashing the code alone is the
    // same and much cheaper (snapshots compare the countries of every post).
    public static func == (a: Country, b: Country) -> Bool { a.fields === b.fields || a.iso2 == b.iso2 }
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
