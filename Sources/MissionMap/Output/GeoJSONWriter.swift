import GeoKit

/// Writes a snapshot as an RFC 7946 FeatureCollection: a `post` Point per post and an
/// `accreditation` line per cross-accreditation, along the great circle and split where
/// it crosses the antimeridian.
public struct GeoJSONWriter: Sendable {
    public var decimals = 6

    public init(decimals: Int = 6) {
        self.decimals = decimals
    }

    /// Writes the collection in pieces to `sink`, one feature at a time.
    public func write(_ snapshot: Snapshot, to sink: (String) throws -> Void) rethrows {
        try sink("{\"type\":\"FeatureCollection\",\"features\":[\n")
        var first = true
        func emit(_ feature: String) throws {
            try sink((first ? "" : ",\n") + feature)
            first = false
        }
        for state in snapshot.posts { try emit(postFeature(state, snapshot)) }
        for link in snapshot.accreditations { try emit(accreditationFeature(link.from, link.to)) }
        try sink("\n]}\n")
    }

    /// The whole collection as one string.
    public func string(_ snapshot: Snapshot) -> String {
        var out = ""
        write(snapshot) { out += $0 }
        return out
    }

    func postFeature(_ state: PostState, _ snapshot: Snapshot) -> String {
        let post = state.post
        let host = snapshot.gazetteer.country(code: post.host)
        let properties = JSONText.object([
            "kind": JSONText.string("post"),
            "id": JSONText.string(post.id),
            "sender": JSONText.string(post.sender),
            "host": JSONText.string(post.host),
            "host_name": JSONText.string(host?.name),
            "city": JSONText.string(post.city),
            "type": JSONText.string(post.type.rawValue),
            "status": JSONText.string(state.status.rawValue),
            "accredited_from": JSONText.string(state.accreditedFrom),
            "opened": JSONText.string(state.opened?.description),
            "closed": JSONText.string(state.closed?.description),
            "region": JSONText.string(host?.region),
            "subregion": JSONText.string(host?.subregion),
            "counted": post.counted ? "true" : "false",
            "source": JSONText.string(state.basis.source),
        ])
        let geometry = "{\"type\":\"Point\",\"coordinates\":\(position(post.location))}"
        return feature(id: post.id, geometry: geometry, properties: properties)
    }

    func accreditationFeature(_ from: PostState, _ to: PostState) -> String {
        let parts = GeoJSONWriter.splitAtAntimeridian(Geodesic.wgs84.path(from.post.location, to.post.location, maxStepDegrees: 1))
        let lines = parts.map { "[" + $0.map(position).joined(separator: ",") + "]" }
        let geometry = lines.count == 1
            ? "{\"type\":\"LineString\",\"coordinates\":\(lines[0])}"
            : "{\"type\":\"MultiLineString\",\"coordinates\":[\(lines.joined(separator: ","))]}"
        let properties = JSONText.object([
            "kind": JSONText.string("accreditation"),
            "from": JSONText.string(from.post.id),
            "host": JSONText.string(to.post.host),
            "since": JSONText.string(to.accreditedSince?.description),
        ])
        return feature(id: "\(from.post.id)>\(to.post.id)", geometry: geometry, properties: properties)
    }

    private func feature(id: String, geometry: String, properties: String) -> String {
        "{\"type\":\"Feature\",\"id\":\(JSONText.string(id)),\"geometry\":\(geometry),\"properties\":\(properties)}"
    }

    private func position(_ p: XY) -> String {
        "[\(fixedDecimal(p.x, decimals)),\(fixedDecimal(p.y, decimals))]"
    }

    /// Cuts a lon/lat path where a step jumps across ±180°, ending one part and starting the
    /// next on the meridian at the crossing latitude (interpolated on the short step). Parts
    /// that would be a single point (an end lying on the meridian itself) are dropped.
    static func splitAtAntimeridian(_ path: [XY]) -> [[XY]] {
        guard var previous = path.first else { return [] }
        var parts: [[XY]] = [[previous]]
        for p in path.dropFirst() {
            if abs(p.x - previous.x) > 180 {
                let edge: Double = previous.x > 0 ? 180 : -180
                let unwrapped = p.x + (edge > 0 ? 360 : -360)
                let t = (edge - previous.x) / (unwrapped - previous.x)
                let lat = previous.y + t * (p.y - previous.y)
                if parts[parts.count - 1].last != XY(edge, lat) { parts[parts.count - 1].append(XY(edge, lat)) }
                parts.append([XY(-edge, lat)])
            }
            if parts[parts.count - 1].last != p { parts[parts.count - 1].append(p) }
            previous = p
        }
        return parts.filter { $0.count >= 2 }
    }
}
