import CGEOS

/// Reading and writing geometries as WKT, WKB and GeoJSON.
extension GEOSContext {
    /// Parses Well-Known Text.
    public func geometry(wkt: String) throws -> Geometry {
        let reader = try check(GEOSWKTReader_create_r(handle), "GEOSWKTReader_create")
        defer { GEOSWKTReader_destroy_r(handle, reader) }
        return try Geometry(GEOSWKTReader_read_r(handle, reader, wkt), "WKT", in: self)
    }

    /// Parses Well-Known Binary.
    public func geometry(wkb: [UInt8]) throws -> Geometry {
        let reader = try check(GEOSWKBReader_create_r(handle), "GEOSWKBReader_create")
        defer { GEOSWKBReader_destroy_r(handle, reader) }
        let result = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(handle, reader, $0.baseAddress, $0.count) }
        return try Geometry(result, "WKB", in: self)
    }

    /// Parses a GeoJSON geometry, Feature or FeatureCollection (the latter as a collection
    /// whose parts are the features' geometries, in order).
    ///
    /// Untrusted text must be checked first: GEOS 3.11 dereferences past the end of an empty
    /// position (`[]` where a coordinate pair belongs) and crashes (`Boundaries` does this check).
    public func geometry(geoJSON: String) throws -> Geometry {
        let reader = try check(GEOSGeoJSONReader_create_r(handle), "GEOSGeoJSONReader_create")
        defer { GEOSGeoJSONReader_destroy_r(handle, reader) }
        return try Geometry(GEOSGeoJSONReader_readGeometry_r(handle, reader, geoJSON), "GeoJSON", in: self)
    }
}

extension Geometry {
    /// Well-Known Text, with trailing zeros trimmed.
    public func wkt(precision: Int? = nil) throws -> String {
        let writer = try context.check(GEOSWKTWriter_create_r(handle), "GEOSWKTWriter_create")
        defer { GEOSWKTWriter_destroy_r(handle, writer) }
        GEOSWKTWriter_setTrim_r(handle, writer, 1)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(handle, writer, Int32(precision)) }
        return try context.string(GEOSWKTWriter_write_r(handle, writer, pointer), "WKT")
    }

    /// Well-Known Binary (little-endian, 2D).
    public func wkb() throws -> [UInt8] {
        let writer = try context.check(GEOSWKBWriter_create_r(handle), "GEOSWKBWriter_create")
        defer { GEOSWKBWriter_destroy_r(handle, writer) }
        var size = 0
        let bytes = try context.check(GEOSWKBWriter_write_r(handle, writer, pointer, &size), "WKB")
        defer { GEOSFree_r(handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
