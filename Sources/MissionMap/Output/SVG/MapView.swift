import Foundation
import GeoKit

/// The map projections `render` offers, all through PROJ.
public enum MapProjection: String, CaseIterable, Sendable {
    case equalEarth = "equal-earth"
    case robinson
    case naturalEarth = "natural-earth"
    case mercator
    case orthographic

    /// The name for legends and descriptions.
    public var label: String {
        switch self {
        case .equalEarth: "Equal Earth"
        case .robinson: "Robinson"
        case .naturalEarth: "Natural Earth"
        case .mercator: "Mercator"
        case .orthographic: "orthographic"
        }
    }
}

/// What a map shows of the globe: the PROJ definition, the lon/lat area that is drawn
/// (everything is clipped to it with GEOS before projecting, which removes the back of an
/// orthographic globe and cuts every shape along the meridian opposite the centre), and the
/// outline of the globe as shown.
///
/// Longitudes run continuously through the window of 360° around the view's centre
/// (`Rewrap`), not from -180° to 180°: the map's own cut is the only one.
struct MapView {
    let definition: String
    let name: String
    /// The central longitude: the window is `window - 180 ... window + 180`.
    let window: Double
    /// Lon/lat polygons in the window; nothing outside them is drawn.
    let visible: [[[XY]]]
    /// Lon/lat rings of the globe's outline, densified to 1°.
    let outline: [[XY]]
    /// Lon/lat ring of the area to fit into the frame (for the scale), and whether the frame
    /// should be clipped to it (region maps), densified.
    let fit: [XY]
    let clipsToFrame: Bool

    /// Keeps shapes off the cut itself, where a projection cannot tell left edge from right.
    static let epsilon = 1e-7

    /// A whole-world view in a pseudo-cylindrical or cylindrical projection centred on
    /// `centerLon`, or an orthographic globe centred on `center`.
    static func world(_ projection: MapProjection, center: XY, session: GeoSession) throws -> MapView {
        let lon0 = Self.wrap(center.x)
        switch projection {
        case .orthographic:
            let definition = "+proj=ortho +lat_0=\(center.y) +lon_0=\(lon0) +datum=WGS84 +units=m +type=crs"
            // 89.5°, not 90°: the limb on the ellipsoid is a hair off the spherical cap.
            let horizon = Self.circle(center: center, radiusDegrees: 89.5)
            return MapView(definition: definition, name: "orthographic, centred on \(Self.place(center))", window: lon0,
                           visible: try Self.windowed(cap: Self.cap(center: center, radiusDegrees: 89.5, session: session), around: lon0, session: session),
                           outline: [horizon], fit: horizon, clipsToFrame: false)
        case .equalEarth, .robinson, .naturalEarth, .mercator:
            let proj = switch projection {
            case .equalEarth: "eqearth"
            case .robinson: "robin"
            case .naturalEarth: "natearth"
            default: "merc"
            }
            let latLimit = projection == .mercator ? 85.0 : 90.0
            let definition = "+proj=\(proj) +lon_0=\(lon0) +datum=WGS84 +units=m +type=crs"
            let west = lon0 - 180 + epsilon, east = lon0 + 180 - epsilon
            let visible = [[[XY(west, -latLimit), XY(east, -latLimit), XY(east, latLimit), XY(west, latLimit), XY(west, -latLimit)]]]
            let outline = Self.rectangle(west: west, east: east, south: -latLimit, north: latLimit)
            let name = projection.label + (lon0 == 0 ? "" : ", centred on \(Self.degrees(lon0, "E", "W"))")
            return MapView(definition: definition, name: name, window: lon0, visible: visible, outline: [outline], fit: outline, clipsToFrame: false)
        }
    }

    /// A regional view: Lambert azimuthal equal-area centred on `center`, fitted to `fit`.
    static func region(center: XY, fit: [XY], name: String, session: GeoSession) throws -> MapView {
        let lon0 = Self.wrap(center.x)
        let definition = "+proj=laea +lat_0=\(center.y) +lon_0=\(lon0) +datum=WGS84 +units=m +type=crs"
        return MapView(definition: definition, name: "\(name), Lambert azimuthal equal-area", window: lon0,
                       visible: try Self.windowed(cap: Self.cap(center: center, radiusDegrees: 89.5, session: session), around: lon0, session: session),
                       outline: [], fit: fit, clipsToFrame: true)
    }

    /// A cap's pieces (cut at ±180°) joined again in the window around `centre`.
    static func windowed(cap pieces: [[[XY]]], around centre: Double, session: GeoSession) throws -> [[[XY]]] {
        try Rewrap(centre: centre, session: session).shape(session.geos.multiPolygon(pieces).unaryUnion()).polygons()
    }

    /// Points at `radiusDegrees` of arc around `center` (on the sphere), every degree of azimuth, closed.
    static func circle(center: XY, radiusDegrees: Double) -> [XY] {
        let sphere = Geodesic(equatorialRadius: 1, flattening: 0)
        let points = (0..<360).map { sphere.destination(center, azimuth: Double($0), distance: radiusDegrees * .pi / 180) }
        return points + [points[0]]
    }

    /// The lon/lat polygons of a spherical cap, cut at ±180°. A cap over a pole is closed
    /// along that pole's line of latitude, the way it looks on a lon/lat plane.
    static func cap(center: XY, radiusDegrees: Double, session: GeoSession) throws -> [[[XY]]] {
        let ring = circle(center: center, radiusDegrees: radiusDegrees)
        var continuous = [ring[0]]
        for p in ring.dropFirst() {
            var x = p.x
            while x - continuous.last!.x > 180 { x -= 360 }
            while continuous.last!.x - x > 180 { x += 360 }
            continuous.append(XY(x, p.y))
        }
        let turn = continuous.last!.x - continuous.first!.x
        if abs(turn) > 180 {
            // Around a pole: the ring has turned through 360° and ends 360° from where it
            // began; close it over the pole.
            let pole = center.y > 0 ? 90.0 : -90.0
            continuous += [XY(continuous.last!.x, pole), XY(continuous.first!.x, pole), continuous.first!]
        } else {
            continuous[continuous.count - 1] = continuous[0]
        }
        return try Antimeridian.bands(session.geos.polygon([continuous]).validOrRepaired())
    }

    /// A lon/lat rectangle ring densified to 1°, longitudes as given (they may pass ±180°).
    static func rectangle(west: Double, east: Double, south: Double, north: Double) -> [XY] {
        let steps = Int((east - west).rounded(.up)), rows = Int((north - south).rounded(.up))
        let bottom = (0...steps).map { XY(west + (east - west) * Double($0) / Double(steps), south) }
        let right = (0...rows).map { XY(east, south + (north - south) * Double($0) / Double(rows)) }
        return bottom + right + bottom.reversed().map { XY($0.x, north) } + right.reversed().map { XY(west, $0.y) }
    }

    static func wrap(_ lon: Double) -> Double {
        var x = lon.truncatingRemainder(dividingBy: 360)
        if x > 180 { x -= 360 }
        if x <= -180 { x += 360 }
        return x
    }

    static func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
        "\(fixedDecimal(abs(value), 1))°\(value >= 0 ? positive : negative)"
    }

    static func place(_ p: XY) -> String {
        "\(degrees(p.y, "N", "S")) \(degrees(p.x, "E", "W"))"
    }
}
