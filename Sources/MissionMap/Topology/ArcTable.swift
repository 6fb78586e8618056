/// The arcs found so far, as point ids, each stored once: an arc met again forwards or
/// backwards (the neighbour's side of a border) gets the first one's index.
struct ArcTable {
    private(set) var arcs: [[Int]] = []
    private var index: [[Int]: Int] = [:]

    /// The reference to `arc`, stored if new.
    mutating func reference(_ arc: [Int]) -> ArcRef {
        if let i = index[arc] { return ArcRef(i) }
        if let i = index[arc.reversed()] { return ArcRef(i, reversed: true) }
        index[arc] = arcs.count
        arcs.append(arc)
        return ArcRef(arcs.count - 1)
    }
}
