import CRsvg

/// An SVG parsed by librsvg, owning its handle.
final class SVGDocument {
    private let handle: UnsafeMutablePointer<RsvgHandle>
    /// The document's own width and height in CSS pixels (96 per inch).
    let width: Double
    let height: Double

    init(_ svg: String) throws {
        var bytes = Array(svg.utf8)
        var error: UnsafeMutablePointer<GError>?
        // No base URI: librsvg then loads no file the SVG refers to.
        guard let handle = rsvg_handle_new_from_data(&bytes, gsize(bytes.count), &error) else {
            throw RasterError.taking(error, "cannot read the SVG")
        }
        if let error { g_error_free(error) }
        // CSS's 96 px per inch, so that lengths in mm or pt come out as a browser draws them.
        rsvg_handle_set_dpi(handle, 96)
        var width = 0.0, height = 0.0
        let sized = rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0
        guard sized, width.isFinite, height.isFinite, width > 0, height > 0 else {
            g_object_unref(UnsafeMutableRawPointer(handle))
            throw RasterError(sized ? "the SVG's size is \(width)×\(height) px: nothing to draw"
                : "the SVG has no width and height in absolute units, so its size is not known")
        }
        self.handle = handle
        self.width = width
        self.height = height
    }

    /// Draws the whole document onto `surface`, scaled to fill `width`×`height` in the
    /// surface's units from its top-left corner.
    func draw(on surface: OpaquePointer, width: Double, height: Double) throws {
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        try RasterError.check(cairo_status(context), "cannot draw on the surface")
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            throw RasterError.taking(error, "cannot draw the SVG")
        }
        if let error { g_error_free(error) }
        try RasterError.check(cairo_status(context), "cannot draw the SVG")
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }
}
