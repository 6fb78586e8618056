import GeoKit

/// Takes lon/lat shapes to pixels for one map: clipped with GEOS to what the view shows
/// (before projecting, so that nothing is drawn across the cut or from the back of a
/// globe), projected, and on region maps clipped to the frame.
final class Clipper {
    let canvas: MapCanvas
    let context: GEOSContext
    /// The lon/lat area the map shows, in its window of longitudes.
    let visible: Geometry
    private let preparedVisible: PreparedGeometry
    private let frame: Bounds?
    let rewrap: Rewrap
    /// The frame as a closed pixel ring.
    let frameRing: [XY]

    init(view: MapView, canvas: MapCanvas, session: GeoSession) throws {
        self.canvas = canvas
        context = session.geos
        rewrap = Rewrap(centre: view.window, session: session)
        // Pieces of a cap cut at ±180° share edges; their union is the valid clip area. Its
        // edges are densified to 1° so that cut edges (meridians, the Mercator limit) follow
        // the projection's curves instead of cutting straight across.
        visible = try context.multiPolygon(view.visible).unaryUnion().densified(1)
        preparedVisible = try visible.prepared()
        frame = view.clipsToFrame ? canvas.frame : nil
        let f = canvas.frame
        frameRing = [XY(f.minX, f.minY), XY(f.maxX, f.minY), XY(f.maxX, f.maxY), XY(f.minX, f.maxY), XY(f.minX, f.minY)]
    }

    /// On a map clipped to its frame (a region), the lon/lat area the frame shows, widened by a
    /// tenth on every side, in the map's window of longitudes; nil for a whole-world map. What
    /// lies outside it need not be simplified or drawn.
    func frameArea() throws -> Geometry? {
        guard let frame else { return nil }
        let pad = max(frame.width, frame.height) / 10
        let f = frame.expanded(by: pad)
        let steps = 32
        var ring: [XY] = []
        for i in 0..<steps { ring.append(XY(f.minX + f.width * Double(i) / Double(steps), f.minY)) }
        for i in 0..<steps { ring.append(XY(f.maxX, f.minY + f.height * Double(i) / Double(steps))) }
        for i in 0..<steps { ring.append(XY(f.maxX - f.width * Double(i) / Double(steps), f.maxY)) }
        for i in 0..<steps { ring.append(XY(f.minX, f.maxY - f.height * Double(i) / Double(steps))) }
        // A frame wider than the globe (or past a pole) has no simple outline in lon/lat.
        guard var lonLat = try? canvas.lonLat(ring) else { return nil }
        // Continuous through the window, each vertex beside the one before.
        lonLat = lonLat.map(rewrap.point)
        for i in lonLat.indices.dropFirst() {
            while lonLat[i].x - lonLat[i - 1].x > 180 { lonLat[i].x -= 360 }
            while lonLat[i - 1].x - lonLat[i].x > 180 { lonLat[i].x += 360 }
        }
        guard abs(lonLat.last!.x - lonLat[0].x) < 180 else { return nil }
        return try context.polygon([lonLat + [lonLat[0]]]).validOrRepaired()
    }

    /// Pixels per degree of latitude: what a tolerance in pixels is in degrees.
    var pixelsPerDegree: Double { canvas.scale * 111_320 }

    /// The rings of a valid lon/lat (multi)polygon already in the map's window of longitudes
    /// (`rewrap`), in pixels; rings that collapse to fewer
    /// than three points are left out. Outlines come simplified on shared arcs (see
    /// `SVGMapRenderer`), and are written to 0.1 px: no pixel grid turns a coast into stairs.
    func polygons(_ shape: Geometry) throws -> [[XY]] {
        let inside = try preparedVisible.contains(shape) ? shape : shape.intersection(visible)
        let projected = try inside.polygons().map { try $0.map(canvas.pixels) }
        guard !projected.isEmpty else { return [] }
        var pixels = try context.multiPolygon(projected)
        if let frame { pixels = try pixels.clipped(to: frame.expanded(by: 2)) }
        var rings: [[XY]] = []
        for polygon in try pixels.polygons() {
            let cleaned = polygon.map(Clipper.withoutRepeats)
            // A polygon whose outer ring collapsed has nothing to draw, holes included.
            guard let outer = cleaned.first, outer.count >= 4 else { continue }
            rings += cleaned.filter { $0.count >= 4 }
        }
        return rings
    }

    /// A ring without consecutive repeated points (closed: first point repeated last).
    private static func withoutRepeats(_ ring: [XY]) -> [XY] {
        var out: [XY] = []
        out.reserveCapacity(ring.count)
        for p in ring where out.last != p { out.append(p) }
        return out
    }

    /// Lon/lat lines (none crossing ±180°), in pixels.
    func lines(_ lines: [[XY]]) throws -> [[XY]] {
        guard !lines.isEmpty else { return [] }
        let inside = try context.multiLineString(rewrap.lines(lines)).intersection(visible)
        let projected = try inside.lineStrings().map(canvas.pixels)
        guard let frame, !projected.isEmpty else { return projected }
        return try context.multiLineString(projected).clipped(to: frame).lineStrings()
    }

    /// A lon/lat point in pixels, or nil if the map does not show it.
    func point(_ p: XY) throws -> XY? {
        let p = rewrap.point(p)
        guard try preparedVisible.contains(context.point(p)) else { return nil }
        let pixel = try canvas.pixels([p])[0]
        if let frame, pixel.x < frame.minX || pixel.x > frame.maxX || pixel.y < frame.minY || pixel.y > frame.maxY { return nil }
        return pixel
    }
}

extension Bounds {
    func expanded(by d: Double) -> Bounds {
        Bounds(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }

    func intersects(_ other: Bounds) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: Bounds) -> Bool {
        minX <= other.minX && other.maxX <= maxX && minY <= other.minY && other.maxY <= maxY
    }
}
