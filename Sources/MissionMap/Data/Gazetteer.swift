import Foundation
import GeoKit

/// Countries with their capitals, the hand-made cities that host posts, and GeoNames'
/// cities of 15,000+ people (read on first use): what posts are geocoded and grouped into
/// regions with.
public struct Gazetteer: Sendable {
    public let countries: [Country]
    private let byCode: [String: Country]
    /// Folded names and aliases to ISO alpha-2.
    private let byName: [String: String]
    private let citiesByCountry: [String: [City]]
    /// Folded capital and city names per country, folded once rather than per lookup.
    private let placeKeys: [String: (capital: String, cities: [(key: String, location: XY)])]
    /// GeoNames' cities, looked in after the capital and the hand-made cities; nil for none.
    public let geonames: GeoNamesCities?

    /// A gazetteer; `aliases` maps other names (Ivory Coast, DPRK) to ISO alpha-2 codes.
    public init(countries: [Country], cities: [City], aliases: [(iso2: String, alias: String)] = [], geonames: GeoNamesCities? = nil) {
        self.countries = countries
        self.geonames = geonames
        var byCode: [String: Country] = [:]
        var byName: [String: String] = [:]
        for c in countries {
            byCode[c.iso2] = c
            if !c.iso3.isEmpty { byCode[c.iso3] = c }
            byName[Gazetteer.fold(c.name)] = c.iso2
        }
        for a in aliases where byCode[a.iso2] != nil { byName[Gazetteer.fold(a.alias)] = a.iso2 }
        self.byCode = byCode
        self.byName = byName
        let citiesByCountry = Dictionary(grouping: cities, by: \.iso2)
        self.citiesByCountry = citiesByCountry
        placeKeys = Dictionary(countries.map { c in
            (c.iso2, (Gazetteer.fold(c.capital), (citiesByCountry[c.iso2] ?? []).map { (Gazetteer.fold($0.name), $0.location) }))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads `capitals.csv`, `cities.csv` and, if given, `country-aliases.csv`; GeoNames'
    /// cities file, if given, is read only when a city is not found in the others.
    public init(capitalsFile: String, citiesFile: String, aliasesFile: String? = nil, geonamesFile: String? = nil) throws {
        let capitals = try CSVTable(contentsOf: capitalsFile, required: ["iso2", "iso3", "name", "capital", "lat", "lon", "region", "subregion"])
        var seen: [String: Int] = [:]
        let countries = try capitals.records.map { r in
            let iso2 = r["iso2"].uppercased()
            guard iso2.count == 2, iso2.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw DataError(file: capitals.file, line: r.line, "'\(Echo.quoted(r["iso2"]))' is not a two-letter code")
            }
            if let first = seen[iso2] {
                throw DataError(file: capitals.file, line: r.line, "country \(iso2) already defined on line \(first)")
            }
            seen[iso2] = r.line
            return Country(iso2: iso2, iso3: r["iso3"].uppercased(), name: r["name"], capital: r["capital"],
                           capitalLocation: try Gazetteer.location(r, file: capitals.file), region: r["region"], subregion: r["subregion"])
        }
        let table = try CSVTable(contentsOf: citiesFile, required: ["iso2", "city", "lat", "lon"])
        let cities = try table.records.map { r in
            let iso2 = r["iso2"].uppercased()
            guard seen[iso2] != nil else {
                throw DataError(file: table.file, line: r.line, "unknown country code '\(Echo.quoted(r["iso2"]))'")
            }
            return City(iso2: iso2, name: r["city"], location: try Gazetteer.location(r, file: table.file))
        }
        var aliases: [(iso2: String, alias: String)] = []
        if let aliasesFile {
            let table = try CSVTable(contentsOf: aliasesFile, required: ["iso2", "alias"])
            aliases = try table.records.map { r in
                guard seen[r["iso2"].uppercased()] != nil else {
                    throw DataError(file: table.file, line: r.line, "unknown country code '\(Echo.quoted(r["iso2"]))'")
                }
                return (r["iso2"].uppercased(), r["alias"])
            }
        }
        self.init(countries: countries, cities: cities, aliases: aliases, geonames: geonamesFile.map(GeoNamesCities.init(file:)))
    }

    /// Reads a row's `lat` and `lon` cells as a position, checking they are numbers in range.
    static func location(_ r: CSVTable.Record, file: String) throws(DataError) -> XY {
        for (column, name) in [("lat", "latitude"), ("lon", "longitude")] where NumberText.decimal(r[column]) == nil {
            throw DataError(file: file, line: r.line, "\(name) '\(Echo.quoted(r[column]))' is not a plain decimal number (such as -12.5 or 1.25e1)")
        }
        guard let lat = NumberText.decimal(r["lat"]), lat.isFinite, (-90...90).contains(lat) else {
            throw DataError(file: file, line: r.line, "latitude '\(Echo.quoted(r["lat"]))' is not a number from -90 to 90")
        }
        guard let lon = NumberText.decimal(r["lon"]), lon.isFinite, (-180...180).contains(lon) else {
            throw DataError(file: file, line: r.line, "longitude '\(Echo.quoted(r["lon"]))' is not a number from -180 to 180")
        }
        return XY(lon, lat)
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code (any case).
    public func country(code: String) -> Country? {
        byCode[code.uppercased()]
    }

    /// Every UN region and subregion name in the gazetteer, sorted.
    public var regionNames: [String] {
        Array(Set(countries.flatMap { [$0.region, $0.subregion] }).subtracting([""])).sorted()
    }

    /// The region or subregion name as the gazetteer spells it, matched without regard to case.
    public func regionName(matching text: String) -> String? {
        regionNames.first { $0.lowercased() == text.lowercased() }
    }

    /// Whether a country lies in a region or subregion (as spelt by `regionName(matching:)`).
    public func isCountry(_ iso2: String, in region: String) -> Bool {
        guard let country = country(code: iso2) else { return false }
        return country.region == region || country.subregion == region
    }

    /// The country with this code, English name or alias (any case, accents ignored).
    public func country(matching text: String) -> Country? {
        country(code: text) ?? byName[Gazetteer.fold(text)].flatMap { byCode[$0] }
    }

    /// The closest country name or alias to a misspelt one, as "Name (XX)"; nil if none is close.
    public func suggestion(forCountry text: String) -> String? {
        guard let best = closestMatch(to: Gazetteer.fold(text), among: byName.keys),
              let country = byName[best].flatMap({ byCode[$0] }) else { return nil }
        return "\(country.name) (\(country.iso2))"
    }

    /// The closest known city of a country to a misspelt one; nil if none is close.
    public func suggestion(forCity text: String, in iso2: String) -> String? {
        guard let country = country(code: iso2) else { return nil }
        // GeoNames' names come folded already: folding thousands again per message is slow.
        let geonames = ((try? geonames?.cities(in: country.iso2)) ?? []).map { ($0.primary[0], $0.name) }
        let listed = ([country.capital] + (citiesByCountry[country.iso2] ?? []).map(\.name)).map { (Gazetteer.fold($0), $0) }
        let names = Dictionary(listed + geonames, uniquingKeysWith: { first, _ in first })
        return closestMatch(to: Gazetteer.fold(text), among: names.keys).flatMap { names[$0] }
    }

    /// The position of a city in a country, nil if unknown or ambiguous (see `match(city:in:)`).
    public func location(ofCity name: String, in iso2: String) -> XY? {
        if case .found(let location)? = try? match(city: name, in: iso2) { return location }
        return nil
    }

    /// A city in a country: its capital, one of its hand-made cities, or GeoNames' cities
    /// (by the rule of `CityMatch`), matched without regard to case or accents. An empty
    /// name means the capital. Throws if GeoNames' file, read now, cannot be read.
    public func match(city name: String, in iso2: String) throws -> CityMatch {
        guard let country = country(code: iso2) else { return .none }
        if name.allSatisfy(\.isWhitespace) { return .found(country.capitalLocation) }
        let key = Gazetteer.fold(name)
        guard let keys = placeKeys[country.iso2] else { return .none }
        if key == keys.capital { return .found(country.capitalLocation) }
        if let city = keys.cities.first(where: { $0.key == key }) { return .found(city.location) }
        return try geonames?.match(name, in: country.iso2) ?? .none
    }

    /// The names a city can be matched under in a country, for error messages: the capital,
    /// the hand-made cities, then GeoNames' cities, most populous first.
    public func cityNames(in iso2: String) -> [String] {
        guard let country = country(code: iso2) else { return [] }
        let listed = [country.capital] + (citiesByCountry[country.iso2] ?? []).map(\.name)
        let more = ((try? geonames?.cities(in: country.iso2)) ?? []).map(\.name)
        return listed + more.filter { !listed.contains($0) }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: posix)
            .trimmingCharacters(in: .whitespaces)
    }
}
