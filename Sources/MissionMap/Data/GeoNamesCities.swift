import Foundation
import GeoKit
import Synchronization

/// GeoNames' cities of 15,000+ people (`cities15000.csv`), read on first use: most logs
/// name only capitals and the hand-made cities, and need never pay for 34,000 rows.
/// Each country's names are folded once, when a city of that country is first looked for.
public final class GeoNamesCities: Sendable {
    /// One city of the file.
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let location: XY
        public let population: Int
        public let geonameid: Int
        /// Folded name and ASCII name (primary), and folded alternate names.
        let primary: [String]
        let alternates: [String]
    }

    public let file: String
    private struct State {
        /// Rows by country, unfolded; nil until the file is read.
        var rows: [String: [CSVTable.Record]]?
        var byCountry: [String: [Entry]] = [:]
        var fileName = ""
        /// Why the file could not be read: given again on every later lookup, not read again.
        var failure: DataError?
    }
    private let state = Mutex(State())

    /// The table in `file`, not read yet.
    public init(file: String) {
        self.file = file
    }

    /// The cities of a country (ISO alpha-2), most populous first; throws if the file cannot be read.
    public func cities(in iso2: String) throws -> [Entry] {
        try state.withLock { state in
            if let entries = state.byCountry[iso2] { return entries }
            if let failure = state.failure { throw failure }
            if state.rows == nil {
                do {
                    let table = try CSVTable(contentsOf: file, required: ["iso2", "name", "ascii", "alternates", "lat", "lon", "population", "geonameid"])
                    state.rows = Dictionary(grouping: table.records) { $0["iso2"].uppercased() }
                    state.fileName = table.file
                } catch let error as DataError {
                    state.failure = error
                    throw error
                }
            }
            let entries = try (state.rows?[iso2] ?? []).map { r in
                guard let population = Int(r["population"]), let id = Int(r["geonameid"]) else {
                    throw DataError(file: state.fileName, line: r.line, "population and geonameid must be whole numbers")
                }
                let names = [r["name"], r["ascii"]].filter { !$0.isEmpty }
                return Entry(name: r["name"], location: try Gazetteer.location(r, file: state.fileName), population: population, geonameid: id,
                             primary: names.map(Gazetteer.fold),
                             alternates: r["alternates"].split(separator: "|").map { Gazetteer.fold(String($0)) })
            }.sorted { ($0.population, $1.geonameid) > ($1.population, $0.geonameid) }
            state.byCountry[iso2] = entries
            return entries
        }
    }

    /// How a name finds cities in a country (see `CityMatch` for the rule).
    public func match(_ name: String, in iso2: String) throws -> CityMatch {
        let key = Gazetteer.fold(name)
        let cities = try cities(in: iso2)
        let primary = cities.filter { $0.primary.contains(key) }
        return CityMatch(primary.isEmpty ? cities.filter { $0.alternates.contains(key) } : primary)
    }
}
