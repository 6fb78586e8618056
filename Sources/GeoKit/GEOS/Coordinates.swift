import CGEOS

/// Moving coordinates between Swift arrays and GEOS geometries.
extension GEOSContext {
    public func point(_ p: XY) throws -> Geometry {
        try Geometry(GEOSGeom_createPointFromXY_r(handle, p.x, p.y), "GEOSGeom_createPointFromXY", in: self)
    }

    public func lineString(_ points: [XY]) throws -> Geometry {
        try Geometry(GEOSGeom_createLineString_r(handle, try sequence(points)), "GEOSGeom_createLineString", in: self)
    }

    /// A polygon from its rings: exterior first, then holes. Rings must be closed.
    public func polygon(_ rings: [[XY]]) throws -> Geometry {
        try Geometry(owning: rawPolygon(rings), in: self)
    }

    public func multiPolygon(_ polygons: [[[XY]]]) throws -> Geometry {
        try collection(.multiPolygon, parts: polygons.count) { try rawPolygon(polygons[$0]) }
    }

    public func multiLineString(_ lines: [[XY]]) throws -> Geometry {
        try collection(.multiLineString, parts: lines.count) {
            try check(GEOSGeom_createLineString_r(handle, try sequence(lines[$0])), "GEOSGeom_createLineString")
        }
    }

    /// A collection of copies of the given geometries. The parts must suit the kind (points
    /// in a multi-point, ...): GEOS 3.11 does not check, and a mismatch crashes it later.
    public func collection(_ kind: Geometry.Kind = .geometryCollection, of geometries: [Geometry]) throws -> Geometry {
        let allowed: Set<Geometry.Kind> = switch kind {
        case .multiPoint: [.point]
        case .multiLineString: [.lineString, .linearRing]
        case .multiPolygon: [.polygon]
        case .geometryCollection: Set([Geometry.Kind.point, .lineString, .linearRing, .polygon, .multiPoint, .multiLineString, .multiPolygon, .geometryCollection])
        case .point, .lineString, .linearRing, .polygon: []
        }
        for g in geometries {
            precondition(g.context === self, "a collection of geometries from another GEOS context")
        }
        for g in geometries where !allowed.contains(try g.kind) {
            throw GeoError.geos("a \(kind) cannot hold a \(try g.kind)")
        }
        if allowed.isEmpty { throw GeoError.geos("\(kind) is not a collection") }
        return try collection(kind, parts: geometries.count) {
            try check(GEOSGeom_clone_r(handle, geometries[$0].pointer), "GEOSGeom_clone")
        }
    }

    /// Makes `parts` raw geometries and hands them to a new collection. If making one fails,
    /// those already made are destroyed; once handed over, GEOS owns them even if it fails.
    private func collection(_ kind: Geometry.Kind, parts count: Int, _ make: (Int) throws -> OpaquePointer) throws -> Geometry {
        var parts: [OpaquePointer?] = []
        var handedOver = false
        defer { if !handedOver { for p in parts { GEOSGeom_destroy_r(handle, p) } } }
        for i in 0..<count { parts.append(try make(i)) }
        handedOver = true
        let result = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(handle, kind.rawValue, $0.baseAddress, UInt32($0.count))
        }
        return try Geometry(result, "GEOSGeom_createCollection", in: self)
    }

    /// A raw polygon owned by the caller. Rings made before a failing one are destroyed.
    private func rawPolygon(_ rings: [[XY]]) throws -> OpaquePointer {
        guard !rings.isEmpty else {
            return try check(GEOSGeom_createEmptyPolygon_r(handle), "GEOSGeom_createEmptyPolygon")
        }
        var made: [OpaquePointer?] = []
        var handedOver = false
        defer { if !handedOver { for r in made { GEOSGeom_destroy_r(handle, r) } } }
        for ring in rings {
            // GEOS takes the sequence even when making the ring fails.
            made.append(try check(GEOSGeom_createLinearRing_r(handle, try sequence(ring)), "GEOSGeom_createLinearRing"))
        }
        handedOver = true
        let shell = made.removeFirst()
        let result = made.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, UInt32($0.count))
        }
        return try check(result, "GEOSGeom_createPolygon")
    }

    private func sequence(_ points: [XY]) throws -> OpaquePointer {
        let flat = points.flatMap { [$0.x, $0.y] }
        let result = flat.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(handle, $0.baseAddress, UInt32(points.count), 0, 0)
        }
        return try check(result, "GEOSCoordSeq_copyFromBuffer")
    }

    /// The coordinates of a borrowed point, line or ring.
    func coordinates(of geometry: OpaquePointer) throws -> [XY] {
        let seq = try check(GEOSGeom_getCoordSeq_r(handle, geometry), "GEOSGeom_getCoordSeq")
        var size: UInt32 = 0
        try check(status: GEOSCoordSeq_getSize_r(handle, seq, &size), "GEOSCoordSeq_getSize")
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        if size > 0 {
            try check(status: flat.withUnsafeMutableBufferPointer {
                GEOSCoordSeq_copyToBuffer_r(handle, seq, $0.baseAddress, 0, 0)
            }, "GEOSCoordSeq_copyToBuffer")
        }
        return (0..<Int(size)).map { XY(flat[2 * $0], flat[2 * $0 + 1]) }
    }

    /// Whether a borrowed ring winds counter-clockwise.
    func isCounterClockwise(_ ring: OpaquePointer) throws -> Bool {
        let seq = try check(GEOSGeom_getCoordSeq_r(handle, ring), "GEOSGeom_getCoordSeq")
        var ccw: CChar = 0
        try check(status: GEOSCoordSeq_isCCW_r(handle, seq, &ccw), "GEOSCoordSeq_isCCW")
        return ccw != 0
    }
}

