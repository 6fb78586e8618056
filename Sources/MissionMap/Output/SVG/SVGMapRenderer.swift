import GeoKit

/// Draws a snapshot as a map: countries filled by host status, posts as markers shaped by
/// type, accreditation arcs, labels, graticule, and a legend with counts, date and sources.
/// A host's snapshot is drawn from the other side (`MapSide`): the senders' countries filled
/// by the status of their posts there, and one marker for each city with posts.
/// Every shape is clipped in lon/lat with GEOS to what the projection shows (cut along the
/// meridian opposite the centre; the back of a globe removed) before PROJ projects it.
/// `model` lays the map out as a `MapModel`; `render` writes it as SVG.
public struct SVGMapRenderer: Sendable {
    public var width: Double
    public var projection: MapProjection = .equalEarth
    /// The central meridian; by default 0, or for an orthographic globe the capital of the
    /// country the map looks from (the sender, or the host).
    public var centerLon: Double?
    /// A UN region or subregion (as the gazetteer spells it) to fit the map to, in an
    /// equal-area projection centred on it; nil for the world.
    public var region: String?
    /// A view that is not a region (a box, or countries), fitted as a region is; exclusive of `region`.
    public var extent: MapExtent?
    /// What the legend names as the data: the missions log the map was drawn from.
    public var dataSource = "missions log"
    /// Degrees between graticule lines.
    public var graticuleStep = 15.0
    /// How far, in pixels, a simplified country outline may stray from the source: larger
    /// is smaller and coarser. Borders are simplified once for both neighbours.
    public var simplification = 0.35
    /// The title, subtitle and a credit line in place of (or, for the credit, beside) the map's own.
    public var title: String?
    public var subtitle: String?
    public var credit: String?
    /// Colours, strokes and fonts.
    public var theme = MapTheme()
    /// Post and country statuses the legend lists even where the snapshot has none (with a
    /// count of 0): a page shows other dates on the same map.
    public var legendStatuses: (posts: Set<PostStatus>, hosts: Set<HostStatus>) = ([], [])
    /// Posts labelled by their city, as open ones, though not open on the snapshot's date
    /// (ranked after those open): a page labels every post open on some date of its period.
    public var labelledAsOpen: Set<String> = []
    /// Where the countries' outlines of each view are kept between maps and runs (off by default).
    public var cache = PreparedCache(folder: nil)

    public init(width: Double = 1200) {
        self.width = width
    }

    /// The map a request asks for: its one sender, or its host, on its date, in its region,
    /// credited to its log and boundaries; geometry in `session`.
    public func render(_ request: Request, session: GeoSession) throws -> String {
        let query: Snapshot.Query
        switch request.selection {
        case .sender(let sender): query = .sender(sender)
        case .host(let host, let city): query = .host(host, city: city)
        case .senders, .all: throw SelectionError("a map shows one sender's network, or the posts in one host")
        }
        var renderer = self
        renderer.region = request.region
        renderer.dataSource = request.logName
        return try renderer.render(request.network.snapshot(query, asOf: request.asOf), gazetteer: request.network.gazetteer,
                                   boundaries: request.requiredBoundaries(), session: session)
    }

    /// The map of a sender's or a host's snapshot as SVG; country names and regions from
    /// `gazetteer`, geometry in `session`.
    public func render(_ snapshot: Snapshot, gazetteer: Gazetteer, boundaries: Boundaries, session: GeoSession) throws -> String {
        SVGMapWriter.svg(try model(snapshot, gazetteer: gazetteer, boundaries: boundaries, session: session), theme: theme)
    }

