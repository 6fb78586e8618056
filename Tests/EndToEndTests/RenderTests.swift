import Foundation
import Testing

/// `missionmap render` in every projection and centre, checked by xmllint and rsvg-convert,
/// and for the artefacts a missing antimeridian cut leaves: paths that jump across the map.
@Suite(.tags(.endToEnd)) final class RenderTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    func render(_ arguments: [String]) throws -> String {
        try CLI.renderChecked(arguments, in: dir)
    }

    /// The points of every subpath of an SVG path's data (M, l, implicit line-tos, z).
    static func subpaths(_ d: String) -> [[(Double, Double)]] {
        var result: [[(Double, Double)]] = []
        let scanner = Scanner(string: d)
        scanner.charactersToBeSkipped = CharacterSet(charactersIn: " ,")
        var relative = false
        while !scanner.isAtEnd {
            if let command = scanner.scanCharacter(), "MlLz".contains(command) || command.isNumber || command == "-" || command == "." {
                switch command {
                case "M": relative = false; result.append([])
                case "l": relative = true
                case "L": relative = false
                case "z": if let first = result.last?.first { result[result.count - 1].append(first) }; continue
                default: scanner.currentIndex = d.index(before: scanner.currentIndex)
                }
                guard let x = scanner.scanDouble(), let y = scanner.scanDouble() else { continue }
                let last = result[result.count - 1].last
                result[result.count - 1].append(relative && last != nil ? (last!.0 + x, last!.1 + y) : (x, y))
            }
        }
        return result
    }

    /// The longest segment of any country outline, as a share of the map's width. On region
    /// maps, edges along the frame (where a country is cut by the map's border) do not count.
    static func longestCountrySegment(_ svg: String, mapWidth: Double, frameClipped: Bool = false) throws -> Double {
        let pattern = try NSRegularExpression(pattern: #"<path class="country [^"]*" data-iso="[^"]*" d="([^"]*)""#)
        let ns = svg as NSString
        var frame: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
        if let sphere = try NSRegularExpression(pattern: #"<path class="sphere" d="([^"]*)""#)
            .firstMatch(in: svg, range: NSRange(location: 0, length: ns.length)) {
            let points = subpaths(ns.substring(with: sphere.range(at: 1))).flatMap { $0 }
            frame = (points.map(\.0).min()!, points.map(\.1).min()!, points.map(\.0).max()!, points.map(\.1).max()!)
        }
        // On a region map, the frame's edges; on a world map, the lines of the poles (a
        // straight line in these projections: Antarctica's edge along it is one segment).
        func onFrame(_ p: (Double, Double)) -> Bool {
            guard let f = frame else { return false }
            let poles = abs(p.1 - f.minY) < 2.5 || abs(p.1 - f.maxY) < 2.5
            return frameClipped ? poles || abs(p.0 - f.minX) < 2.5 || abs(p.0 - f.maxX) < 2.5 : poles
        }
        var longest = 0.0
        for match in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            for path in subpaths(ns.substring(with: match.range(at: 1))) {
                for (a, b) in zip(path, path.dropFirst()) where !(onFrame(a) && onFrame(b)) {
                    longest = max(longest, ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot())
                }
            }
        }
        return longest / mapWidth
    }

    @Test func theDetectorSeesAJump() throws {
        // A path drawn across the map, as an uncut Fiji would be.
        let svg = #"<path class="country host-none" data-iso="FJ" d="M10,10l1100,0 0,5z"/>"#
        #expect(try Self.longestCountrySegment(svg, mapWidth: 1168) > 0.5)
        #expect(Self.subpaths("M1,2l3,4-1-1z").first!.map { [$0.0, $0.1] } == [[1, 2], [4, 6], [3, 5], [1, 2]])
    }

    @Test(arguments: ["equal-earth", "robinson", "natural-earth", "mercator", "orthographic"])
    func everyProjectionRendersCleanly(projection: String) throws {
        for center in ["0", "150", "-150"] {
            let svg = try render(["--projection", projection, "--center-lon", center])
            let jump = try Self.longestCountrySegment(svg, mapWidth: 1168)
            #expect(jump < 0.5, "\(projection) at \(center): a country segment spans \(jump) of the map")
            #expect(svg.contains("<g id=\"labels\">") && svg.contains("class=\"label open\""))
        }
    }

    @Test(arguments: ["Africa", "Europe", "Oceania", "South-Eastern Asia"])
    func regionMapsFitTheirRegion(region: String) throws {
        let svg = try render(["--region", region])
        #expect(svg.contains("in \(region), 2024-02-01"))
        #expect(svg.contains("Lambert azimuthal equal-area"))
        #expect(try Self.longestCountrySegment(svg, mapWidth: 1168, frameClipped: true) < 0.5)
    }

    /// The share of country outline segments that run exactly along x or y: a coast snapped
    /// to a pixel grid is a staircase of them (84% on the 1 px grid maps of before).
    static func axisAlignedShare(_ svg: String) throws -> Double {
        let pattern = try NSRegularExpression(pattern: #"<path class="country [^"]*" data-iso="[^"]*" d="([^"]*)""#)
        let ns = svg as NSString
        var segments = 0, aligned = 0
        for match in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            for path in subpaths(ns.substring(with: match.range(at: 1))) {
                for (a, b) in zip(path, path.dropFirst()) where a != b {
                    segments += 1
                    if abs(a.0 - b.0) < 1e-9 || abs(a.1 - b.1) < 1e-9 { aligned += 1 }
                }
            }
        }
        return Double(aligned) / Double(max(1, segments))
    }

    @Test func coastsAreNoStaircase() throws {
        for args in [[String](), ["--center-lon", "150"], ["--region", "Europe"], ["--width", "2400"]] {
            let share = try Self.axisAlignedShare(try render(args))
            #expect(share < 0.25, "\(args): \(Int(share * 100))% of outline segments run along x or y")
        }
        #expect(try Self.axisAlignedShare(#"<path class="country host-none" data-iso="XX" d="M0,0l1,0 0,1 1,0 1,1z"/>"#) > 0.5)
    }

    @Test func worldMapIsUnder400KB() throws {
        let svg = try render([])
        #expect(svg.utf8.count < 400_000, "\(svg.utf8.count) bytes")
        #expect(svg.utf8.count > 100_000, "and still carries the countries")
    }

    @Test func orthographicShowsOnlyTheNearSide() throws {
        let svg = try render(["--projection", "orthographic"])
        // Centred on Pyongyang: Brazil and Peru are on the far side.
        #expect(svg.contains("data-iso=\"CN\"") && !svg.contains("data-iso=\"BR\"") && !svg.contains("Lima, Peru"))
    }

    @Test func badRenderOptionsAreRefused() throws {
        #expect(try CLI.missionmap(["render", "--projection", "gnomonic"]).status == 64)
        #expect(try CLI.missionmap(["render", "--center-lon", "200"]).status == 64)
        #expect(try CLI.missionmap(["render", "--region", "Europe", "--projection", "mercator"]).status == 64)
        let region = try CLI.missionmap(["render", "--region", "Narnia"])
        #expect(region.status == 1 && region.stderr.contains("unknown region 'Narnia'"))
    }
}
