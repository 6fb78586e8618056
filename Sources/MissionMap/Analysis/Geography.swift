import GeoKit

/// Country land and population for regional figures: the boundaries, and their land table
/// (`LandTable`), whose faces make every union of countries' land a sum. A value: one
/// geography serves every worker of a run.
public struct Geography: Sendable {
    public let boundaries: Boundaries
    public let land: LandTable

    /// The geography of `boundaries`, its land table built now with GEOS and PROJ in `session`.
    public init(boundaries: Boundaries, session: GeoSession) throws {
        try self.init(boundaries: boundaries, land: LandTable(boundaries: boundaries, session: session))
    }

    /// The geography of `boundaries` with a land table already made (or read back).
    public init(boundaries: Boundaries, land: LandTable) {
        self.boundaries = boundaries
        self.land = land
    }

    /// The geography of `boundaries`, its land table read from `cache` or built and kept there.
    public static func prepared(_ boundaries: Boundaries, session: GeoSession, cache: PreparedCache) throws -> Geography {
        Geography(boundaries: boundaries, land: try LandTable.prepared(boundaries, session: session, cache: cache))
    }

    /// Whether the boundaries draw the country as land (a polygon), not just a point or nothing.
    public func hasPolygon(_ iso2: String) -> Bool {
        land.countriesWithLand.contains(iso2)
    }

    public func population(_ iso2: String) -> Double {
        boundaries.population(iso2)
    }

    /// The area of the union of the countries' land, in square metres.
    public func area(ofUnionOf codes: [String]) -> Double {
        land.area(ofUnionOf: codes)
    }
}
