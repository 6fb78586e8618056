import GeoKit

/// Draws a snapshot as an SVG map: countries filled by host status, posts as markers
/// shaped by type, accreditation arcs, labels, graticule, and a legend with counts, date and
/// sources. Every shape is clipped in lon/lat with GEOS to what the projection shows (cut
/// along the meridian opposite the centre; the back of a globe removed) before PROJ projects it.
public struct SVGMapRenderer: Sendable {
    public var width: Double
    public var projection: MapProjection = .equalEarth
    /// The central meridian; by default 0, or the sender's capital for an orthographic globe.
    public var centerLon: Double?
    /// A UN region or subregion (as the gazetteer spells it) to fit the map to, in an
    /// equal-area projection centred on it; nil for the world.
    public var region: String?
    /// What the legend names as the data: the missions log the map was drawn from.
    public var dataSource = "missions log"
    /// Degrees between graticule lines.
    public var graticuleStep = 15.0
    /// The pixel grid country outlines are snapped to: finer is truer and larger.
    public var countryGrid = 1.0

    public init(width: Double = 1200) {
        self.width = width
    }

    private let margin = 16.0, headerHeight = 64.0, legendHeight = 134.0, legendWidth = 1000.0, legendRow = 18.0

    /// The map a request asks for: its one sender on its date, in its region, credited to its
    /// log and boundaries; geometry in `session`.
    public func render(_ request: Request, session: GeoSession) throws -> String {
        guard case .sender(let sender) = request.selection else { throw SelectionError("a map shows one sender's network") }
        var renderer = self
        renderer.region = request.region
        renderer.dataSource = request.logName
        return try renderer.render(request.network.snapshot(.sender(sender), asOf: request.asOf), gazetteer: request.network.gazetteer,
                                   boundaries: request.requiredBoundaries(), session: session)
    }

