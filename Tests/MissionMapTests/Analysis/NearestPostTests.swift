import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// The index must give exactly the brute-force minimum (the same Double), wherever the posts are.
@Suite(.tags(.unit)) struct NearestPostTests {
    let session: GeoSession
    init() throws { session = try GeoSession() }

    /// What the summary computed before the index: every post measured.
    static func bruteForce(_ posts: [XY], _ point: XY) -> Double {
        posts.map { Geodesic.wgs84.distance(point, $0) }.min()!
    }

    /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func expectExact(_ posts: [XY], at points: [XY], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let index = try NearestPost(posts, in: session)
        for p in points {
            #expect(try index.distance(from: p) == Self.bruteForce(posts, p), "at \(p)", sourceLocation: sourceLocation)
        }
    }

    @Test func randomPostsWorldwideNearTheAntimeridianAndThePolesWithDuplicates() throws {
        var rng = Seeded(state: 19)
        var posts: [XY] = (0..<300).map { _ in XY(.random(in: -180...180, using: &rng), .random(in: -90...90, using: &rng)) }
        posts += (0..<60).map { _ in XY([-179.9, 179.9, 180, -180].randomElement(using: &rng)! + .random(in: -0.05...0.05, using: &rng), .random(in: -60...60, using: &rng)) }
        posts += (0..<40).map { _ in XY(.random(in: -180...180, using: &rng), [89, -89].randomElement(using: &rng)! + .random(in: -0.9...0.9, using: &rng)) }
        posts += posts.prefix(30)
        var points: [XY] = (0..<150).map { _ in XY(.random(in: -180...180, using: &rng), .random(in: -90...90, using: &rng)) }
        points += [XY(179.95, 10), XY(-179.95, -10), XY(180, 0), XY(-180, 45), XY(0, 89), XY(120, -89), XY(-60, 90), XY(30, -90)]
        points += posts.prefix(5)
        try expectExact(posts, at: points)
    }

    @Test func sparsePostsFarFromThePointAcrossTheAntimeridian() throws {
        // Every post is east of the antimeridian, the points west of it: the planar nearest is
        // across the map, the true nearest just over the line.
        var rng = Seeded(state: 7)
        let posts = (0..<64).map { _ in XY(.random(in: -179.99 ... -100, using: &rng), .random(in: -70...70, using: &rng)) }
        try expectExact(posts, at: [XY(179.99, 0), XY(175, 40), XY(170, -65), XY(100, 0)])
    }

    @Test func clusteredPostsLikeANetworkAroundCapitals() throws {
        var rng = Seeded(state: 3)
        let capitals = (0..<20).map { _ in XY(.random(in: -180...180, using: &rng), .random(in: -80...80, using: &rng)) }
        let posts = (0..<400).map { i in
            XY(capitals[i % 20].x + .random(in: -2...2, using: &rng), capitals[i % 20].y + .random(in: -2...2, using: &rng))
        }
        try expectExact(posts, at: capitals + [XY(0, 0), XY(-179.5, 88)])
    }

    @Test func aPointExactlyAtAPostIsAtZero() throws {
        var rng = Seeded(state: 5)
        let posts = (0..<50).map { _ in XY(.random(in: -180...180, using: &rng), .random(in: -90...90, using: &rng)) }
        let index = try NearestPost(posts, in: session)
        #expect(try index.distance(from: posts[17]) == 0)
        let wrapped = XY(posts[3].x + 360, posts[3].y)
        #expect(try index.distance(from: wrapped) == Self.bruteForce(posts, wrapped), "the same place, longitude wrapped")
    }

    @Test func aSinglePostAndNoPost() throws {
        let one = try NearestPost([XY(2.35, 48.86)], in: session)
        #expect(try one.distance(from: XY(-0.13, 51.51)) == Geodesic.wgs84.distance(XY(-0.13, 51.51), XY(2.35, 48.86)))
        #expect(try NearestPost([], in: session).distance(from: XY(0, 0)) == nil)
    }

    @Test func fewPostsAreMeasuredOneByOne() throws {
        let posts = (0..<NearestPost.treeFrom - 1).map { XY(Double($0) * 11 - 170, Double($0) * 5 - 80) }
        try expectExact(posts, at: [XY(0, 0), XY(179.9, 89), XY(-33, 12)])
    }

    @Test func boxesHoldTheCapAndSplitAtTheAntimeridian() {
        // 111 km is about 1° of latitude: the box spans a little more each way.
        let near = NearestPost.boxes(around: XY(10, 0), within: 111_000)
        #expect(near.count == 1 && near[0].minY < -1 && near[0].maxY > 1 && near[0].minX < 9 && near[0].maxX > 11)
        let west = NearestPost.boxes(around: XY(179.5, 10), within: 200_000)
        #expect(west.count == 2 && west[0].maxX == 180 && west[1].minX == -180 && west[1].maxX > -180)
        let east = NearestPost.boxes(around: XY(-179.5, 10), within: 200_000)
        #expect(east.count == 2 && east[0].minX > 0 && east[0].maxX == 180 && east[1].minX == -180 && east[1].maxX > -179.5)
        // A cap over a pole takes every longitude.
        let polar = NearestPost.boxes(around: XY(40, 88), within: 300_000)
        #expect(polar == [Bounds(minX: -180, minY: polar[0].minY, maxX: 180, maxY: polar[0].maxY)])
    }
}
