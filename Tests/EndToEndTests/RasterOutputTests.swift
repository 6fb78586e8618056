import Foundation
import Testing

/// `missionmap render -o map.png` and `-o map.pdf`: the size the SVG says, read back by
/// poppler, the same bytes from run to run, and the format chosen without surprises.
@Suite(.tags(.endToEnd)) final class RasterOutputTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Renders the map of 2024-02-01 to `name` in the test's folder and returns the file's bytes.
    func render(_ name: String, _ arguments: [String] = []) throws -> Data {
        let run = try CLI.missionmap(["render", "--as-of", "2024-02-01"] + arguments + ["-o", path(name)])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        return try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    /// The width and height the SVG declares on its root element.
    func svgSize(_ arguments: [String] = []) throws -> (width: Double, height: Double) {
        let svg = String(decoding: try render("map-\(UUID().uuidString).svg", arguments), as: UTF8.self)
        let match = try #require(svg.firstMatch(of: /<svg [^>]*?width="([0-9.]+)" height="([0-9.]+)"/))
        return (try #require(Double(match.1)), try #require(Double(match.2)))
    }

    /// The width and height in a PNG's IHDR chunk, nil if the bytes do not start as a PNG does.
    static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func big(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }

    @Test func pngIsTheSVGsSizeTimesTheScale() throws {
        for (arguments, scale) in [([String](), 1.0), (["--scale", "2"], 2), (["--projection", "orthographic", "--width", "600", "--scale", "0.5"], 0.5)] {
            let svg = try svgSize(arguments.prefix(while: { $0 != "--scale" }).map { $0 })
            let png = try #require(Self.pngSize(try render("map.png", arguments)), "\(arguments): not a PNG")
            #expect(png.width == Int((svg.width * scale).rounded(.up)) && png.height == Int((svg.height * scale).rounded(.up)),
                    "\(arguments): SVG \(svg), PNG \(png)")
        }
    }

    @Test func pdfIsTheSVGsSizeInPointsAndPopplerDrawsIt() throws {
        let svg = try svgSize()
        let pdf = try render("map.pdf")
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let info = try CLI.tool("pdfinfo", [path("map.pdf")])
        #expect(info.status == 0 && info.stderr.isEmpty, "\(info.stderr)")
        let page = try #require(info.stdout.firstMatch(of: /Page size: +([0-9.]+) x ([0-9.]+) pts/))
        #expect(abs(Double(page.1)! - svg.width * 0.75) < 0.01 && abs(Double(page.2)! - svg.height * 0.75) < 0.01, "\(page.0)")
        #expect(info.stdout.contains("Pages:           1"))

        let draw = try CLI.tool("pdftoppm", ["-png", "-r", "72", path("map.pdf"), path("page")])
        #expect(draw.status == 0 && draw.stderr.isEmpty, "\(draw.stderr)")
        let png = try #require(Self.pngSize(try Data(contentsOf: URL(fileURLWithPath: path("page-1.png")))))
        #expect(abs(Double(png.width) - svg.width * 0.75) <= 1 && abs(Double(png.height) - svg.height * 0.75) <= 1, "\(png)")
    }

    /// pdftoppm's plain PPM: the title is drawn in dark text on the white ground, top left.
    @Test func pdfCarriesTheTitleAsText() throws {
        _ = try render("map.pdf")
        let draw = try CLI.tool("pdftoppm", ["-r", "72", path("map.pdf"), path("page")])
        #expect(draw.status == 0, "\(draw.stderr)")
        let ppm = try Data(contentsOf: URL(fileURLWithPath: path("page-1.ppm")))
        // "P6\n<width> <height>\n255\n" then RGB triples.
        let header = try #require(String(decoding: ppm.prefix(32), as: UTF8.self).firstMatch(of: /^P6\s+(\d+)\s+(\d+)\s+255\s/))
        let width = Int(header.1)!, start = header.0.utf8.count
        func rgb(_ x: Int, _ y: Int) -> [UInt8] { let i = start + 3 * (y * width + x); return [UInt8](ppm[i..<i + 3]) }
        #expect(rgb(2, 2) == [255, 255, 255], "the background")
        let dark = (0..<25).flatMap { y in (0..<300).map { x in rgb(x, y) } }.filter { $0.allSatisfy { $0 < 100 } }.count
        #expect(dark > 300, "\(dark) dark pixels where the title is")
        let pdffonts = try CLI.tool("pdffonts", [path("map.pdf")])
        #expect(pdffonts.stdout.contains("DejaVuSans"), "text is embedded in a font, not drawn as paths: \(pdffonts.stdout)")
    }

    @Test func theSameMapGivesTheSameBytes() throws {
        #expect(try render("a.png") == render("b.png"))
        #expect(try render("a.pdf") == render("b.pdf"))
        #expect(try render("c.png", ["--scale", "0.5"]) != render("a.png"))
    }

    @Test func formatOptionAndStandardOutput() throws {
        // --format decides for a name with no extension, or with one that names no format.
        #expect(Self.pngSize(try render("map", ["--format", "png"])) != nil)
        #expect(try render("map.out", ["--format", "pdf"]).starts(with: Array("%PDF-".utf8)))
        #expect(try render("map.svg", ["--format", "svg"]).starts(with: Array("<?xml".utf8)))
        let stdout = try CLI.missionmap(["render", "--as-of", "2024-02-01", "--format", "pdf"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("%PDF-") && stdout.stdout.hasSuffix("%%EOF\n"))
    }

    @Test func clashesAndUnknownFormatsAreUsageErrorsThatWriteNothing() throws {
        let cases: [([String], String)] = [
            (["--format", "png", "-o", path("x.pdf")], "-o \(path("x.pdf")) names pdf, but --format says png"),
            (["-o", path("x.jpg")], "this command writes .pdf, .png, .svg, not .jpg"),
            (["--format", "jpg", "-o", path("x")], "'jpg'"),
            (["--scale", "2", "-o", path("x.svg")], "--scale is for PNG output; this map is svg"),
            (["--scale", "2", "--format", "pdf", "-o", path("x")], "--scale is for PNG output; this map is pdf"),
            (["--scale", "0.1", "-o", path("x.png")], "--scale must be from 0.25 to 8"),
            (["--scale", "nan", "-o", path("x.png")], "--scale must be from 0.25 to 8"),
            (["--width", "5000", "--scale", "8", "-o", path("x.png")], "--width times --scale must be at most 32767 pixels"),
        ]
        for (arguments, message) in cases {
            let run = try CLI.missionmap(["render", "--as-of", "2024-02-01"] + arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(message) && run.stderr.contains("Usage: missionmap render"), "\(arguments): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    /// cairo's limit on a side, reached by the height the projection gives: a runtime error,
    /// found after drawing the SVG, and still no file.
    @Test func aPNGTooTallForCairoFailsAndWritesNothing() throws {
        let run = try CLI.missionmap(["render", "--as-of", "2024-02-01", "--projection", "orthographic", "--width", "4000", "--scale", "8", "-o", path("big.png")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("missionmap: error: a PNG of 32000×") && run.stderr.contains("cairo makes at most 32767 on a side"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    /// An older file stays as it was when a new PNG cannot be made.
    @Test func aFailedRunLeavesTheOldFile() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("map.png")))
        let run = try CLI.missionmap(["render", "--as-of", "2024-02-01", "--projection", "orthographic", "--width", "4000", "--scale", "8", "-o", path("map.png")])
        #expect(run.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("map.png"))) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["map.png"])
    }
}
