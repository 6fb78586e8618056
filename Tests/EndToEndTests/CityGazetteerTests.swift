import Foundation
import Testing

/// `validate` on a user's consulate network: cities found in GeoNames' table by name alone,
/// and a hand-typed point with a dropped minus stopped, with the hint.
@Suite(.tags(.endToEnd)) struct CityGazetteerTests {
    static let header = "post_id,date,event,sender,host,city,type,lat,lon,source\n"

    func validate(_ rows: String, _ extra: [String] = []) throws -> (CLI.Result, String) {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let file = dir.appendingPathComponent("network.csv").path
        try Data((Self.header + rows).utf8).write(to: URL(fileURLWithPath: file))
        return (try CLI.missionmap(["validate", file] + extra), file)
    }

    @Test func citiesBeyondTheCapitalsAreFoundByName() throws {
        let (run, file) = try validate("""
            IS-CA-WPG,2020-01-01,opened,IS,CA,Winnipeg,consulate-general,,,https://example.org/a
            IS-AU-SYD,2020-01-01,opened,IS,AU,sydney,consulate-general,,,https://example.org/b
            IS-DE-MUC,2020-01-01,opened,IS,DE,München,consulate,,,https://example.org/c

            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(file): ok: 3 events, 3 posts (0 not counted), senders IS, 0 warnings\n")
        // And where: Winnipeg's GeoNames point, not Ottawa's, in the export.
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let log = dir.appendingPathComponent("network.csv").path
        try Data((Self.header + "IS-CA-WPG,2020-01-01,opened,IS,CA,Winnipeg,consulate-general,,,https://example.org/a\n").utf8).write(to: URL(fileURLWithPath: log))
        let export = try CLI.missionmap(["export", "--missions", log, "--as-of", "2021-01-01"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("[-97.14704,49.8844]") || export.stdout.contains("[-97.147,49.8844]"), "\(export.stdout.prefix(600))")
    }

    @Test func aDroppedMinusIsAnErrorWithTheHint() throws {
        let (run, file) = try validate("IS-CA-WPG,2020-01-01,opened,IS,CA,Winnipeg,consulate-general,49.9,97.1,https://example.org/a\n")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("\(file):2: error: Winnipeg (post IS-CA-WPG) at lat,lon 49.9,97.1 is ") == true, "\(run.stderr)")
        #expect(lines.first?.hasSuffix("km outside Canada (CA) and 8,900 km from the gazetteer's Winnipeg, more than the 25 km allowed for coasts; with lon -97.1 it would be inside: a dropped minus?") == true, "\(run.stderr)")
        // The same point corrected passes.
        let (fixed, _) = try validate("IS-CA-WPG,2020-01-01,opened,IS,CA,Winnipeg,consulate-general,49.9,-97.1,https://example.org/a\n")
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    @Test func anAmbiguousCityListsTheCandidates() throws {
        let (run, file) = try validate("IS-US-X,2020-01-01,opened,IS,US,Springfield,consulate,,,https://example.org/a\n")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(file):2: error: city 'Springfield' in US is ambiguous: 8 cities match, Springfield (170,188 people, at 37.2153,-93.2982); "), "\(run.stderr)")
    }

    @Test func validateTakesTheUsersBoundaries() throws {
        // Boundaries without Canada: the typed point cannot be checked, so it passes.
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let geojson = dir.appendingPathComponent("is.geojson").path
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso2":"IS","pop_est":1},"geometry":{"type":"Polygon","coordinates":[[[-25,63],[-13,63],[-13,67],[-25,67],[-25,63]]]}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: geojson))
        let (run, _) = try validate("IS-CA-WPG,2020-01-01,opened,NO,CA,Winnipeg,consulate-general,49.9,97.1,https://example.org/a\n", ["--boundaries", geojson])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
