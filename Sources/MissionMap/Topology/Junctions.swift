/// The points where rings stop running along the same neighbours: where three or more
/// borders meet, where a border leaves a coast, where a ring touches itself. Between two
/// junctions every ring that has one point of a stretch has all of it, so cutting every ring
/// at the junctions gives each border between the same countries as the same arc.
///
/// A point's neighbours at its first visit are kept; any later visit with other neighbours
/// (in either order, as a neighbour walks the border the other way) makes it a junction.
struct Junctions {
    private var isJunction: [Bool]

    /// The junctions of rings given as point ids below `pointCount`, each ring open (its
    /// closing repeat of the first point left off) and cyclic.
    init(rings: some Sequence<[Int]>, pointCount: Int) {
        isJunction = Array(repeating: false, count: pointCount)
        var firstNeighbours = Array(repeating: (before: -1, after: -1), count: pointCount)
        for ring in rings {
            let n = ring.count
            for i in 0..<n {
                let p = ring[i], before = ring[(i + n - 1) % n], after = ring[(i + 1) % n]
                let seen = firstNeighbours[p]
                if seen.before < 0 {
                    firstNeighbours[p] = (before, after)
                } else if !(seen.before == before && seen.after == after) && !(seen.before == after && seen.after == before) {
                    isJunction[p] = true
                }
            }
        }
    }

    func contains(_ point: Int) -> Bool { isJunction[point] }
}
