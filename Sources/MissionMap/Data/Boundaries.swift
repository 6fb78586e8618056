import Foundation
import GeoKit

/// Country polygons keyed by ISO alpha-2, with population, read from a GeoJSON
/// FeatureCollection whose features carry `iso2` and `pop_est`.
///
/// Geometries belong to one GEOS context, so a `Boundaries` stays on the task that loaded it.
public final class Boundaries {
    public let context: GEOSContext
    /// ISO codes in file order.
    public let codes: [String]
    private let shapes: [String: Geometry]
    private let populations: [String: Double]

    private struct Collection: Decodable {
        struct Feature: Decodable {
            struct Properties: Decodable {
                let iso2: String?
                let pop_est: Double?
            }
            let properties: Properties
        }
        let features: [Feature]
    }

    /// Reads boundaries into a GEOS context of their own.
    public convenience init(file: String) throws {
        try self.init(file: file, context: GEOSContext())
    }

    public init(file: String, context: GEOSContext) throws {
        self.context = context
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: file, line: 0, "cannot read file")
        }
        let collection: Collection
        do {
            collection = try JSONDecoder().decode(Collection.self, from: data)
        } catch {
            throw DataError(file: file, line: 1, "not a GeoJSON FeatureCollection with iso2 properties: \(error)")
        }
        // GEOS reads every geometry in one pass; its parts follow the features' order.
        let all: Geometry
        do {
            all = try context.geometry(geoJSON: text)
        } catch {
            throw DataError(file: file, line: 1, "\(error)")
        }
        let parts = try all.parts()
        guard parts.count == collection.features.count else {
            throw DataError(file: file, line: 1, "\(collection.features.count) features but \(parts.count) geometries")
        }
        var codes: [String] = [], shapes: [String: Geometry] = [:], populations: [String: Double] = [:]
        for (index, (feature, shape)) in zip(collection.features, parts).enumerated() {
            guard let iso2 = feature.properties.iso2?.uppercased(), !iso2.isEmpty else {
                throw DataError(file: file, line: 1, "feature \(index) has no iso2")
            }
            guard shapes[iso2] == nil else { throw DataError(file: file, line: 1, "feature \(index): iso2 \(iso2) repeats") }
            codes.append(iso2)
            // Repaired once here (Natural Earth's India crosses itself), so that every union,
            // clip and precision change downstream gets valid input.
            shapes[iso2] = try shape.validOrRepaired()
            populations[iso2] = feature.properties.pop_est ?? 0
        }
        self.codes = codes
        self.shapes = shapes
        self.populations = populations
    }

    /// The polygons of a country (valid, repaired if the file's were not), or nil if the file has none for it.
    public func shape(_ iso2: String) -> Geometry? {
        shapes[iso2.uppercased()]
    }

    /// Natural Earth's population estimate, 0 if unknown.
    public func population(_ iso2: String) -> Double {
        populations[iso2.uppercased()] ?? 0
    }
}

@available(*, unavailable, message: "boundaries belong to their GEOS context's task")
extension Boundaries: Sendable {}