extension Geometry {
    /// The non-empty simple parts (points, lines, polygons) of this geometry, as borrowed pointers.
    private func simpleParts() throws -> [OpaquePointer] {
        switch try kind {
        case .point, .lineString, .linearRing, .polygon:
            return try isEmpty ? [] : [pointer]
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            var result: [OpaquePointer] = []
            for i in 0..<(try partCount) {
                let part = try context.check(GEOSGetGeometryN_r(handle, pointer, Int32(i)), "GEOSGetGeometryN")
                result += try Geometry.borrowedParts(part, context)
            }
            return result
        }
    }

    private static func borrowedParts(_ part: OpaquePointer, _ context: GEOSContext) throws -> [OpaquePointer] {
        let id = GEOSGeomTypeId_r(context.handle, part)
        guard id >= Kind.multiPoint.rawValue else { return GEOSisEmpty_r(context.handle, part) == 0 ? [part] : [] }
        return try (0..<GEOSGetNumGeometries_r(context.handle, part)).flatMap {
            try borrowedParts(try context.check(GEOSGetGeometryN_r(context.handle, part, $0), "GEOSGetGeometryN"), context)
        }
    }

    /// Every polygon as its rings (exterior first). With `rfc7946Winding`, exteriors are
    /// counter-clockwise and holes clockwise, whatever the source's winding (GEOS 3.11 has
    /// no GEOSOrientPolygons, so each ring's winding is read with GEOSCoordSeq_isCCW).
    public func polygons(rfc7946Winding: Bool = false) throws -> [[[XY]]] {
        try simpleParts().filter { GEOSGeomTypeId_r(handle, $0) == Kind.polygon.rawValue }.map { polygon in
            var rings = [try context.check(GEOSGetExteriorRing_r(handle, polygon), "GEOSGetExteriorRing")]
            for i in 0..<GEOSGetNumInteriorRings_r(handle, polygon) {
                rings.append(try context.check(GEOSGetInteriorRingN_r(handle, polygon, i), "GEOSGetInteriorRingN"))
            }
            return try rings.enumerated().map { index, ring in
                let points = try context.coordinates(of: ring)
                guard rfc7946Winding, points.count >= 4 else { return points }
                let wantCounterClockwise = index == 0
                return try context.isCounterClockwise(ring) == wantCounterClockwise ? points : points.reversed()
            }
        }
    }

    /// Every line string (and ring) of this geometry.
    public func lineStrings() throws -> [[XY]] {
        try simpleParts().filter {
            let id = GEOSGeomTypeId_r(handle, $0)
            return id == Kind.lineString.rawValue || id == Kind.linearRing.rawValue
        }.map { try context.coordinates(of: $0) }
    }

    /// Every point of this geometry's point parts.
    public func points() throws -> [XY] {
        try simpleParts().filter { GEOSGeomTypeId_r(handle, $0) == Kind.point.rawValue }.flatMap { try context.coordinates(of: $0) }
    }
}
