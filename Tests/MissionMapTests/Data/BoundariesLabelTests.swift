import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct BoundariesLabelTests {
    @Test func aFileIsNamedByItsNameWithNothingUnsafe() {
        #expect(BoundariesLabel.file("/data/world/countries.geojson") == BoundariesLabel(name: "countries.geojson", attribution: "countries.geojson"))
        let hostile = BoundariesLabel.file("/tmp/a\u{1B}[31m\u{202E}b.geojson")
        #expect(hostile.name == "a\\u{1B}[31m\\u{202E}b.geojson" && hostile.attribution == hostile.name && hostile.scale == nil)
    }

    @Test func readBoundariesAreNamedByTheirFileUntilToldOtherwise() throws {
        let text = #"{"type":"FeatureCollection","features":[]}"#
        var boundaries = try Boundaries(data: .init(text.utf8), file: "/x/mine.geojson", session: .init())
        #expect(boundaries.label.name == "mine.geojson")
        boundaries.label = .naturalEarth50m
        #expect(boundaries.label.attribution == "Natural Earth 1:50m (public domain)" && boundaries.label.scale == "1:50m")
    }
}