    /// The map of a sender's snapshot; country names and regions from `gazetteer`, geometry
    /// in `session`.
    public func render(_ snapshot: Snapshot, gazetteer: Gazetteer, boundaries: Boundaries, session: GeoSession) throws -> String {
        guard let sender = snapshot.sender else { preconditionFailure("a map looks from a sender") }
        let mapWidth = width - 2 * margin
        // Header and legend are laid out for 1000 px and scaled down on narrower maps.
        let textScale = min(1, mapWidth / legendWidth)
        let view = try makeView(sender: sender, gazetteer: gazetteer, boundaries: boundaries, session: session)
        let canvas = try MapCanvas(projection: view.definition, extent: view.fit,
                                   origin: XY(margin, headerHeight * textScale), width: mapWidth,
                                   padding: view.clipsToFrame ? 0.03 : 0, session: session)
        let clip = try Clipper(view: view, canvas: canvas, session: session)
        let counts = snapshot.countsByStatus
        var hostStatuses = snapshot.countryStatuses
        hostStatuses[sender.iso2] = .sender
        let place = region.map { " in \($0)" } ?? ""
        let title = "Diplomatic posts of \(sender.name)\(place), \(snapshot.asOf)"
        // Boundaries may hold codes the gazetteer lacks: those are in no region.
        let inRegion = { (iso2: String) in region.map { gazetteer.isCountry(iso2, in: $0) } ?? true }
        let hostInRegion = { (post: Post) in region.map { post.host.isIn($0) } ?? true }
        let shown = snapshot.countedPosts.filter { hostInRegion($0.post) }
        let shownCounts = Dictionary(grouping: shown, by: \.status).mapValues(\.count)
        let unknown = shownCounts[.unknown].map { ", \($0) unknown (no record yet)" } ?? ""
        let summary = "\(shownCounts[.open] ?? 0) open posts, \(shownCounts[.crossAccredited] ?? 0) hosts covered from elsewhere, \(shownCounts[.closed] ?? 0) closed\(unknown)"
            + (region == nil ? "" : " (world: \(counts[.open]!) open)")
        let postEntries = legendPostEntries(shownCounts)
        // The legend grows by a row for each post status beyond the usual four.
        let legendExtra = Double(max(0, postEntries.count - 4)) * legendRow
        let height = (canvas.frame.maxY + (legendHeight + legendExtra) * textScale).rounded(.up)

        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(fixedDecimal(width, 1)) \(fixedDecimal(height, 1))" \
        width="\(fixedDecimal(width, 1))" height="\(fixedDecimal(height, 1))" role="img" aria-labelledby="map-title map-desc">
        <title id="map-title">\(XMLText.escaped(title))</title>
        <desc id="map-desc">\(XMLText.escaped("\(summary). Countries are filled by the status of the sender's presence; markers show posts by type and status. Data: \(dataSource). Projection: \(view.name). Boundaries: \(boundaries.label.name)."))</desc>
        <style>\(MapStyle.css)</style>
        \(MapStyle.defs)
        <rect class="background" width="100%" height="100%"/>

        """
        let headerScaling = textScale < 1 ? " transform=\"scale(\(fixedDecimal(textScale, 4)))\"" : ""
        svg += "<g id=\"header\"\(headerScaling)><text class=\"title\" x=\"\(fixedDecimal(margin / textScale, 1))\" y=\"30\">\(XMLText.escaped(title))</text>"
        svg += "<text class=\"subtitle\" x=\"\(fixedDecimal(margin / textScale, 1))\" y=\"52\">\(XMLText.escaped(summary))</text></g>\n"

        let sphere = view.clipsToFrame
            ? MapCanvas.pathData(pixels: [clip.frameRing], closed: true)
            : try canvas.pathData(view.outline, closed: true)
        svg += "<g id=\"sphere\"><path class=\"sphere\" d=\"\(sphere)\"/></g>\n"
        svg += "<g id=\"graticule\"><path class=\"graticule\" d=\"\(MapCanvas.pathData(pixels: try clip.lines(graticule()), closed: false))\"/></g>\n"

        svg += "<g id=\"countries\">\n"
        for code in boundaries.codes {
            guard let shape = try boundaries.shape(code, in: session) else { continue }
            let rings = try clip.polygons(shape, grid: countryGrid)
            guard !rings.isEmpty else { continue }
            let status = hostStatuses[code] ?? HostStatus.none
            let name = gazetteer.country(code: code)?.name ?? code
            svg += "<path class=\"country host-\(status.rawValue)\" data-iso=\"\(XMLText.escaped(code))\" d=\"\(MapCanvas.pathData(pixels: rings, closed: true))\">"
            svg += "<title>\(XMLText.escaped("\(name): \(SVGMapRenderer.hostLabel(status))"))</title></path>\n"
        }
        svg += "</g>\n"

        svg += "<g id=\"accreditations\">\n"
        for link in snapshot.accreditations where hostInRegion(link.to.post) || hostInRegion(link.from.post) {
            let path = Geodesic.wgs84.path(link.from.post.location, link.to.post.location, maxStepDegrees: 1)
            let lines = try clip.lines(Antimeridian.split(path))
            guard !lines.isEmpty else { continue }
            let since = link.to.accreditedSince.map { " since \($0)" } ?? ""
            svg += "<path class=\"accreditation\" d=\"\(MapCanvas.pathData(pixels: lines, closed: false))\"><title>\(XMLText.escaped("\(link.to.post.host.name) covered from \(link.from.post.city)\(since)"))</title></path>\n"
        }
        svg += "</g>\n"

        svg += "<g id=\"posts\">\n"
        var labels = LabelPlacer(frame: canvas.frame)
        var labelled: [(PostState, XY)] = []
        // Posts without presence underneath, open ones on top.
        let drawOrder: [PostStatus] = [.unknown, .uncovered, .closed, .planned, .suspended, .crossAccredited, .open]
        for status in drawOrder {
            for state in snapshot.posts where state.status == status {
                guard let p = try clip.point(state.post.location) else { continue }
                let counted = state.post.counted ? "" : " uncounted"
                let size = state.post.counted ? 3.2 : 2.4
                svg += PostMarker.element(type: state.post.type, x: p.x, y: p.y, size: size,
                                          classes: "post \(status.rawValue) \(state.post.type.rawValue)\(counted)",
                                          title: tooltip(state, snapshot)) + "\n"
                labels.reserve(around: p, radius: size + 1)
                if state.post.counted && [.open, .crossAccredited, .suspended, .planned].contains(status) { labelled.append((state, p)) }
            }
        }
        svg += "</g>\n<g id=\"labels\">\n"
        // Open embassies first, then other open posts, then hosts covered from elsewhere.
        let priority: (PostState) -> Int = { ($0.status == .open ? 0 : 2) + ($0.post.type == .embassy ? 0 : 1) }
        var seen: Set<String> = []
        for (state, p) in labelled.sorted(by: { (priority($0.0), $0.0.post.id) < (priority($1.0), $1.0.post.id) }) {
            let text = state.status == .crossAccredited ? state.post.host.name : state.post.city
            guard seen.insert(text).inserted, let spot = labels.place(text, at: p, radius: 4.2) else { continue }
            svg += "<text class=\"label \(state.status.rawValue)\" x=\"\(fixedDecimal(spot.x, 1))\" y=\"\(fixedDecimal(spot.y, 1))\" text-anchor=\"\(spot.anchor)\">\(XMLText.escaped(text))</text>\n"
        }
        svg += "</g>\n"
        svg += legend(top: canvas.frame.maxY + 10 * textScale, scale: textScale, entries: postEntries, hostStatuses: hostStatuses,
                      snapshot: snapshot, projectionName: view.name, boundaries: boundaries.label,
                      inRegion: inRegion, hostInRegion: hostInRegion)
        svg += "</svg>\n"
        return svg
    }

    /// The view the options ask for: a region's, a globe's or the world's.
    private func makeView(sender: Country, gazetteer: Gazetteer, boundaries: Boundaries, session: GeoSession) throws -> MapView {
        let capital = sender.capitalLocation
        guard let region else {
            let center = projection == .orthographic ? XY(centerLon ?? capital.x, capital.y) : XY(centerLon ?? 0, 0)
            return try MapView.world(projection, center: center, session: session)
        }
        return try RegionFit.view(region: region, gazetteer: gazetteer, boundaries: boundaries, session: session)
    }

    private func tooltip(_ state: PostState, _ snapshot: Snapshot) -> String {
        var text = "\(state.post.city), \(state.post.host.name): \(PostMarker.label(state.post.type).lowercased()), \(state.status.rawValue)"
        if let opened = state.opened { text += "; opened \(opened)" }
        if let closed = state.closed { text += "; closed \(closed)" }
        if state.status == .unknown { text += "; no record before \(state.basis.date)" }
        if let from = state.accreditedFrom, let cover = snapshot.post(id: from) {
            text += "; covered from \(cover.post.city)" + (state.accreditedSince.map { " since \($0)" } ?? "")
        }
        if !state.post.counted { text += "; not in the official count" }
        return text + " [\(state.post.id)]"
    }

    /// The post statuses the legend lists, with their counts: the usual four always (a zero
    /// says something), the rarer ones only when the map has them.
    private func legendPostEntries(_ counts: [PostStatus: Int]) -> [(PostStatus, String, Int)] {
        let usual: [(PostStatus, String)] = [(.open, "Open"), (.crossAccredited, "Host covered from elsewhere"),
                                             (.closed, "Closed"), (.suspended, "Suspended")]
        let rare: [(PostStatus, String)] = [(.planned, "Planned"), (.uncovered, "Cover ended (never resident)"),
                                            (.unknown, "Unknown: no record yet")]
        return usual.map { ($0.0, $0.1, counts[$0.0] ?? 0) }
            + rare.compactMap { status, label in counts[status].map { (status, label, $0) } }
    }

    private func legend(top: Double, scale: Double, entries: [(PostStatus, String, Int)], hostStatuses: [String: HostStatus],
                        snapshot: Snapshot, projectionName: String, boundaries: BoundariesLabel,
                        inRegion: (String) -> Bool, hostInRegion: (Post) -> Bool) -> String {
        let scaling = scale < 1 ? " scale(\(fixedDecimal(scale, 4)))" : ""
        var out = "<g id=\"legend\" transform=\"translate(\(margin),\(fixedDecimal(top, 1)))\(scaling)\">\n"
        out += "<text class=\"legend-heading\" x=\"0\" y=\"12\">Posts (markers)</text>\n"
        for (i, (status, label, count)) in entries.enumerated() {
            let y = 28.0 + Double(i) * legendRow
            out += PostMarker.element(type: .embassy, x: 6, y: y - 4, size: 4, classes: "post \(status.rawValue)", title: nil)
            out += "<text class=\"legend-label\" x=\"16\" y=\"\(fixedDecimal(y, 1))\">\(label) (\(count))</text>\n"
        }
        let hostCounts = Dictionary(grouping: hostStatuses.filter { inRegion($0.key) }.values, by: { $0 }).mapValues(\.count)
        let rareHosts: [(HostStatus, String)] = [(.uncovered, "Cover ended, none since"), (.unknown, "Unknown: no record yet")]
        let hosts: [(HostStatus, String)] = [(.resident, "Resident post"), (.nonResident, "Covered from elsewhere"),
                                             (.closed, "Post closed, not covered"), (.suspended, "Post suspended")]
            + rareHosts.filter { hostCounts[$0.0] != nil } + [(.sender, "Sender")]
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
        let uncounted = snapshot.posts.filter { !$0.post.counted && hostInRegion($0.post) }.count
        let extra = uncounted == 0 ? "" : " Small markers: \(uncounted) \(uncounted == 1 ? "post" : "posts") outside the official count, not in the figures."
        // Two lines, so that each fits the legend's 1000 px.
        let notes = ["As of \(snapshot.asOf).\(extra)",
                     "Data: \(dataSource), a source on every row. Boundaries: \(boundaries.attribution). Projection: \(projectionName)."]
        let notesTop = 104 + Int(legendRow) * max(0, entries.count - 4)
        for (i, note) in notes.enumerated() {
            out += "<text class=\"legend-note\" x=\"0\" y=\"\(notesTop + 15 * i)\">\(XMLText.escaped(note))</text>\n"
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
        case .uncovered: "was covered from another country, no longer"
        case .unknown: "unknown: its post has no record yet on this date"
        case .none: "no post"
        }
    }

    /// Meridians and parallels every `graticuleStep` degrees, densified to 1°.
    func graticule() -> [[XY]] {
        let meridians = stride(from: -180.0, to: 180, by: graticuleStep).map { lon in
            stride(from: -90.0, through: 90, by: 1).map { XY(lon, $0) }
        }
        let parallels = stride(from: -90.0 + graticuleStep, to: 90, by: graticuleStep).map { lat in
            stride(from: -180.0, through: 180, by: 1).map { XY($0, lat) }
        }
        return meridians + parallels
    }
}
