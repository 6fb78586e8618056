import Foundation
import GeoKit

/// A map's view that is not a UN region: a box of longitudes and latitudes, or a list of
/// countries. Like a region it holds the countries on the far side of each post, and the
/// legend counts only those.
public enum MapExtent: Sendable, Equatable {
    /// West, south, east, north in degrees; `east < west` crosses the antimeridian.
    case box(west: Double, south: Double, east: Double, north: Double)
    case countries([Country])

    /// Whether a country is in the view: its capital inside the box, or one of the countries.
    public func contains(_ country: Country) -> Bool {
        switch self {
        case .box(let west, let south, let east, let north):
            let p = country.capitalLocation
            guard (south...north).contains(p.y) else { return false }
            // Longitudes measured east from the west edge, so a box across ±180° is one span.
            let span = Self.span(west, east)
            let offset = (p.x - west).truncatingRemainder(dividingBy: 360)
            return (offset < 0 ? offset + 360 : offset) <= span
        case .countries(let list):
            return list.contains { $0.iso2 == country.iso2 }
        }
    }

    /// How titles name the view: "4°E–32°E, 54°N–72°N", or the countries' names.
    public var name: String {
        switch self {
        case .box(let west, let south, let east, let north):
            "\(MapView.degrees(west, "E", "W"))–\(MapView.degrees(east, "E", "W")), \(MapView.degrees(south, "N", "S"))–\(MapView.degrees(north, "N", "S"))"
        case .countries(let list):
            list.count <= 4 ? list.map(\.name).joined(separator: ", ") : "\(list.count) countries"
        }
    }

    /// Degrees of longitude from `west` eastward to `east`.
    public static func span(_ west: Double, _ east: Double) -> Double {
        east > west ? east - west : east + 360 - west
    }
}
