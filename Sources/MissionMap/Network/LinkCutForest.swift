/// A forest of rooted trees over the nodes `0..<count` that can link a root under another
/// node, cut a node from its parent, and find a node's root, each in amortised O(log n)
/// (Sleator and Tarjan's link-cut trees, without re-rooting). Validation uses it to find
/// accreditation cycles in n log n where walking chains took n².
struct LinkCutForest {
    // Each preferred path is a splay tree keyed by depth; `parent` is the splay parent or,
    // at a splay root, the path-parent pointer into the tree above.
    private var left: [Int], right: [Int], parent: [Int]

    init(count: Int) {
        left = Array(repeating: -1, count: count)
        right = left
        parent = left
    }

    /// Whether `x` is the root of its splay tree.
    private func isSplayRoot(_ x: Int) -> Bool {
        let p = parent[x]
        return p == -1 || (left[p] != x && right[p] != x)
    }

    private mutating func rotate(_ x: Int) {
        let p = parent[x], g = parent[p]
        if !isSplayRoot(p) {
            if left[g] == p { left[g] = x } else { right[g] = x }
        }
        parent[x] = g
        if left[p] == x {
            left[p] = right[x]
            if right[x] != -1 { parent[right[x]] = p }
            right[x] = p
        } else {
            right[p] = left[x]
            if left[x] != -1 { parent[left[x]] = p }
            left[x] = p
        }
        parent[p] = x
    }

    private mutating func splay(_ x: Int) {
        while !isSplayRoot(x) {
            let p = parent[x]
            if !isSplayRoot(p) {
                let g = parent[p]
                rotate((left[g] == p) == (left[p] == x) ? p : x)
            }
            rotate(x)
        }
    }

    /// Makes the path from the root to `x` preferred, with `x` at the top of its splay tree.
    private mutating func access(_ x: Int) {
        var last = -1, y = x
        while y != -1 {
            splay(y)
            right[y] = last
            last = y
            y = parent[y]
        }
        splay(x)
    }

    /// The root of the tree holding `x`.
    mutating func root(of x: Int) -> Int {
        access(x)
        var r = x
        while left[r] != -1 { r = left[r] }
        splay(r)
        return r
    }

    /// Hangs the root `child` under `node`; the caller makes sure this closes no cycle.
    mutating func link(_ child: Int, under node: Int) {
        access(child)
        parent[child] = node
    }

    /// Detaches `x` from its parent, if it has one.
    mutating func cut(_ x: Int) {
        access(x)
        if left[x] != -1 {
            parent[left[x]] = -1
            left[x] = -1
        }
    }
}