    /// The map of a sender's or a host's snapshot, laid out in pixels.
    /// `links`, if given, are the accreditation arcs to draw in place of the snapshot's own (a
    /// page draws every link of its period and shows each in its time).
    public func model(_ snapshot: Snapshot, gazetteer: Gazetteer, boundaries: Boundaries, session: GeoSession,
                      links: [(from: PostState, to: PostState)]? = nil) throws -> MapModel {
        let side = MapSide(snapshot)
        let s = MapLayout.scale(width: width)
        let margin = MapLayout.margin * s
        let mapWidth = width - 2 * margin

        let fills = side.fills
        // Boundaries may hold codes the gazetteer lacks: those are in no region.
        // An extent holds countries as a region does.
        let inRegion = { (iso2: String) in
            if let extent { return gazetteer.country(code: iso2).map(extent.contains) ?? false }
            return region.map { gazetteer.isCountry(iso2, in: $0) } ?? true
        }
        // A region holds the countries on the far side: a sender's hosts, a host's senders.
        let farSideInRegion = { (post: Post) in
            let other = snapshot.counterpart(post)
            if let extent { return extent.contains(other) }
            return region.map { other.isIn($0) } ?? true
        }
        let shown = snapshot.countedPosts.filter { farSideInRegion($0.post) }

        // Header: the title and a line of counts, each wrapped to the map's width.
        let viewName = extent?.name ?? region
        let title = self.title ?? side.title(region: viewName)
        let summary = side.headline(shown: shown, region: viewName)
        var header: [MapModel.Text] = []
        var y = margin + 14 * s
        for line in MapLayout.lines(title, size: MapLayout.titleSize * s, width: mapWidth) {
            header.append(.init(text: line, at: XY(margin, y), classes: "title"))
            y += 26 * s
        }
        y -= 4 * s
        for line in MapLayout.lines(subtitle ?? summary, size: MapLayout.subtitleSize * s, width: mapWidth) {
            header.append(.init(text: line, at: XY(margin, y), classes: "subtitle"))
            y += 18 * s
        }
        let headerHeight = y - 6 * s

        let view = try makeView(from: side.country, gazetteer: gazetteer, boundaries: boundaries, session: session)
        let canvas = try MapCanvas(projection: view.definition, extent: view.fit, origin: XY(margin, headerHeight), width: mapWidth,
                                   padding: view.clipsToFrame ? 0.03 : 0, session: session)
        let clip = try Clipper(view: view, canvas: canvas, session: session)

        var layers: [MapModel.Layer] = []
        let sphere = view.clipsToFrame ? [clip.frameRing] : try view.outline.map(canvas.pixels)
        layers.append(.init(id: "sphere", shapes: [.init(classes: "sphere", parts: sphere, closed: true)]))
        layers.append(.init(id: "graticule", shapes: [.init(classes: "graticule", parts: try clip.lines(graticule()), closed: false)]))

        // Country outlines: the same for every map of this view, so read back when an
        // earlier map (or run) made them (`CountryOutlines`).
        let outlines = try CountryOutlines.of(boundaries, view: view, clip: clip, origin: XY(margin, headerHeight),
                                              width: mapWidth, projection: projection, simplification: simplification,
                                              session: session, cache: cache)
        var countries: [MapModel.Shape] = []
        var drawnFills: [String: MapSide.Fill] = [:]
        for (code, rings) in outlines.countries {
            let fill = fills[code] ?? .status(.none)
            drawnFills[code] = fill
            let name = gazetteer.country(code: code)?.name ?? code
            countries.append(.init(classes: "country host-\(fill.name)", parts: rings, closed: true,
                                   title: side.tooltip(name: name, code: code, fill: fill), iso: code))
        }
        layers.append(.init(id: "countries", shapes: countries))

        var arcs: [MapModel.Shape] = []
        for link in links ?? snapshot.accreditations where farSideInRegion(link.to.post) || farSideInRegion(link.from.post) {
            let path = Geodesic.wgs84.path(link.from.post.location, link.to.post.location, maxStepDegrees: 1)
            let lines = try clip.lines(Antimeridian.split(path))
            guard !lines.isEmpty else { continue }
            let since = link.to.accreditedSince.map { " since \($0)" } ?? ""
            arcs.append(.init(classes: "accreditation", parts: lines, closed: false,
                              title: "\(link.to.post.host.name) covered from \(link.from.post.city)\(since)",
                              link: "\(link.to.post.id)>\(link.from.post.id)"))
        }
        layers.append(.init(id: "accreditations", shapes: arcs))

        let drawn = side.side == .sender
            ? try postMarkers(snapshot, clip: clip, frame: canvas.frame, scale: s, counts: farSideInRegion)
            : try cityMarkers(side, clip: clip, frame: canvas.frame, scale: s)

        let uncounted = snapshot.posts.filter { !$0.post.counted && farSideInRegion($0.post) }.count
        let posts = "\(uncounted) \(uncounted == 1 ? "post" : "posts")"
        let extra = uncounted == 0 ? ""
            : side.side == .sender ? " Small markers: \(posts) outside the official count, not in the figures."
            : " Tooltips list \(posts) outside the official count, not in the figures."
        var notes = ["As of \(snapshot.asOf).\(extra)",
                     "Data: \(dataSource), a source on every row. Boundaries: \(boundaries.label.attribution). Projection: \(view.name)."]
        if let credit { notes.append(credit) }
        // The legend counts what the map draws: on a globe, the near side; on a region's map,
        // the region (its neighbours are drawn too, but as context).
        let fillsShown = drawnFills.filter { $0.value != .status(.none) && inRegion($0.key) }
        let present = Dictionary(grouping: fillsShown.values, by: { $0 }).mapValues(\.count)
            .merging(legendStatuses.hosts.filter { $0 != .none }.map { (MapSide.Fill.status($0), 0) }) { count, _ in count }
        let countryRows = side.countryLegend(present).map { (swatch: LegendSwatch.patch($0.classes), text: $0.text) }
        let markerBlock = LegendBlock(heading: drawn.heading, rows: drawn.rows, perColumn: drawn.rows.count)
        let countryBlock = LegendBlock(heading: side.countriesHeading, rows: countryRows, perColumn: 4)
        let typeRows = SVGMapRenderer.typeRows(drawn.types)
        let typeBlock = LegendBlock(heading: "Type (shape)", rows: typeRows, perColumn: typeRows.count)
        // A sender's map is about its posts, a host's about the senders: that block leads.
        let blocks = side.side == .sender ? [markerBlock, countryBlock, typeBlock] : [countryBlock, markerBlock, typeBlock]
        let legend = legendLayout(top: canvas.frame.maxY + 10 * s, scale: s, blocks: blocks.filter { !$0.rows.isEmpty }, notes: notes)

        let description = "\(summary). \(side.key) Data: \(dataSource). Projection: \(view.name). Boundaries: \(boundaries.label.name)."
            + (credit.map { " \($0)" } ?? "")
        return MapModel(side: side.side, width: width, height: legend.bottom.rounded(.up), scale: s, title: title, description: description,
                        header: header, layers: layers, markers: drawn.markers, labels: drawn.labels, legend: legend.legend)
    }

