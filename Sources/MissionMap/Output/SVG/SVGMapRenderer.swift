import GeoKit

/// Draws a snapshot as an SVG world map: countries filled by host status, posts as
/// markers, accreditation arcs, graticule, legend with counts, date and sources.
public struct SVGMapRenderer: Sendable {
    public var width: Double
    /// The PROJ definition of the map projection, and its name for the legend.
    public var projection = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +type=crs"
    public var projectionName = "Equal Earth"
    /// What the legend names as the data: the missions log the map was drawn from.
    public var dataSource = "missions log"
    /// Degrees between graticule lines.
    public var graticuleStep = 15.0

    public init(width: Double = 1200) {
        self.width = width
    }

    private let margin = 16.0, headerHeight = 64.0, legendHeight = 134.0, legendWidth = 1000.0

    /// Renders with boundaries read from a file, in GEOS and PROJ contexts of its own.
    public func render(_ snapshot: Snapshot, boundariesFile: String) throws -> String {
        try render(snapshot, boundaries: Boundaries(file: boundariesFile, context: GEOSContext()), context: ProjContext())
    }

    public func render(_ snapshot: Snapshot, boundaries: Boundaries, context: ProjContext) throws -> String {
        let mapWidth = width - 2 * margin
        // Header and legend are laid out for 1000 px and scaled down on narrower maps.
        let textScale = min(1, mapWidth / legendWidth)
        let canvas = try MapCanvas(projection: projection, extent: SVGMapRenderer.sphereOutline(),
                                   origin: XY(margin, headerHeight * textScale), width: mapWidth, context: context)
        let height = (canvas.frame.maxY + legendHeight * textScale).rounded(.up)
        let senderName = snapshot.gazetteer.country(code: snapshot.sender)?.name ?? snapshot.sender
        let counts = snapshot.countsByStatus
        let hostStatuses = snapshot.hostStatuses
        let title = "Diplomatic posts of \(senderName), \(snapshot.asOf)"
        let summary = "\(counts[.open]!) open posts abroad, \(counts[.crossAccredited]!) hosts covered from elsewhere, \(counts[.closed]!) closed"

        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(fixedDecimal(width, 1)) \(fixedDecimal(height, 1))" \
        width="\(fixedDecimal(width, 1))" height="\(fixedDecimal(height, 1))" role="img" aria-labelledby="map-title map-desc">
        <title id="map-title">\(XMLText.escaped(title))</title>
        <desc id="map-desc">\(XMLText.escaped("\(summary). Countries are filled by the status of the sender's presence; markers show posts by type and status. Data: \(dataSource). Projection: \(projectionName). Boundaries: Natural Earth."))</desc>
        <style>\(MapStyle.css)</style>
        \(MapStyle.defs)
        <rect class="background" width="100%" height="100%"/>

        """
        let headerScaling = textScale < 1 ? " transform=\"scale(\(fixedDecimal(textScale, 4)))\"" : ""
        svg += "<g id=\"header\"\(headerScaling)><text class=\"title\" x=\"\(fixedDecimal(margin / textScale, 1))\" y=\"30\">\(XMLText.escaped(title))</text>"
        svg += "<text class=\"subtitle\" x=\"\(fixedDecimal(margin / textScale, 1))\" y=\"52\">\(XMLText.escaped(summary))</text></g>\n"

        svg += "<g id=\"sphere\"><path class=\"sphere\" d=\"\(try canvas.pathData([SVGMapRenderer.sphereOutline()], closed: true))\"/></g>\n"
        svg += "<g id=\"graticule\"><path class=\"graticule\" d=\"\(try canvas.pathData(graticule(), closed: false))\"/></g>\n"

        // Simplify to about a third of a pixel: invisible at this scale, and it keeps the file small.
        let tolerance = 0.35 * 360 / mapWidth
        svg += "<g id=\"countries\">\n"
        for code in boundaries.codes {
            guard let shape = boundaries.shape(code) else { continue }
            let status = hostStatuses[code] ?? HostStatus.none
            let rings = try shape.simplifiedPreservingTopology(tolerance).polygons().flatMap { $0 }
            let d = try canvas.pathData(rings, closed: true)
            guard !d.isEmpty else { continue }
            let name = snapshot.gazetteer.country(code: code)?.name ?? code
            svg += "<path class=\"country host-\(status.rawValue)\" data-iso=\"\(XMLText.escaped(code))\" d=\"\(d)\">"
            svg += "<title>\(XMLText.escaped("\(name): \(SVGMapRenderer.hostLabel(status))"))</title></path>\n"
        }
        svg += "</g>\n"

        svg += "<g id=\"accreditations\">\n"
        for link in snapshot.accreditations {
            let path = Geodesic.wgs84.path(link.from.post.location, link.to.post.location, maxStepDegrees: 1)
            let d = try canvas.pathData(GeoJSONWriter.splitAtAntimeridian(path), closed: false)
            let host = snapshot.gazetteer.country(code: link.to.post.host)?.name ?? link.to.post.host
            let since = link.to.accreditedSince.map { " since \($0)" } ?? ""
            svg += "<path class=\"accreditation\" d=\"\(d)\"><title>\(XMLText.escaped("\(host) covered from \(link.from.post.city)\(since)"))</title></path>\n"
        }
        svg += "</g>\n"

        svg += "<g id=\"posts\">\n"
        // Closed posts underneath, open ones on top.
        let drawOrder: [PostStatus] = [.closed, .planned, .suspended, .crossAccredited, .open]
        for status in drawOrder {
            for state in snapshot.posts where state.status == status {
                let p = try canvas.pixels([state.post.location])[0]
                let counted = state.post.counted ? "" : " uncounted"
                svg += PostMarker.element(type: state.post.type, x: p.x, y: p.y, size: state.post.counted ? 3.2 : 2.4,
                                          classes: "post \(status.rawValue) \(state.post.type.rawValue)\(counted)",
                                          title: tooltip(state, snapshot)) + "\n"
            }
        }
        svg += "</g>\n<g id=\"labels\"/>\n"
        svg += legend(top: canvas.frame.maxY + 10 * textScale, scale: textScale, counts: counts, hostStatuses: hostStatuses, snapshot: snapshot)
        svg += "</svg>\n"
        return svg
    }

    private func tooltip(_ state: PostState, _ snapshot: Snapshot) -> String {
        let host = snapshot.gazetteer.country(code: state.post.host)?.name ?? state.post.host
        var text = "\(state.post.city), \(host): \(PostMarker.label(state.post.type).lowercased()), \(state.status.rawValue)"
        if let opened = state.opened { text += "; opened \(opened)" }
        if let closed = state.closed { text += "; closed \(closed)" }
        if let from = state.accreditedFrom, let cover = snapshot.post(id: from) {
            text += "; covered from \(cover.post.city)" + (state.accreditedSince.map { " since \($0)" } ?? "")
        }
        if !state.post.counted { text += "; not in the official count" }
        return text + " [\(state.post.id)]"
    }

    private func legend(top: Double, scale: Double, counts: [PostStatus: Int], hostStatuses: [String: HostStatus], snapshot: Snapshot) -> String {
        let scaling = scale < 1 ? " scale(\(fixedDecimal(scale, 4)))" : ""
        var out = "<g id=\"legend\" transform=\"translate(\(margin),\(fixedDecimal(top, 1)))\(scaling)\">\n"
        out += "<text class=\"legend-heading\" x=\"0\" y=\"12\">Posts (markers)</text>\n"
        let statuses: [(PostStatus, String)] = [(.open, "Open"), (.crossAccredited, "Host covered from elsewhere"),
                                                (.closed, "Closed"), (.suspended, "Suspended")]
        for (i, (status, label)) in statuses.enumerated() {
            let y = 28.0 + Double(i) * 18
            out += PostMarker.element(type: .embassy, x: 6, y: y - 4, size: 4, classes: "post \(status.rawValue)", title: nil)
            out += "<text class=\"legend-label\" x=\"16\" y=\"\(fixedDecimal(y, 1))\">\(label) (\(counts[status]!))</text>\n"
        }
        let hostCounts = Dictionary(grouping: hostStatuses.values, by: { $0 }).mapValues(\.count)
        let hosts: [(HostStatus, String)] = [(.resident, "Resident post"), (.nonResident, "Covered from elsewhere"),
                                             (.closed, "Post closed, not covered"), (.suspended, "Post suspended"), (.sender, "Sender")]
        out += "<text class=\"legend-heading\" x=\"300\" y=\"12\">Countries</text>\n"
        for (i, (status, label)) in hosts.enumerated() {
            let y = 28.0 + Double(i % 4) * 18, x = 300.0 + Double(i / 4) * 210
            let count = status == .sender ? "" : " (\(hostCounts[status] ?? 0))"
            out += "<rect class=\"country host-\(status.rawValue)\" x=\"\(x)\" y=\"\(fixedDecimal(y - 10, 1))\" width=\"14\" height=\"10\"/>"
            out += "<text class=\"legend-label\" x=\"\(x + 20)\" y=\"\(fixedDecimal(y, 1))\">\(label)\(count)</text>\n"
        }
        out += "<text class=\"legend-heading\" x=\"720\" y=\"12\">Type (shape)</text>\n"
        let types: [PostType] = [.embassy, .consulateGeneral, .permanentMission]
        for (i, type) in types.enumerated() {
            let y = 28.0 + Double(i) * 18
            out += PostMarker.element(type: type, x: 726, y: y - 4, size: 4, classes: "post open", title: nil)
            out += "<text class=\"legend-label\" x=\"736\" y=\"\(fixedDecimal(y, 1))\">\(PostMarker.label(type))</text>\n"
        }
        let uncounted = snapshot.posts.filter { !$0.post.counted }.count
        let extra = uncounted == 0 ? "" : " Small markers: \(uncounted) posts outside the official count, not in the figures."
        // Two lines, so that each fits the legend's 1000 px.
        let notes = ["As of \(snapshot.asOf).\(extra)",
                     "Data: \(dataSource), a source on every row. Boundaries: Natural Earth 1:50m (public domain). Projection: \(projectionName)."]
        for (i, note) in notes.enumerated() {
            out += "<text class=\"legend-note\" x=\"0\" y=\"\(104 + 15 * i)\">\(XMLText.escaped(note))</text>\n"
        }
        return out + "</g>\n"
    }

    static func hostLabel(_ status: HostStatus) -> String {
        switch status {
        case .sender: "sender"
        case .resident: "resident post"
        case .nonResident: "covered from another country"
        case .suspended: "post suspended"
        case .closed: "post closed, not covered"
        case .none: "no post"
        }
    }

    /// The outline of the whole globe in lon/lat, edges densified to 1°.
    static func sphereOutline() -> [XY] {
        let south = stride(from: -180.0, through: 180, by: 1).map { XY($0, -90) }
        let east = stride(from: -90.0, through: 90, by: 1).map { XY(180, $0) }
        let north = stride(from: 180.0, through: -180, by: -1).map { XY($0, 90) }
        let west = stride(from: 90.0, through: -90, by: -1).map { XY(-180, $0) }
        return south + east + north + west
    }

    /// Meridians and parallels every `graticuleStep` degrees, densified to 1°.
    func graticule() -> [[XY]] {
        let meridians = stride(from: -180.0, through: 180, by: graticuleStep).map { lon in
            stride(from: -90.0, through: 90, by: 1).map { XY(lon, $0) }
        }
        let parallels = stride(from: -90.0 + graticuleStep, to: 90, by: graticuleStep).map { lat in
            stride(from: -180.0, through: 180, by: 1).map { XY($0, lat) }
        }
        return meridians + parallels
    }
}
