/// One arc of a ring, walked forwards (first point to last) or backwards.
public struct ArcRef: Hashable, Sendable, CustomStringConvertible {
    /// The arc's index in `Topology.arcs`.
    public var index: Int
    /// Whether the ring walks the arc from its last point to its first.
    public var reversed: Bool

    public init(_ index: Int, reversed: Bool = false) {
        self.index = index
        self.reversed = reversed
    }

    /// TopoJSON's number for the reference: the index, or its one's complement (`~i`, that is
    /// `-i - 1`) for an arc walked backwards, so that arc 0 can be reversed too.
    public var encoded: Int { reversed ? ~index : index }

    public var description: String { reversed ? "~\(index)" : "\(index)" }
}