    /// What the markers add to a map: markers, labels, and the legend's rows for them.
    private struct DrawnMarkers {
        var markers: [MapModel.Marker] = []
        var labels: [MapModel.Text] = []
        var heading: String
        var rows: [(swatch: LegendSwatch, text: String)] = []
        var types: Set<PostType> = []
    }

    /// A sender's posts, one marker each: posts without presence underneath, open ones on
    /// top. The legend counts the posts `counts` takes in (those of the region's hosts).
    private func postMarkers(_ snapshot: Snapshot, clip: Clipper, frame: Bounds, scale s: Double, counts: (Post) -> Bool) throws -> DrawnMarkers {
        var markers: [MapModel.Marker] = []
        var placer = LabelPlacer(frame: frame, fontSize: MapLayout.labelSize * s)
        var labelled: [(PostState, XY, Double)] = []
        let alsoOpen = { (state: PostState) in state.status != .open && labelledAsOpen.contains(state.post.id) }
        var drawnStatuses: Set<PostStatus> = [], drawnTypes: Set<PostType> = [], drawnCounts: [PostStatus: Int] = [:]
        let drawOrder: [PostStatus] = [.unknown, .uncovered, .closed, .planned, .suspended, .crossAccredited, .open]
        for status in drawOrder {
            for state in snapshot.posts where state.status == status {
                guard let p = try clip.point(state.post.location) else { continue }
                let size = (state.post.counted ? MapLayout.markerRadius : MapLayout.uncountedRadius) * s
                markers.append(.init(type: state.post.type, at: p, size: size,
                                     classes: "post \(status.rawValue) \(state.post.type.rawValue)\(state.post.counted ? "" : " uncounted")",
                                     title: tooltip(state, snapshot), post: state.post.id))
                drawnStatuses.insert(status)
                drawnTypes.insert(state.post.type)
                if state.post.counted && counts(state.post) { drawnCounts[status, default: 0] += 1 }
                placer.reserve(around: p, radius: size + s)
                if state.post.counted && (alsoOpen(state) || status != .unknown && status != .uncovered) { labelled.append((state, p, size)) }
            }
        }
        // Open embassies first, then other open posts, then suspended, covered and planned
        // ones, and closed posts last, where there is still room.
        let rank: [PostStatus: Int] = [.open: 0, .suspended: 1, .crossAccredited: 1, .planned: 1, .closed: 2]
        let priority = { (state: PostState) in 2 * (alsoOpen(state) ? 1 : rank[state.status, default: 3]) + (state.post.type.isEmbassy ? 0 : 1) }
        var labels: [MapModel.Text] = []
        var seen: Set<String> = []
        for (state, p, size) in labelled.sorted(by: { (priority($0.0), $0.0.post.id) < (priority($1.0), $1.0.post.id) }) {
            let text = state.status == .crossAccredited && !alsoOpen(state) ? state.post.host.name : state.post.city
            guard seen.insert(text).inserted, let spot = placer.place(text, at: p, radius: size + s) else { continue }
            labels.append(.init(text: text, at: XY(spot.x, spot.y), anchor: spot.anchor, classes: "label \(alsoOpen(state) ? "open" : state.status.rawValue)",
                                post: state.post.id))
        }
        let rows = SVGMapRenderer.postLegend.filter { drawnStatuses.union(legendStatuses.posts).contains($0.0) }
            .map { (swatch: LegendSwatch.marker(.embassy, "post \($0.0.rawValue)"), text: "\($0.1) (\(drawnCounts[$0.0] ?? 0))") }
        return DrawnMarkers(markers: markers, labels: labels, heading: "Posts (markers)", rows: rows, types: drawnTypes)
    }

