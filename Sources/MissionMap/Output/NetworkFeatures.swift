import GeoKit

/// One feature of an export, its geometry not yet encoded: GeoJSON and TopoJSON write the same
/// list, so that the two formats hold the same features with the same properties.
struct NetworkFeature {
    enum Shape {
        /// A post's location.
        case point(XY)
        /// An accreditation's great circle, already cut at ±180° into parts.
        case lines([[XY]])
        /// A country of the boundaries, by ISO code, drawn by the writer.
        case country(String)
    }

    let id: String
    let shape: Shape
    /// The properties as a JSON object's text.
    let properties: String
}

/// What an export holds for a snapshot, in order: `post` points, `accreditation` lines along
/// the great circle (at most 1° steps) from the covering post to each host it covers, and,
/// with boundaries, the `country` polygons of the hosts and the sender with `host_status` (for a
/// host's export: the senders, with the status of their posts there, and the host, `host`).
struct NetworkFeatures {
    /// The post statuses to keep; nil for all.
    var statuses: Set<PostStatus>?
    /// A UN region or subregion to keep; nil for the world.
    var region: String?
    /// The kinds of feature to keep; nil for all.
    var kinds: Set<FeatureKind>?

    /// The features of a snapshot; countries only with boundaries, in the file's order.
    func features(_ snapshot: Snapshot, boundaries: Boundaries?) -> [NetworkFeature] {
        var features: [NetworkFeature] = []
        forEach(snapshot, boundaries: boundaries) { features.append($0) }
        return features
    }

    /// Hands each feature of a snapshot to `body` as it is made, in the order of `features`,
    /// so that a writer that streams holds one feature at a time rather than the list.
    func forEach<E: Error>(_ snapshot: Snapshot, boundaries: Boundaries?, _ body: (NetworkFeature) throws(E) -> Void) throws(E) {
        let inRegion = { (country: Country) in region.map { country.isIn($0) } ?? true }
        let wants = { (kind: FeatureKind) in kinds?.contains(kind) ?? true }
        for state in snapshot.posts where wants(.post) && statuses?.contains(state.status) ?? true && inRegion(snapshot.counterpart(state.post)) {
            try body(NetworkFeature(id: state.post.id, shape: .point(state.post.location), properties: postProperties(state)))
        }
        if wants(.accreditation), statuses?.contains(.crossAccredited) ?? true {
            for link in snapshot.accreditations where inRegion(snapshot.counterpart(link.to.post)) {
                let path = Geodesic.wgs84.path(link.from.post.location, link.to.post.location, maxStepDegrees: 1)
                try body(NetworkFeature(id: "\(link.from.post.id)>\(link.to.post.id)", shape: .lines(Antimeridian.split(path)), properties: JSONText.object([
                    "kind": JSONText.string("accreditation"),
                    "name": JSONText.string("\(Self.name(link.from.post)) covers \(link.to.post.host.name)"),
                    "from": JSONText.string(link.from.post.id),
                    "sender": JSONText.string(link.to.post.sender.iso2),
                    "host": JSONText.string(link.to.post.host.iso2),
                    "since": JSONText.string(link.to.accreditedSince?.description),
                    "note": JSONText.string(link.to.basis.note),
                ])))
            }
        }
        if let boundaries, wants(.country) {
            // The country looked from is marked as such: `sender` in a sender's export, and,
            // in a host's, `host` (a value of host_status no post gives, so no map or filter
            // mistakes it for a sender's status).
            let (side, own): (Country, String) = switch snapshot.query {
            case .sender(let sender): (sender, HostStatus.sender.rawValue)
            case .host(let host, _): (host, "host")
            }
            var statuses = snapshot.countryStatuses.mapValues(\.rawValue)
            statuses[side.iso2] = own
            // Every country with a status is the far side of a post, or the country looked from.
            var known = Dictionary(snapshot.posts.map { (snapshot.counterpart($0.post).iso2, snapshot.counterpart($0.post)) }, uniquingKeysWith: { a, _ in a })
            known[side.iso2] = side
            let sideKey = snapshot.sender == nil ? "host" : "sender"
            let idPrefix = snapshot.sender == nil ? "country:in:\(side.iso2)" : "country:\(side.iso2)"
            for code in boundaries.codes {
                guard let status = statuses[code], let country = known[code], inRegion(country) else { continue }
                try body(NetworkFeature(id: "\(idPrefix):\(code)", shape: .country(code), properties: JSONText.object([
                    "kind": JSONText.string("country"),
                    sideKey: JSONText.string(side.iso2),
                    "iso2": JSONText.string(code),
                    "name": JSONText.string(country.name),
                    "host_status": JSONText.string(status),
                    "region": JSONText.string(country.region),
                    "subregion": JSONText.string(country.subregion),
                ])))
            }
        }
    }

    /// A post as a map labels it: its city, then whose and what ("Madrid (KP embassy)"), so
    /// that the posts of several senders in one city (Geneva) stay apart.
    static func name(_ post: Post) -> String {
        "\(post.city) (\(post.sender.iso2) \(post.type.rawValue.replacingOccurrences(of: "-", with: " ")))"
    }

    /// The post's properties; `note` and `source` are those of the row its status rests on
    /// (the last event up to the date), so that the two always speak of the same row.
    func postProperties(_ state: PostState) -> String {
        let post = state.post
        return JSONText.object([
            "kind": JSONText.string("post"),
            "name": JSONText.string(Self.name(post)),
            "id": JSONText.string(post.id),
            "sender": JSONText.string(post.sender.iso2),
            "host": JSONText.string(post.host.iso2),
            "host_name": JSONText.string(post.host.name),
            "city": JSONText.string(post.city),
            "type": JSONText.string(post.type.rawValue),
            "status": JSONText.string(state.status.rawValue),
            "accredited_from": JSONText.string(state.accreditedFrom),
            "opened": JSONText.string(state.opened?.description),
            "closed": JSONText.string(state.closed?.description),
            "region": JSONText.string(post.host.region),
            "subregion": JSONText.string(post.host.subregion),
            "counted": post.counted ? "true" : "false",
            "source": JSONText.string(state.basis.source),
            "note": JSONText.string(state.basis.note),
        ])
    }
}
