import Foundation
import GeoKit
@testable import MissionMap

/// Paths into the repository, for tests that read the bundled data.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = DataDirectory(url: root.appendingPathComponent("Geo"))
}

/// A small hand-made gazetteer: three countries in two regions and two non-capital cities.
enum Fixture {
    static let gazetteer = Gazetteer(
        countries: [
            Country(iso2: "AA", iso3: "AAA", name: "Aland", capital: "Alpha", capitalLocation: XY(10, 10), region: "Europe", subregion: "Western Europe"),
            Country(iso2: "BB", iso3: "BBB", name: "Beeland", capital: "Béta", capitalLocation: XY(20, 10), region: "Europe", subregion: "Western Europe"),
            Country(iso2: "CC", iso3: "CCC", name: "Ceeland", capital: "Gamma", capitalLocation: XY(-170, -15), region: "Oceania", subregion: "Melanesia"),
            Country(iso2: "PE", iso3: "PER", name: "Peru", capital: "Lima", capitalLocation: XY(-77.0428, -12.0464), region: "Americas", subregion: "South America"),
            Country(iso2: "FJ", iso3: "FJI", name: "Fiji", capital: "Suva", capitalLocation: XY(178.4419, -18.1416), region: "Oceania", subregion: "Melanesia"),
        ],
        cities: [City(iso2: "AA", name: "Port Aa", location: XY(11, 11)), City(iso2: "BB", name: "Geneva", location: XY(21, 11))]
    )

    static let header = "post_id,date,event,sender,host,city,type,accredited_from,lat,lon,source,note\n"

    /// Loads a missions log written as CSV rows (the standard header added unless given).
    static func network(_ rows: String, header: String = header, file: String = "fixture.csv") throws -> Network {
        try MissionsLog.load(data: Data((header + rows).utf8), file: file, gazetteer: gazetteer)
    }

    /// Every error a missions log fails with (the first hundred, in line order, and the count).
    static func errors(_ rows: String, header: String = header) -> DataErrors? {
        do {
            _ = try network(rows, header: header)
            return nil
        } catch {
            return error as? DataErrors
        }
    }

    /// The first error a missions log fails with.
    static func error(_ rows: String) -> DataError? {
        errors(rows)?.errors.first
    }
}

extension Boundaries {
    /// Reads a file in a session of its own, for tests that only read the values.
    init(file: String) throws {
        try self.init(file: file, session: GeoSession())
    }

    /// A country's shape in a session of its own, for tests that only read it (a geometry
    /// keeps its context alive; operations with another session's geometries would trap).
    func shape(_ iso2: String) throws -> Geometry? {
        try shape(iso2, in: GeoSession())
    }
}