    /// A host's posts, one marker for each city with resident posts (posts share a city, and a
    /// marker each would pile up): shaped as an embassy where the city holds one, coloured by
    /// the strongest status there, its tooltip listing every post. A city whose posts are all
    /// outside the official count gets a small marker.
    private func cityMarkers(_ side: MapSide, clip: Clipper, frame: Bounds, scale s: Double) throws -> DrawnMarkers {
        let snapshot = side.snapshot
        var cities: [(name: String, posts: [PostState])] = []
        for state in snapshot.posts where state.post.isResident {
            if let i = cities.firstIndex(where: { Gazetteer.fold($0.name) == Gazetteer.fold(state.post.city) }) {
                cities[i].posts.append(state)
            } else {
                cities.append((state.post.city, [state]))
            }
        }
        let strongest: [PostStatus] = [.open, .suspended, .planned, .unknown, .closed, .uncovered, .crossAccredited]
        var drawn = DrawnMarkers(heading: "Cities (markers)")
        var placer = LabelPlacer(frame: frame, fontSize: MapLayout.labelSize * s)
        var labelled: [(text: String, at: XY, size: Double, status: PostStatus, posts: Int)] = []
        var counts: [PostStatus: Int] = [:]
        // The city with the most posts is drawn last, on top.
        for city in cities.sorted(by: { ($0.posts.count, $1.name) < ($1.posts.count, $0.name) }) {
            guard let p = try clip.point(city.posts[0].post.location) else { continue }
            let counted = city.posts.filter(\.post.counted)
            let pool = counted.isEmpty ? city.posts : counted
            let status = strongest.first { status in pool.contains { $0.status == status } }!
            let type = pool.contains { $0.post.type == .embassy } ? PostType.embassy
                : pool.contains { $0.post.type.isEmbassy } ? PostType.highCommission : pool.first { $0.status == status }!.post.type
            let size = (counted.isEmpty ? MapLayout.uncountedRadius : 1.5 * MapLayout.markerRadius) * s
            let tally = strongest.compactMap { status -> String? in
                let n = counted.filter { $0.status == status }.count
                return n == 0 ? nil : "\(n) \(SVGMapRenderer.cityTally[status]!)"
            }
            let outside = city.posts.count - counted.count
            var heading = "\(city.name), \(side.country.name): \(counted.count) \(counted.count == 1 ? "post" : "posts")"
                + (tally.isEmpty ? "" : " (\(tally.joined(separator: ", ")))")
            if outside > 0 { heading += ", \(outside) outside the official count" }
            let lines = city.posts.sorted { ($0.post.sender.name, $0.post.id) < ($1.post.sender.name, $1.post.id) }
                .map { "\($0.post.sender.name): \(side.describe($0, withCity: false)) [\($0.post.id)]" }
            drawn.markers.append(.init(type: type, at: p, size: size,
                                       classes: "post \(status.rawValue) \(type.rawValue)\(counted.isEmpty ? " uncounted" : "")",
                                       title: ([heading] + lines).joined(separator: "\n")))
            drawn.types.insert(type)
            if !counted.isEmpty { counts[status, default: 0] += 1 }
            placer.reserve(around: p, radius: size + s)
            labelled.append((city.name, p, size, status, city.posts.count))
        }
        // The cities with the most posts are labelled first.
        for city in labelled.sorted(by: { ($0.posts, $1.text) > ($1.posts, $0.text) }) {
            guard let spot = placer.place(city.text, at: city.at, radius: city.size + s) else { continue }
            drawn.labels.append(.init(text: city.text, at: XY(spot.x, spot.y), anchor: spot.anchor, classes: "label \(city.status.rawValue)"))
        }
        drawn.rows = SVGMapRenderer.cityLegend.compactMap { status, label in
            counts[status].map { (swatch: LegendSwatch.marker(.embassy, "post \(status.rawValue)"), text: "\(label) (\($0))") }
        }
        return drawn
    }

