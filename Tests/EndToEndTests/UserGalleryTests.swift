import Foundation
import Testing

/// `gallery --missions FILE`: the README's set for a user's log (a made-up Iceland), checked
/// by xmllint, rsvg-convert, ogrinfo and the numbers in its summaries.
@Suite(.tags(.endToEnd)) struct UserGalleryTests {
    static let iceland = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/iceland.csv").path

    @Test func defaultDatesAreTheLargestNetworkAndTheLastEvent() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let run = try CLI.missionmap(["gallery", "--missions", Self.iceland, "-o", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        // Twelve posts from 2000 (the most), Moscow's embassy suspended on 2023-08-01 (the last event).
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["changes-2000-01-01-to-2023-08-01.md", "posts-2000-01-01.geojson", "posts-2023-08-01.geojson",
                          "summary-2000-01-01.json", "summary-2000-01-01.txt", "summary-2023-08-01.json", "summary-2023-08-01.txt",
                          "timeline-2000-01-01-to-2023-08-01.svg", "world-2000-01-01.svg", "world-2023-08-01.svg"])
        for svg in names where svg.hasSuffix(".svg") {
            let path = dir.appendingPathComponent(svg).path
            let lint = try CLI.tool("xmllint", ["--noout", path])
            #expect(lint.status == 0 && lint.stderr.isEmpty, "\(svg): \(lint.stderr)")
            #expect(try CLI.tool("rsvg-convert", ["-o", path + ".png", path]).status == 0, "\(svg)")
        }
        let world = try String(contentsOfFile: dir.appendingPathComponent("world-2023-08-01.svg").path, encoding: .utf8)
        #expect(world.contains("Diplomatic posts of Iceland, 2023-08-01") && world.contains("Data: iceland.csv"))
        let summary = try String(contentsOfFile: dir.appendingPathComponent("summary-2023-08-01.txt").path, encoding: .utf8)
        #expect(summary.hasPrefix("Iceland (IS): posts abroad as of 2023-08-01\nopen 11, cross-accredited 1, closed 0, suspended 1\n"), "\(summary)")
        let info = try CLI.tool("ogrinfo", ["-ro", "-al", "-so", dir.appendingPathComponent("posts-2000-01-01.geojson").path])
        #expect(info.status == 0 && info.stdout.contains("Feature Count: 12"), "\(info.stdout)\(info.stderr)")
        let changes = try String(contentsOfFile: dir.appendingPathComponent("changes-2000-01-01-to-2023-08-01.md").path, encoding: .utf8)
        #expect(changes.contains("| 2023-08-01 | IS-RU-MOSCOW | RU | Russia | Moscow | suspended |"))
    }

    @Test func datesGivenAndErrors() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let run = try CLI.missionmap(["gallery", "--missions", Self.iceland, "--sender", "Iceland", "--as-of", "2020-01-01", "-o", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            == ["posts-2020-01-01.geojson", "summary-2020-01-01.json", "summary-2020-01-01.txt", "world-2020-01-01.svg"])
        let other = try CLI.missionmap(["gallery", "--missions", Self.iceland, "--sender", "KP", "-o", dir.path])
        #expect(other.status == 1 && other.stderr.contains("North Korea (KP) has no posts in iceland.csv"), "\(other.stderr)")
        let bad = try CLI.missionmap(["gallery", "--as-of", "2024-13-01", "-o", dir.path])
        #expect(bad.status == 64, "\(bad.stderr)")
    }
}
