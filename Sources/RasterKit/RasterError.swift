import CRsvg

/// A failure of librsvg or cairo, carrying the library's own message.
public struct RasterError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// Throws when cairo reports an error, saying what was being done and cairo's reason.
    static func check(_ status: cairo_status_t, _ doing: String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw RasterError("cairo: \(doing): \(String(cString: cairo_status_to_string(status)))")
    }

    /// Takes (and frees) a GError that librsvg filled in, as a RasterError.
    static func taking(_ error: UnsafeMutablePointer<GError>?, _ doing: String) -> RasterError {
        guard let error else { return RasterError("librsvg: \(doing)") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? "no reason given"
        return RasterError("librsvg: \(doing): \(message)")
    }
}
