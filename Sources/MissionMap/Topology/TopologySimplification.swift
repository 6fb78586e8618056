import GeoKit

extension Topology {
    /// Every arc simplified once (Douglas–Peucker within `tolerance`, in degrees for lon/lat)
    /// by GEOS's topology-preserving simplifier run on all arcs together, so no arc comes to
    /// cross another and both sides of a border stay the same line. Arc ends (junctions) stay
    /// put; a closed arc keeps at least four positions. Rings that collapse are dropped (see
    /// `replacingArcs`).
    public func simplified(tolerance: Double, session: GeoSession) throws -> Topology {
        guard !arcs.isEmpty else { return self }
        let simple = try session.geos.multiLineString(arcs).simplifiedPreservingTopology(tolerance).lineStrings()
        // GEOS transforms a collection part by part, in order, and keeps each line's ends; if
        // a later GEOS did otherwise, arcs would be matched to the wrong rings, so check.
        guard simple.count == arcs.count else {
            throw GeoError.geos("simplifying \(arcs.count) arcs gave \(simple.count) lines")
        }
        for (i, (before, after)) in zip(arcs, simple).enumerated() where after.first != before.first || after.last != before.last {
            throw GeoError.geos("simplifying moved the ends of arc \(i): \(before.first!)–\(before.last!) became \(after.first.map(\.description) ?? "nothing")–\(after.last.map(\.description) ?? "nothing")")
        }
        return replacingArcs(keepingEveryExterior(simple))
    }

    /// The simplified arcs, with the source's positions given back to every arc of an exterior
    /// ring that simplifying would fold flat. GEOS's simplifier keeps lines from crossing, not
    /// from lying on each other, so a country bounded by two arcs between the same two
    /// junctions (Liechtenstein, Monaco, Sint Maarten) would straighten both to one chord and
    /// vanish, while islands of its size stay. An arc given back is given back for both its
    /// sides, so neighbours still share it.
    ///
    /// Every exterior is judged on the simplified arcs alone, never on arcs another exterior
    /// has had given back: judged in turn, an island split between two countries (Sebatik,
    /// between Malaysia and Indonesia) kept the coast of whichever half came first in the
    /// dictionary's order, which changes from run to run. Giving an arc back only adds
    /// positions, so an exterior that passes on the simplified arcs still passes after.
    func keepingEveryExterior(_ simple: [[XY]]) -> [[XY]] {
        var result = simple
        for polygons in shapes.values {
            for exterior in polygons.compactMap(\.first) {
                let positions = 1 + exterior.reduce(0) { $0 + simple[$1.index].count - 1 }
                let distinct = Set(exterior.flatMap { simple[$0.index] }).count
                guard positions < 4 || distinct < 3 else { continue }
                for reference in exterior { result[reference.index] = arcs[reference.index] }
            }
        }
        return result
    }

    /// The topology with new positions for its arcs (one list per arc, same ends): a ring
    /// that now has fewer than four positions, or uses a closed arc left with fewer than four,
    /// is dropped, a polygon whose exterior is dropped goes whole, and arcs that no ring uses
    /// any more are removed (the others keep their order, and arcs now alike are merged). A
    /// key whose polygons all go stays, with none.
    func replacingArcs(_ newArcs: [[XY]]) -> Topology {
        precondition(newArcs.count == arcs.count, "one new list of positions per arc")
        let collapsed = Set(newArcs.indices.filter { newArcs[$0].first == newArcs[$0].last && newArcs[$0].count < 4 })
        let survives = { (ring: [ArcRef]) in
            !ring.contains { collapsed.contains($0.index) } && 1 + ring.reduce(0) { $0 + newArcs[$1.index].count - 1 } >= 4
        }
        let kept = shapes.mapValues { polygons in
            polygons.compactMap { polygon -> [[ArcRef]]? in
                guard let exterior = polygon.first, survives(exterior) else { return nil }
                return [exterior] + polygon.dropFirst().filter(survives)
            }
        }
        // Renumber the arcs still used, in their old order. Two arcs that became the same line
        // (the sides of a sliver that was dropped) become one again.
        var arcs: [[XY]] = [], found: [[XY]: Int] = [:], renumbered: [Int: ArcRef] = [:]
        for old in Set(kept.values.joined().joined().joined().map(\.index)).sorted() {
            let arc = newArcs[old]
            if let i = found[arc] {
                renumbered[old] = ArcRef(i)
            } else if let i = found[arc.reversed()] {
                renumbered[old] = ArcRef(i, reversed: true)
            } else {
                found[arc] = arcs.count
                renumbered[old] = ArcRef(arcs.count)
                arcs.append(arc)
            }
        }
        let shapes = kept.mapValues { polygons in
            polygons.map { rings in
                rings.map { ring in
                    ring.map { ref in
                        let new = renumbered[ref.index]!
                        return ArcRef(new.index, reversed: ref.reversed != new.reversed)
                    }
                }
            }
        }
        return Topology(arcs: arcs, shapes: shapes, keys: keys)
    }
}
