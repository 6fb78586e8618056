import GeoKit

/// Polygons (countries, by ISO code) as rings of shared arcs, the way TopoJSON stores them:
/// a border two countries share is one arc, so that it is simplified or quantised once and
/// both neighbours keep the same line.
///
/// Built as topojson-server and mapshaper do, on exact coordinates (no geometry maths):
/// extract every ring, find the junctions (`Junctions`), cut each ring at its junctions into
/// arcs, and store each arc once whichever way round it is met (`ArcTable`). A ring with no
/// junction (an island, an enclave and the hole it fills) is one closed arc started at its
/// least point, so that the enclave and the hole are found to be the same arc.
public struct Topology: Sendable {
    /// Each arc's positions, at least two; a closed arc (first = last) is a whole ring.
    public private(set) var arcs: [[XY]]
    /// Per key (ISO code), its polygons as rings of arc references, exterior first.
    public private(set) var shapes: [String: [[[ArcRef]]]]
    /// The keys in the order they were given.
    public private(set) var keys: [String]

    /// The topology of keyed polygons (rings of lon/lat positions, closed, exterior first,
    /// as `Geometry.polygons()` gives them). A key given twice has both lists of polygons.
    /// Positions repeated in a row are dropped; a ring left with fewer than three distinct
    /// positions encloses nothing and is dropped, and a polygon whose exterior is dropped goes
    /// whole.
    public init(_ input: [(key: String, polygons: [[[XY]]])]) {
        // Extract: points get ids (equal coordinates, one id); rings become open id lists.
        var ids: [XY: Int] = [:]
        var points: [XY] = []
        var keys: [String] = []
        var shapes: [String: [[[Int]]]] = [:]
        for (key, polygons) in input {
            if shapes[key] == nil { keys.append(key) }
            for polygon in polygons {
                let rings = polygon.map { ring in
                    Topology.openRing(ring.map { p in
                        if let id = ids[p] { return id }
                        ids[p] = points.count
                        points.append(p)
                        return points.count - 1
                    })
                }
                guard let exterior = rings.first, exterior.count >= 3 else { continue }
                shapes[key, default: []].append([exterior] + rings.dropFirst().filter { $0.count >= 3 })
            }
            if shapes[key] == nil { shapes[key] = [] }
        }

        // Join, then cut and dedup.
        let junctions = Junctions(rings: keys.lazy.flatMap { shapes[$0]!.joined() }, pointCount: points.count)
        var table = ArcTable()
        var referenced: [String: [[[ArcRef]]]] = [:]
        for key in keys {
            referenced[key] = shapes[key]!.map { polygon in
                polygon.map { ring in Topology.cut(ring, at: junctions, points: points).map { table.reference($0) } }
            }
        }
        self.arcs = table.arcs.map { $0.map { points[$0] } }
        self.shapes = referenced
        self.keys = keys
    }

    /// A topology made of its parts, for `simplified` and the tests.
    init(arcs: [[XY]], shapes: [String: [[[ArcRef]]]], keys: [String]) {
        self.arcs = arcs
        self.shapes = shapes
        self.keys = keys
    }

    /// The polygons of `key`, rebuilt from the arcs: each ring holds the positions it was
    /// given, in the same order, though it may start at another of them (at a junction, or at
    /// its least point). Empty for an unknown key.
    public func polygons(_ key: String) -> [[[XY]]] {
        (shapes[key] ?? []).map { $0.map(ring) }
    }

    /// The positions of a ring of arcs, closed: each arc after the first adds all but its
    /// first position, which is the previous arc's last.
    public func ring(_ references: [ArcRef]) -> [XY] {
        var out: [XY] = []
        for reference in references {
            let arc = arcs[reference.index]
            let walked = reference.reversed ? Array(arc.reversed()) : arc
            out += out.isEmpty ? walked[...] : walked.dropFirst()
        }
        return out
    }

    /// A closed ring of ids as an open cyclic one: no position repeated in a row, and the
    /// closing repeat of the first left off.
    private static func openRing(_ ring: [Int]) -> [Int] {
        var open: [Int] = []
        open.reserveCapacity(ring.count)
        for id in ring where open.last != id { open.append(id) }
        while open.count > 1 && open.last == open.first { open.removeLast() }
        return open
    }

    /// The arcs of an open ring: from each junction to the next, the last one wrapping round
    /// to the first; with no junction, the whole ring closed, from its least point (x, then y).
    private static func cut(_ ring: [Int], at junctions: Junctions, points: [XY]) -> [[Int]] {
        let n = ring.count
        let cuts = ring.indices.filter { junctions.contains(ring[$0]) }
        guard let first = cuts.first else {
            let start = ring.indices.min { precedes(points[ring[$0]], points[ring[$1]]) }!
            return [Array(ring[start...] + ring[..<start]) + [ring[start]]]
        }
        return cuts.indices.map { k in
            let end = k + 1 < cuts.count ? cuts[k + 1] : first + n
            return (cuts[k]...end).map { ring[$0 % n] }
        }
    }

    private static func precedes(_ a: XY, _ b: XY) -> Bool {
        a.x < b.x || (a.x == b.x && a.y < b.y)
    }
}
