import CRsvg
import Foundation

/// PNG and PDF from an SVG, drawn by librsvg through cairo, in memory.
public enum Raster {
    /// The longest side of an image cairo can make, in pixels.
    public static let maximumSide = 32_767

    /// A PNG of the SVG at its own width and height in CSS pixels, times `scale`.
    public static func png(svg: String, scale: Double = 1) throws -> Data {
        guard scale.isFinite, scale > 0 else { throw RasterError("the scale must be a positive number, not \(scale)") }
        let document = try SVGDocument(svg)
        let width = document.width * scale, height = document.height * scale
        // A part of a pixel is a pixel: the edge of the drawing is not cut off.
        let columns = pixels(width), rows = pixels(height)
        guard columns <= maximumSide, rows <= maximumSide else {
            throw RasterError("a PNG of \(columns)×\(rows) pixels is too large: cairo makes at most \(maximumSide) on a side; lower the scale or the width")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows))
        defer { cairo_surface_destroy(surface) }
        try RasterError.check(cairo_surface_status(surface), "cannot make an image of \(columns)×\(rows) pixels")
        try document.draw(on: surface!, width: width, height: height)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure)
        }
        try RasterError.check(status, "cannot write the PNG")
        return sink.data
    }

    /// A one-page PDF of the SVG, its page the SVG's size at 96 CSS pixels per inch
    /// (0.75 pt a pixel), so that it prints at the size a browser shows it.
    public static func pdf(svg: String) throws -> Data {
        let document = try SVGDocument(svg)
        let width = document.width * 0.75, height = document.height * 0.75
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height)
            defer { cairo_surface_destroy(surface) }
            try RasterError.check(cairo_surface_status(surface), "cannot make a PDF page of \(width)×\(height) pt")
            // cairo dates the file now by default; no date makes the same map the same bytes.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
            try document.draw(on: surface!, width: width, height: height)
            // Finishing writes the page and the rest of the file through the sink.
            cairo_surface_finish(surface)
            try RasterError.check(cairo_surface_status(surface), "cannot write the PDF")
        }
        return sink.data
    }

    /// Whole pixels covering `length`, at least one; a hair over a whole number (from the
    /// SVG's decimals) does not add a pixel.
    static func pixels(_ length: Double) -> Int {
        guard length < Double(Int32.max) else { return Int(Int32.max) }
        return max(1, Int((length - 1e-6).rounded(.up)))
    }
}
