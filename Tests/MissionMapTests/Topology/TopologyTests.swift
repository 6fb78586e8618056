import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// Shared arcs on small maps whose junctions and borders are known by hand.
@Suite(.tags(.unit)) struct TopologyTests {
    /// A closed ring through the given corners.
    static func ring(_ corners: [(Double, Double)]) -> [XY] {
        corners.map { XY($0.0, $0.1) } + [XY(corners[0].0, corners[0].1)]
    }

    // Side by side: AA and BB are unit squares sharing the edge x = 1.
    // A T: TA lies under TB and TC, which meet at (1, 11) on TA's top edge.
    // An island II with a lake, the lake being the enclave LL, drawn the other way round and
    // started at another corner.
    // DD in two parts, the second sharing an edge with EE.
    static let atlas: [(key: String, polygons: [[[XY]]])] = [
        ("AA", [[ring([(0, 0), (1, 0), (1, 1), (0, 1)])]]),
        ("BB", [[ring([(1, 0), (2, 0), (2, 1), (1, 1)])]]),
        ("TA", [[ring([(0, 10), (2, 10), (2, 11), (1, 11), (0, 11)])]]),
        ("TB", [[ring([(0, 11), (1, 11), (1, 12), (0, 12)])]]),
        ("TC", [[ring([(1, 11), (2, 11), (2, 12), (1, 12)])]]),
        ("II", [[ring([(10, 10), (20, 10), (20, 20), (10, 20)]), ring([(13, 13), (13, 17), (17, 17), (17, 13)])]]),
        ("LL", [[ring([(17, 13), (17, 17), (13, 17), (13, 13)])]]),
        ("DD", [[ring([(30, 0), (31, 0), (31, 1), (30, 1)])], [ring([(32, 0), (33, 0), (33, 1), (32, 1)])]]),
        ("EE", [[ring([(33, 0), (34, 0), (34, 1), (33, 1)])]]),
    ]

    /// Whether two closed rings have the same positions in the same order, from any start.
    static func sameRing(_ a: [XY], _ b: [XY]) -> Bool {
        guard a.count == b.count, a.first == a.last, b.first == b.last else { return false }
        let open = Array(b.dropLast())
        return open.indices.contains { start in Array(open[start...] + open[..<start]) + [open[start]] == a }
    }

    /// The arcs each key's rings use.
    static func arcsUsed(_ topology: Topology, _ key: String) -> Set<Int> {
        Set(topology.shapes[key, default: []].joined().joined().map(\.index))
    }

    /// The edges of a key's rebuilt polygons, each as its two ends in either order.
    static func edges(_ polygons: [[[XY]]]) -> Set<[XY]> {
        Set(polygons.joined().flatMap { ring in zip(ring, ring.dropFirst()).map { [$0, $1].sorted { ($0.x, $0.y) < ($1.x, $1.y) } } })
    }

    /// For every arc two keys use, whether both keys' rebuilt polygons have every edge of it:
    /// the two sides of each shared border, compared on the polygons as rebuilt. Returns the
    /// arcs checked.
    static func sharedBordersMatch(_ topology: Topology) -> (checked: Int, failures: [String]) {
        var users: [Int: [String]] = [:]
        for key in topology.keys {
            for arc in arcsUsed(topology, key) { users[arc, default: []].append(key) }
        }
        let edgesOf = Dictionary(uniqueKeysWithValues: topology.keys.map { ($0, edges(topology.polygons($0))) })
        var failures: [String] = []
        var checked = 0
        for (arc, keys) in users.sorted(by: { $0.key < $1.key }) where keys.count >= 2 {
            checked += 1
            let own = edges([[topology.arcs[arc]]])
            for key in keys where !own.isSubset(of: edgesOf[key]!) { failures.append("arc \(arc) in \(key)") }
        }
        return (checked, failures)
    }

    /// The pairs of keys that share an arc.
    static func neighbours(_ topology: Topology) -> Set<Set<String>> {
        var users: [Int: Set<String>] = [:]
        for key in topology.keys {
            for arc in arcsUsed(topology, key) { users[arc, default: []].insert(key) }
        }
        return Set(users.values.flatMap { keys in keys.flatMap { a in keys.filter { $0 != a }.map { [a, $0] } } })
    }

    @Test func rebuildingGivesBackEveryRing() {
        let topology = Topology(Self.atlas)
        #expect(topology.keys == Self.atlas.map(\.key))
        for (key, polygons) in Self.atlas {
            let rebuilt = topology.polygons(key)
            #expect(rebuilt.count == polygons.count, "\(key)")
            for (given, back) in zip(polygons, rebuilt) {
                #expect(given.count == back.count, "\(key)")
                for (a, b) in zip(given, back) { #expect(Self.sameRing(a, b), "\(key): \(a) came back as \(b)") }
            }
        }
    }

    @Test func everySharedBorderIsStoredOnce() {
        let topology = Topology(Self.atlas)
        // No arc is stored twice, either way round.
        let forms = topology.arcs.flatMap { [$0, $0.reversed()] }
        #expect(Set(forms).count == forms.count)
        // Squares: the shared edge, and each square's other three sides.
        let shared = Self.arcsUsed(topology, "AA").intersection(Self.arcsUsed(topology, "BB"))
        #expect(shared.count == 1)
        #expect(shared.map { Set(topology.arcs[$0]) } == [[XY(1, 0), XY(1, 1)]])
        #expect(Self.arcsUsed(topology, "AA").union(Self.arcsUsed(topology, "BB")).count == 3)
        // Islands: a closed arc each, no junction.
        #expect(Self.arcsUsed(topology, "II").union(Self.arcsUsed(topology, "LL")).count == 2)
        // DD's first part is alone; its second shares one edge with EE.
        #expect(Self.arcsUsed(topology, "DD").intersection(Self.arcsUsed(topology, "EE")).count == 1)
        #expect(Self.arcsUsed(topology, "DD").union(Self.arcsUsed(topology, "EE")).count == 4)
        // 3 (squares) + 6 (T) + 2 (island) + 4 (DD, EE).
        #expect(topology.arcs.count == 15)
    }

    @Test func threeCountriesMeetAtOneJunction() {
        let topology = Topology(Self.atlas)
        let a = Self.arcsUsed(topology, "TA"), b = Self.arcsUsed(topology, "TB"), c = Self.arcsUsed(topology, "TC")
        #expect(a.intersection(b).count == 1 && a.intersection(c).count == 1 && b.intersection(c).count == 1)
        #expect(a.union(b).union(c).count == 6, "three borders and three outer coasts")
        // The T point ends exactly the three borders; no arc runs through it.
        let t = XY(1, 11)
        let ending = a.union(b).union(c).filter { [topology.arcs[$0].first, topology.arcs[$0].last].contains(t) }
        #expect(ending == a.intersection(b).union(a.intersection(c)).union(b.intersection(c)))
        #expect(!topology.arcs.contains { $0.dropFirst().dropLast().contains(t) })
    }

    @Test func enclaveAndItsHoleAreOneClosedArc() throws {
        let topology = Topology(Self.atlas)
        let island = try #require(topology.shapes["II"]?.first), lake = try #require(topology.shapes["LL"]?.first)
        #expect(island.count == 2 && lake.count == 1)
        #expect(lake[0].count == 1 && island[1] == lake[0].map { ArcRef($0.index, reversed: !$0.reversed) },
                "the lake walks the hole's arc the other way")
        let arc = topology.arcs[lake[0][0].index]
        #expect(arc.count == 5 && arc.first == arc.last && arc.first == XY(13, 13), "closed, from its least point")
    }

    @Test func aCountryOfTwoPartsKeepsBoth() {
        let topology = Topology(Self.atlas)
        #expect(topology.shapes["DD"]?.count == 2)
        #expect(topology.polygons("DD").map(\.count) == [1, 1])
        #expect(topology.polygons("nowhere").isEmpty)
    }

    @Test func repeatsAreDroppedAndDegenerateRingsGo() {
        let stutter = [XY(0, 0), XY(1, 0), XY(1, 0), XY(1, 1), XY(0, 1), XY(0, 0)]
        let flat = [XY(5, 5), XY(6, 5), XY(5, 5)]
        let topology = Topology([("AA", [[stutter]]), ("BB", [[flat]]), ("AA", [[Self.ring([(3, 0), (4, 0), (4, 1)])]])])
        #expect(topology.keys == ["AA", "BB"])
        #expect(topology.polygons("AA").count == 2, "a key given twice has both lists")
        #expect(topology.polygons("AA").first?.first?.count == 5)
        #expect(topology.polygons("BB").isEmpty && topology.shapes["BB"] != nil)
    }

    // MARK: Simplification

    /// WL and WR share a zigzag border from (1, 0) to (1, 4) of 400 steps 0.01° to each side;
    /// each has a straight outer side. SA and SB share the line x = 3 but for a sliver SL
    /// between them, whose sides are two arcs between the same two junctions.
    static let zigzag: [(key: String, polygons: [[[XY]]])] = {
        let border = (0...400).map { XY(1 + ($0 % 2 == 0 ? 0 : 0.01), Double($0) / 100) }
        let sliver = [XY(3, 1.4), XY(2.99, 1.5), XY(3, 1.6)], sliverRight = [XY(3, 1.6), XY(3.01, 1.5), XY(3, 1.4)]
        return [
            ("WL", [[[XY(0, 0)] + border + [XY(0, 4), XY(0, 0)]]]),
            ("WR", [[border.reversed() + [XY(2, 0), XY(2, 4), XY(1, 4)]]]),
            // Left of x = 3, right of it, and the sliver between them.
            ("SA", [[[XY(2.5, 1), XY(3, 1)] + sliver + [XY(3, 2), XY(2.5, 2), XY(2.5, 1)]]]),
            ("SB", [[[XY(3, 1), XY(3.5, 1), XY(3.5, 2), XY(3, 2)] + sliverRight + [XY(3, 1)]]]),
            ("SL", [[sliver + sliverRight.dropFirst()]]),
        ]
    }()

    @Test func zigzagFixtureIsValid() throws {
        let session = try GeoSession()
        for (key, polygons) in Self.zigzag {
            #expect(try session.geos.multiPolygon(polygons).isValid, "\(key)")
        }
    }

    @Test func simplifiedBordersAreTheSameOnBothSides() throws {
        let session = try GeoSession()
        let topology = Topology(Self.zigzag)
        let simple = try topology.simplified(tolerance: 0.05, session: session)
        let before = topology.arcs.map(\.count).reduce(0, +), after = simple.arcs.map(\.count).reduce(0, +)
        #expect(after < before / 10, "\(before) → \(after) positions")
        let border = try #require(Self.arcsUsed(simple, "WL").intersection(Self.arcsUsed(simple, "WR")).first)
        #expect(Set(simple.arcs[border]) == [XY(1, 0), XY(1, 4)], "the zigzag is straight, its ends fixed")
        let check = Self.sharedBordersMatch(simple)
        #expect(check.checked >= 4 && check.failures.isEmpty, "\(check.failures)")
        for key in simple.keys {
            let reason = try session.geos.multiPolygon(simple.polygons(key)).validityReason()
            #expect(reason == "Valid Geometry", "\(key)")
        }
    }

    /// GEOS's simplifier would let the sliver's two sides fold onto one line (overlapping is
    /// not crossing), and the sliver, a country like Liechtenstein, would vanish. Its arcs
    /// keep their source positions instead, for it and for both neighbours.
    @Test func aSliverBetweenTwoArcsKeepsItsSourceArcs() throws {
        let topology = Topology(Self.zigzag)
        let simple = try topology.simplified(tolerance: 0.05, session: GeoSession())
        #expect(simple.polygons("SL") == topology.polygons("SL"))
        #expect(simple.polygons("SA").count == 1 && simple.polygons("SB").count == 1)
        #expect(Self.arcsUsed(simple, "SL").isSubset(of: Self.arcsUsed(simple, "SA").union(Self.arcsUsed(simple, "SB"))))
        #expect(Self.sharedBordersMatch(simple).failures.isEmpty)
    }

    /// An island split between NN and SS, like Sebatik between Malaysia and Indonesia: each
    /// half is its coast and the border, two arcs between the same two junctions (0, 0) and
    /// (4, 0), none straying 0.05 from the chord between them, so both halves fold flat.
    static let splitIsland: [(key: String, polygons: [[[XY]]])] = [
        ("NN", [[ring([(0, 0), (1, 0.02), (2, 0.03), (3, 0.02), (4, 0), (2, 0.01)])]]),
        ("SS", [[ring([(0, 0), (2, 0.01), (4, 0), (3, -0.02), (2, -0.03), (1, -0.02)])]]),
    ]

    @Test func splitIslandFixtureIsValid() throws {
        let session = try GeoSession()
        for (key, polygons) in Self.splitIsland {
            #expect(try session.geos.multiPolygon(polygons).isValid, "\(key)")
        }
        #expect(Topology(Self.splitIsland).arcs.count == 3, "two coasts and the border")
    }

    /// Both halves of a split island keep their source coasts, whichever half is judged
    /// first. Judged in turn on arcs already given back, the first half got its coast and the
    /// border back, and the second, passing then, kept a flat coast: which half, the
    /// dictionary's order decided, and so a map changed from run to run.
    @Test func bothHalvesOfASplitIslandKeepTheirCoasts() throws {
        let topology = Topology(Self.splitIsland)
        let chords = topology.arcs.map { [$0.first!, $0.last!] }
        #expect(topology.keepingEveryExterior(chords) == topology.arcs)
        // The same parts, their keys inserted in either order into a new dictionary each
        // time (each of which iterates in its own order): always the same arcs.
        for round in 0..<40 {
            let keys = round % 2 == 0 ? ["NN", "SS"] : ["SS", "NN"]
            var shapes: [String: [[[ArcRef]]]] = [:]
            for key in keys { shapes[key] = topology.shapes[key] }
            let again = Topology(arcs: topology.arcs, shapes: shapes, keys: keys)
            #expect(again.keepingEveryExterior(chords) == topology.arcs, "round \(round)")
        }
    }

    /// The same through GEOS's simplifier, the halves given in either order.
    @Test func aSplitIslandSimplifiesTheSameInEitherOrder() throws {
        let session = try GeoSession()
        for input in [Self.splitIsland, Self.splitIsland.reversed()] {
            for _ in 0..<20 {
                let topology = Topology(input)
                let simple = try topology.simplified(tolerance: 0.05, session: session)
                for (key, polygons) in Self.splitIsland {
                    let back = simple.polygons(key)
                    #expect(back.count == 1 && back[0].count == 1 && Self.sameRing(back[0][0], polygons[0][0]),
                            "\(key) (\(input.map(\.key))): \(back)")
                }
            }
        }
    }

    @Test func islandsKeepAtLeastFourPositions() throws {
        let session = try GeoSession()
        let circle = (0..<64).map { XY(50 + 0.001 * cos(Double($0) * .pi / 32), 0.001 * sin(Double($0) * .pi / 32)) }
        let simple = try Topology([("II", [[circle + [circle[0]]]])]).simplified(tolerance: 1, session: session)
        #expect(simple.arcs.count == 1)
        let ring = try #require(simple.polygons("II").first?.first)
        #expect(ring.count >= 4 && ring.count < 10 && ring.first == ring.last, "\(ring)")
        #expect(ring.first == circle[32], "the closed arc starts at its least point, kept")
    }

    @Test func collapsedRingsAreDroppedAndTheirArcsRemoved() throws {
        let topology = Topology(Self.atlas)
        let lake = try #require(topology.shapes["LL"]?.first?.first?.first?.index)
        let islandShore = try #require(topology.shapes["II"]?.first?.first?.first?.index)
        // The lake's closed arc left with three positions: the enclave goes, the hole too.
        var arcs = topology.arcs
        arcs[lake] = Array(arcs[lake].prefix(2)) + [arcs[lake][0]]
        let noLake = topology.replacingArcs(arcs)
        #expect(noLake.shapes["LL"] == [] && noLake.keys.contains("LL"))
        #expect(noLake.polygons("II").map(\.count) == [1])
        #expect(noLake.arcs.count == topology.arcs.count - 1)
        // Every other ring comes back as before, with the arcs renumbered.
        for key in noLake.keys where key != "LL" && key != "II" {
            #expect(noLake.polygons(key) == topology.polygons(key), "\(key)")
        }
        // The island's shore collapsed: the island goes whole, though its hole did not.
        arcs = topology.arcs
        arcs[islandShore] = [arcs[islandShore][0], arcs[islandShore][1], arcs[islandShore][0]]
        let noIsland = topology.replacingArcs(arcs)
        #expect(noIsland.shapes["II"] == [] && noIsland.polygons("LL") == topology.polygons("LL"))
    }
}

