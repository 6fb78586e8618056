import Foundation
import Testing
@testable import RasterKit

@Suite(.tags(.unit)) struct RasterTests {
    /// 10×20 px, the top half red, the bottom half left transparent.
    static let halfRed = ##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><rect width="10" height="10" fill="#f00"/></svg>"##

    /// The width and height in a PNG's IHDR chunk (big-endian, after the signature and the chunk's length and type).
    static func ihdr(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == Array("IHDR".utf8)[...] else { return nil }
        func big(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }

    @Test func pngHasTheSVGsSizeAndWhatItDraws() throws {
        let png = try Raster.png(svg: Self.halfRed)
        #expect(Self.ihdr(png)! == (10, 20))
        let image = try #require(DecodedPNG(png))
        #expect(image[x: 5, y: 5] == (255, 0, 0, 255))
        #expect(image[x: 5, y: 15].a == 0, "outside the rectangle stays transparent")
    }

    @Test func scaleMultipliesThePixels() throws {
        let png = try Raster.png(svg: Self.halfRed, scale: 2)
        #expect(Self.ihdr(png)! == (20, 40))
        let image = try #require(DecodedPNG(png))
        #expect(image[x: 19, y: 19] == (255, 0, 0, 255))
        #expect(image[x: 10, y: 20].a == 0)
        #expect(Self.ihdr(try Raster.png(svg: Self.halfRed, scale: 0.25))! == (3, 5), "2.5 px is 3 pixels: the edge is not cut off")
    }

    @Test func aFractionalSizeIsRoundedUpOnlyPastAWholePixel() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10.5" height="20.0000001"/>"#
        #expect(Self.ihdr(try Raster.png(svg: svg))! == (11, 20))
    }

    @Test func absoluteUnitsAreCSSPixels() throws {
        // 1 in = 96 px, whatever librsvg's default resolution.
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="1in" height="0.5in"/>"#
        #expect(Self.ihdr(try Raster.png(svg: svg))! == (96, 48))
    }

    @Test func textIsDrawn() throws {
        // Needs a font (fonts-dejavu-core on a bare machine): without one, pango draws nothing legible.
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="100%" height="100%" fill="#fff"/><text x="4" y="30" font-family="sans-serif" font-size="28">MMMM</text></svg>"##
        let image = try #require(DecodedPNG(try Raster.png(svg: svg)))
        #expect(image.darkPixels > 200, "\(image.darkPixels) dark pixels")
    }

    @Test func pdfPageIsTheSVGsSizeInPoints() throws {
        let pdf = try Raster.pdf(svg: Self.halfRed)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/MediaBox [ 0 0 7.5 15 ]"), "10×20 px at 0.75 pt a pixel")
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test func sameSVGGivesTheSameBytes() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="20">Pyongyang</text></svg>"#
        #expect(try Raster.png(svg: svg) == Raster.png(svg: svg))
        let pdf = try Raster.pdf(svg: svg)
        Thread.sleep(forTimeInterval: 1.1)  // a date to the second would now differ
        #expect(try Raster.pdf(svg: svg) == pdf)
        #expect(!String(decoding: pdf, as: UTF8.self).contains("/CreationDate"))
    }

    @Test func drawingOnSeveralThreadsGivesTheSameBytes() async throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="20">Hanoi</text></svg>"#
        let expected = try Raster.png(svg: svg)
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for i in 0..<8 { group.addTask { i.isMultiple(of: 2) ? try Raster.png(svg: svg) : try Raster.pdf(svg: svg) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 == expected }.count == 4)
    }

    @Test func badSVGIsAnErrorCarryingLibrsvgsMessage() throws {
        #expect { try Raster.png(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"") } throws: { error in
            let text = (error as? RasterError)?.description ?? ""
            return text.hasPrefix("librsvg: cannot read the SVG: ") && text.count > "librsvg: cannot read the SVG: ".count
        }
        #expect(throws: RasterError.self) { try Raster.pdf(svg: "not XML at all") }
    }

    @Test func anSVGWithoutASizeIsRefused() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>"#
        #expect(throws: RasterError("the SVG has no width and height in absolute units, so its size is not known")) { try Raster.png(svg: svg) }
        let empty = #"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="10"/>"#
        #expect(throws: RasterError("the SVG's size is 0.0×10.0 px: nothing to draw")) { try Raster.pdf(svg: empty) }
    }

    @Test func tooLargeOrBadScalesAreRefusedBeforeDrawing() throws {
        #expect { try Raster.png(svg: Self.halfRed, scale: 2000) } throws: { error in
            (error as? RasterError)?.description.contains("10×20") == false && "\(error)".contains("20000×40000 pixels is too large")
        }
        #expect(throws: RasterError.self) { try Raster.png(svg: Self.halfRed, scale: 0) }
        #expect(throws: RasterError.self) { try Raster.png(svg: Self.halfRed, scale: .nan) }
    }
}
