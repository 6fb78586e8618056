/// A change of a timeline's open posts between two steps, from the snapshots on those days:
/// which posts joined the open ones, which left them, and which were open at their first
/// record (an `unknown` post becoming known: a change of the record, not of the network).
struct ChartChange: Equatable {
    /// The later step's day: the change happened after the step before, by this day.
    let day: Day
    var joined: [String] = []
    var left: [String] = []
    var firstRecord: [String] = []

    /// The change in open posts.
    var delta: Int { joined.count + firstRecord.count - left.count }

    /// Every change between consecutive snapshots (one per step, in order); steps where no
    /// counted post joined or left the open ones give none.
    static func changes(_ snapshots: [Snapshot]) -> [ChartChange] {
        zip(snapshots, snapshots.dropFirst()).compactMap { before, after in
            let was = Dictionary(uniqueKeysWithValues: before.countedPosts.map { ($0.post.id, $0.status) })
            var change = ChartChange(day: after.asOf)
            for state in after.countedPosts {
                let name = name(state.post, in: after)
                switch (was[state.post.id], state.status) {
                case (.open?, .open): break
                case (.open?, _): change.left.append(name)
                case (.unknown?, .open): change.firstRecord.append(name)
                case (_, .open): change.joined.append(name)
                default: break
                }
            }
            return change.joined.isEmpty && change.left.isEmpty && change.firstRecord.isEmpty ? nil : change
        }
    }

    /// How a label names a post, shortly: the host's code for a sender's embassy, else its
    /// city (Hong Kong, Geneva); the sender's code for an embassy in a host, else the code
    /// and the city or the kind of post.
    static func name(_ post: Post, in snapshot: Snapshot) -> String {
        let other = snapshot.counterpart(post)
        if post.type.isEmbassy { return other.iso2 }
        if snapshot.sender != nil { return post.city }
        guard post.city == post.host.capital else { return "\(other.iso2) \(post.city)" }
        let kind = switch post.type {
        case .representativeOffice: "office"
        case .consulateGeneral: "CG"
        default: post.type.rawValue.replacingOccurrences(of: "-", with: " ")
        }
        return "\(other.iso2) \(kind)"
    }

    /// The label of one change or of several grouped ones: "−4: ES, UG, AO, Hong Kong",
    /// "+2: SE, PL", with at most `names` names for each part.
    static func label(_ changes: [ChartChange], names: Int = 6) -> String {
        func part(_ sign: String, _ items: [String], _ suffix: String = "") -> String? {
            guard !items.isEmpty else { return nil }
            let shown = items.prefix(names).joined(separator: ", ")
            let more = items.count > names ? " +\(items.count - names) more" : ""
            return "\(sign)\(items.count)\(suffix): \(shown)\(more)"
        }
        return [part("−", changes.flatMap(\.left)), part("+", changes.flatMap(\.joined)),
                part("+", changes.flatMap(\.firstRecord), " first record")].compactMap { $0 }.joined(separator: "; ")
    }

    /// The change in words, for a tooltip: "by 2023-11-01: −2 open (left the open posts: UG, AO)".
    var detail: String {
        var parts: [String] = []
        if !left.isEmpty { parts.append("left the open posts: " + left.joined(separator: ", ")) }
        if !joined.isEmpty { parts.append("joined them: " + joined.joined(separator: ", ")) }
        if !firstRecord.isEmpty { parts.append("open at their first record: " + firstRecord.joined(separator: ", ")) }
        return "by \(day): \(delta > 0 ? "+" : delta < 0 ? "−" : "±")\(abs(delta)) open (\(parts.joined(separator: "; ")))"
    }
}
