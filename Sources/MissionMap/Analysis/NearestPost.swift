import Foundation
import GeoKit

/// The geodesic distance from a point to the nearest of many posts: the same Double as the
/// minimum of `Geodesic.wgs84.distance(point, post)` over every post, but measured only to
/// the few posts that a GEOS STRtree of their lon/lat finds near the point.
///
/// Why the few are enough. Map each point of the WGS84 ellipsoid to the point of the unit
/// sphere with the same (geodetic) latitude φ and longitude λ. The ellipsoid's line element is
/// ds² = M(φ)² dφ² + N(φ)² cos²φ dλ², with the meridional radius M ≥ a(1 − e²) = 6,335,439.3 m
/// (its value at the equator) and the normal radius N ≥ a > a(1 − e²); the unit sphere's is
/// dσ² = dφ² + cos²φ dλ². So ds ≥ a(1 − e²) dσ: a geodesic of length s maps to a curve on the
/// sphere no longer than s / a(1 − e²), and every post within s of the point lies, on the
/// sphere, within the cap of angular radius δ = s / a(1 − e²) around it. That cap spans
/// latitudes φ₀ ± δ, and, unless it reaches a pole (|φ₀| + δ ≥ 90°), longitudes
/// λ₀ ± asin(sin δ / cos φ₀) (where a meridian touches the cap's edge); reaching a pole, all
/// longitudes. Take s = the distance to any one post (the planar nearest in lon/lat, which
/// the tree finds): the nearest post is no farther, so it lies in that box (two boxes across
/// the antimeridian), and the minimum over the posts in the box is the minimum over all.
/// The box is widened (`relativeMargin`, `absoluteMargin`) far beyond rounding and PROJ's
/// nanometre error: a wider box only measures more posts, never changes the minimum.
struct NearestPost {
    /// Below this many posts, every post is measured. The tree pays already at a few dozen:
    /// with 32 here, the summary of all 192 synthetic senders (20 to 270 posts each) took
    /// 2.9-3.1 s of CPU, with 2, 2.4-2.6 s.
    static let treeFrom = 8
    /// The smallest radius of curvature of WGS84, a(1 − e²), rounded down, in metres.
    static let smallestRadius = 6_335_439.0
    /// Widening of the cap's angular radius: a fraction of it, and radians (about 1 km).
    static let relativeMargin = 0.01, absoluteMargin = 0.01 * Double.pi / 180

    private let locations: [XY]
    /// Nil with few posts, or with a position no box can hold (not finite, latitude beyond ±90).
    private let tree: STRtree?

    /// An index of `locations` (lon, lat in degrees), its tree made in `session`.
    init(_ locations: [XY], in session: GeoSession) throws {
        try self.init(locations, in: session.geos)
    }

    /// An index of `locations` (lon, lat in degrees), its tree made in `geos`.
    init(_ locations: [XY], in geos: GEOSContext) throws {
        self.locations = locations
        guard locations.count >= NearestPost.treeFrom, locations.allSatisfy(NearestPost.isBoxable) else {
            tree = nil
            return
        }
        tree = try STRtree(locations.map { try geos.point(NearestPost.wrapped($0)) }, in: geos)
    }

    /// The geodesic distance in metres from `point` to the nearest location; nil without locations.
    func distance(from point: XY) throws -> Double? {
        guard let tree, NearestPost.isBoxable(point) else {
            return locations.map { Geodesic.wgs84.distance(point, $0) }.min()
        }
        let centre = NearestPost.wrapped(point)
        guard let near = try tree.nearest(to: tree.context.point(centre)) else { return nil }
        var best = Geodesic.wgs84.distance(point, locations[near])
        for box in NearestPost.boxes(around: centre, within: best) {
            for i in try tree.query(box) {
                best = min(best, Geodesic.wgs84.distance(point, locations[i]))
            }
        }
        return best
    }

    /// The lon/lat boxes (one, or two split at the antimeridian) holding every position within
    /// `metres` of `centre` (longitude in [-180, 180]); see the type's comment.
    static func boxes(around centre: XY, within metres: Double) -> [Bounds] {
        let delta = metres / smallestRadius * (1 + relativeMargin) + absoluteMargin
        let degrees = 180 / Double.pi
        let minY = centre.y - delta * degrees, maxY = centre.y + delta * degrees
        let phi = centre.y / degrees
        guard abs(phi) + delta < Double.pi / 2 else {
            return [Bounds(minX: -180, minY: minY, maxX: 180, maxY: maxY)]
        }
        // Below the pole condition, sin δ < cos φ, so the ratio is under 1.
        let halfWidth = asin(min(1, sin(delta) / cos(phi))) * degrees
        let west = centre.x - halfWidth, east = centre.x + halfWidth
        if west < -180 {
            return [Bounds(minX: west + 360, minY: minY, maxX: 180, maxY: maxY), Bounds(minX: -180, minY: minY, maxX: east, maxY: maxY)]
        }
        if east > 180 {
            return [Bounds(minX: west, minY: minY, maxX: 180, maxY: maxY), Bounds(minX: -180, minY: minY, maxX: east - 360, maxY: maxY)]
        }
        return [Bounds(minX: west, minY: minY, maxX: east, maxY: maxY)]
    }

    /// The position with its longitude brought into [-180, 180] (the geodesic does not care).
    static func wrapped(_ p: XY) -> XY {
        XY(remainder(p.x, 360), p.y)
    }

    private static func isBoxable(_ p: XY) -> Bool {
        p.x.isFinite && p.y.isFinite && abs(p.y) <= 90
    }
}
