import CRsvg
import Foundation

/// A PNG read back into pixels through cairo's PNG reader (libpng), to check what was drawn.
struct DecodedPNG {
    let width: Int
    let height: Int
    /// Premultiplied ARGB, one UInt32 a pixel, row by row (alpha 255 where the PNG has none).
    private let pixels: [UInt32]

    init?(_ png: Data) {
        final class Source { var bytes: Data; var offset = 0; init(_ bytes: Data) { self.bytes = bytes } }
        let source = Source(png)
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream({ closure, buffer, length in
                let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
                guard source.offset + Int(length) <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                source.bytes.copyBytes(to: buffer!, from: source.offset..<source.offset + Int(length))
                source.offset += Int(length)
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(source).toOpaque())
        }
        defer { cairo_surface_destroy(surface) }
        // cairo writes an image with no transparent pixel as RGB, and reads that back as RGB24.
        let format = cairo_image_surface_get_format(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else { return nil }
        let opaque: UInt32 = format == CAIRO_FORMAT_RGB24 ? 0xff00_0000 : 0
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels: [UInt32] = []
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            pixels.append(contentsOf: UnsafeBufferPointer(start: row, count: width).map { $0 | opaque })
        }
        self.pixels = pixels
    }

    /// The pixel at column x, row y as (red, green, blue, alpha), premultiplied.
    subscript(x x: Int, y y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let p = pixels[y * width + x]
        return (UInt8(p >> 16 & 0xff), UInt8(p >> 8 & 0xff), UInt8(p & 0xff), UInt8(p >> 24))
    }

    /// How many pixels are darker than mid-grey and opaque.
    var darkPixels: Int {
        (0..<height).reduce(0) { count, y in
            count + (0..<width).filter { x in let p = self[x: x, y: y]; return p.a == 255 && Int(p.r) + Int(p.g) + Int(p.b) < 3 * 128 }.count
        }
    }
}