/// The bundled 1:50m boundaries as a topology: the figures a TopoJSON export and a
/// simplified map rest on. Measured with GEOS 3.11.1: 241 countries, 99,563 ring positions,
/// 2,352 arcs (483 shared) of 81,313 positions; at 0.1°, 19,855 positions (24%). Some
/// borders are drawn with other vertices on each side (India and Pakistan, China and
/// Mongolia): two arcs, which become one, shared, once straightened; so more arcs are
/// shared after simplifying (606) than before.
@Suite(.tags(.unit, .bundledData)) struct BundledTopologyTests {
    @Test func bundledBordersShareArcsAndStaySharedWhenSimplified() throws {
        let session = try GeoSession()
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let shapes = try boundaries.codes.map { code in (key: code, polygons: try boundaries.shape(code, in: session)?.polygons() ?? []) }
        let topology = Topology(shapes)
        for (key, polygons) in shapes {
            let rebuilt = topology.polygons(key)
            let same = rebuilt.count == polygons.count && zip(polygons, rebuilt).allSatisfy { given, back in
                given.count == back.count && zip(given, back).allSatisfy { TopologyTests.sameRing($0, $1) }
            }
            #expect(same, "\(key) rebuilt differently")
        }
        let positions = shapes.map { $0.polygons.joined().map(\.count).reduce(0, +) }.reduce(0, +)
        let vertices = topology.arcs.map(\.count).reduce(0, +)
        let shared = TopologyTests.sharedBordersMatch(topology)
        #expect(shared.failures.isEmpty)

        let simple = try topology.simplified(tolerance: 0.1, session: session)
        let simpleVertices = simple.arcs.map(\.count).reduce(0, +)
        let check = TopologyTests.sharedBordersMatch(simple)
        #expect(check.failures.isEmpty, "\(check.failures.prefix(5))")
        // Rings made of two arcs between the same junctions may fold (GEOS stops crossings,
        // not overlaps): those rings go, and only their countries may lose a neighbour.
        let lost = Set(topology.keys.filter { topology.shapes[$0]!.map(\.count) != simple.shapes[$0]!.map(\.count) })
        let parted = TopologyTests.neighbours(topology).subtracting(TopologyTests.neighbours(simple))
        #expect(parted.allSatisfy { !lost.isDisjoint(with: $0) }, "\(parted)")
        #expect(lost.count <= 10, "\(lost.sorted())")
        print("""
            countries50: \(shapes.count) countries, \(positions) ring positions; \(topology.arcs.count) arcs \
            (\(shared.checked) shared by two countries), \(vertices) arc positions; \
            at 0.1°: \(simple.arcs.count) arcs, \(simpleVertices) positions \
            (\(Int((100 * Double(simpleVertices) / Double(vertices)).rounded()))%), \(check.checked) shared; \
            rings lost in \(lost.sorted().joined(separator: ", "))
            """)
        #expect(vertices < positions && simpleVertices < vertices / 2)
    }
}