    /// How a city's tooltip counts its posts of each status.
    static let cityTally: [PostStatus: String] = [
        .open: "open", .suspended: "suspended", .planned: "planned", .unknown: "unknown", .closed: "closed",
        .uncovered: "cover ended", .crossAccredited: "covered from elsewhere",
    ]

    /// The legend's rows for city markers, by the strongest status of the city's posts.
    static let cityLegend: [(PostStatus, String)] = [
        (.open, "City with posts open"), (.suspended, "City with posts suspended, none open"),
        (.planned, "City with posts planned, none open"), (.unknown, "City with posts of no record yet"),
        (.closed, "City with posts closed, none open"), (.uncovered, "City with covers ended"),
    ]


    /// The view the options ask for: an extent's, a region's, a globe's or the world's.
    private func makeView(from country: Country, gazetteer: Gazetteer, boundaries: Boundaries, session: GeoSession) throws -> MapView {
        let capital = country.capitalLocation
        if let extent { return try RegionFit.view(extent: extent, boundaries: boundaries, session: session, cache: cache) }
        guard let region else {
            let center = projection == .orthographic ? XY(centerLon ?? capital.x, capital.y) : XY(centerLon ?? 0, 0)
            return try MapView.world(projection, center: center, session: session)
        }
        return try RegionFit.view(region: region, gazetteer: gazetteer, boundaries: boundaries, session: session, cache: cache)
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

    static let postLegend: [(PostStatus, String)] = [
        (.open, "Open"), (.crossAccredited, "Host covered from elsewhere"), (.closed, "Closed"), (.suspended, "Suspended"),
        (.planned, "Planned"), (.uncovered, "Cover ended (never resident)"), (.unknown, "Unknown: no record yet"),
    ]

    static let hostLegend: [(HostStatus, String)] = [
        (.resident, "Resident post"), (.nonResident, "Covered from elsewhere"), (.suspended, "Post suspended"),
        (.closed, "Post closed, not covered"), (.uncovered, "Cover ended, none since"), (.unknown, "Unknown: no record yet"),
        (.sender, "Sender"),
    ]

    /// Marker shapes and the types drawn with each.
    static let shapes: [[PostType]] = [[.embassy, .highCommission], [.consulateGeneral, .consulate, .consularOffice], [.permanentMission],
                                       [.representativeOffice, .tradeOffice, .interestsSection, .liaisonOffice]]

    /// A block of the legend: a heading, and rows of a swatch and a text, so many to a column.
    private struct LegendBlock {
        var heading: String
        var rows: [(swatch: LegendSwatch, text: String)]
        var perColumn: Int
    }

    private enum LegendSwatch { case marker(PostType, String), patch(String) }

    /// The legend's rows for the marker shapes drawn, one per shape, naming its types.
    private static func typeRows(_ types: Set<PostType>) -> [(swatch: LegendSwatch, text: String)] {
        SVGMapRenderer.shapes.compactMap { group in
            let drawn = group.filter(types.contains)
            guard let first = drawn.first else { return nil }
            let names = drawn.map { PostMarker.label($0) }
            return (.marker(first, "post open"), ([names[0]] + names.dropFirst().map { $0.lowercased() }).joined(separator: ", "))
        }
    }

    /// The legend: blocks of exactly the statuses, country fills and marker shapes the map
    /// shows, flowing into rows as the width allows, then the notes, wrapped.
    private func legendLayout(top: Double, scale s: Double, blocks: [LegendBlock], notes: [String]) -> (legend: MapModel.Legend, bottom: Double) {
        var legend = MapModel.Legend()
        let margin = MapLayout.margin * s, row = MapLayout.legendRow * s, textSize = MapLayout.legendSize * s

        var x = margin, rowTop = top, rowHeight = 0.0
        for var block in blocks {
            let columnWidth = 20 * s + (block.rows.map { MapLayout.width(of: $0.text, size: textSize) }.max() ?? 0) + 14 * s
            var columns = (block.rows.count + block.perColumn - 1) / max(1, block.perColumn)
            // Columns that do not fit the map's width become one.
            if Double(columns) * columnWidth > width - 2 * margin {
                block.perColumn = block.rows.count
                columns = 1
            }
            let blockWidth = max(MapLayout.width(of: block.heading, size: textSize) + 14 * s, Double(columns) * columnWidth)
            if x > margin && x + blockWidth > width - margin {
                x = margin
                rowTop += rowHeight
                rowHeight = 0
            }
            legend.texts.append(.init(text: block.heading, at: XY(x, rowTop + 12 * s), classes: "legend-heading"))
            for (i, entry) in block.rows.enumerated() {
                let column = i / max(1, block.perColumn), line = i % max(1, block.perColumn)
                let cx = x + Double(column) * columnWidth, baseline = rowTop + 28 * s + Double(line) * row
                switch entry.swatch {
                case .marker(let type, let classes):
                    legend.markers.append(.init(type: type, at: XY(cx + 6 * s, baseline - 4 * s), size: 4 * s, classes: classes))
                    legend.texts.append(.init(text: entry.text, at: XY(cx + 16 * s, baseline), classes: "legend-label"))
                case .patch(let classes):
                    legend.patches.append((XY(cx, baseline - 10 * s), 14 * s, 10 * s, classes))
                    legend.texts.append(.init(text: entry.text, at: XY(cx + 20 * s, baseline), classes: "legend-label"))
                }
            }
            let lines = min(block.perColumn, block.rows.count)
            rowHeight = max(rowHeight, 28 * s + Double(max(1, lines) - 1) * row + 12 * s)
            x += blockWidth
        }
        var y = rowTop + rowHeight + 6 * s
        for note in notes {
            for line in MapLayout.lines(note, size: MapLayout.noteSize * s, width: width - 2 * margin) {
                y += 15 * s
                legend.texts.append(.init(text: line, at: XY(margin, y), classes: "legend-note"))
            }
        }
        return (legend, y + margin)
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
