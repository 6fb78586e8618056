import ArgumentParser
import Foundation
import MissionMap

/// Views that are not a UN region: a box of degrees, or a list of countries.
struct ExtentOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Fit the map to a box of degrees, west,south,east,north (the Nordics: 4,54,32,72; west > east crosses 180°).", valueName: "W,S,E,N"))
    var extent: String?

    @Option(help: ArgumentHelp("Fit the map to these countries, by ISO code or name, comma-separated (KP,KR).", valueName: "list"))
    var countries: String?

    /// The box of `--extent`, checked: four numbers, south below north, all on the globe.
    func box() throws -> MapExtent? {
        guard let extent else { return nil }
        let parts = extent.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let west = parts[0], let south = parts[1], let east = parts[2], let north = parts[3] else {
            throw ValidationError("--extent takes four numbers in degrees, west,south,east,north (e.g. 4,54,32,72)")
        }
        guard [west, east].allSatisfy({ (-180...180).contains($0) }) else { throw ValidationError("--extent: west and east must be from -180 to 180 degrees") }
        guard [south, north].allSatisfy({ (-90...90).contains($0) }) else { throw ValidationError("--extent: south and north must be from -90 to 90 degrees") }
        guard south < north else { throw ValidationError("--extent: south (\(south)) must be below north (\(north))") }
        // West above east is a box across the antimeridian; equal edges (or ±180 as one) span nothing.
        guard west != east, MapExtent.span(west, east) > 0 else {
            throw ValidationError("--extent: west and east must differ (west greater than east crosses 180°)")
        }
        guard MapExtent.span(west, east) < 360 else {
            throw ValidationError("--extent: \(west) to \(east) spans every longitude: for the whole world leave out --extent")
        }
        return .box(west: west, south: south, east: east, north: north)
    }

    func validate() throws {
        if extent != nil && countries != nil { throw ValidationError("give --extent or --countries, not both") }
        _ = try box()
        if let countries, countries.split(separator: ",").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--countries needs at least one country")
        }
    }

    var isGiven: Bool { extent != nil || countries != nil }

    /// The view asked for, its countries found in `gazetteer`; nil for none.
    func resolve(in gazetteer: Gazetteer) throws -> MapExtent? {
        if let box = try box() { return box }
        guard let countries else { return nil }
        var found: [Country] = []
        for name in countries.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let country = gazetteer.country(matching: name) else {
                throw CommandFailure("--countries: unknown country '\(Echo.quoted(name))'"
                    + (gazetteer.suggestion(forCountry: name).map { "; did you mean \($0)?" } ?? ""))
            }
            if !found.contains(country) { found.append(country) }
        }
        return .countries(found)
    }
}
