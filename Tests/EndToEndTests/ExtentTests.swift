import Foundation
import Testing

/// `render --extent` and `render --countries`: views that are not a UN region, checked by
/// xmllint and rsvg-convert, their legends counting what lies in the view.
@Suite(.tags(.endToEnd)) final class ExtentTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    func render(_ arguments: [String]) throws -> String {
        try CLI.renderChecked(arguments, in: dir)
    }

    @Test func nordicBox() throws {
        let svg = try render(["--extent", "4,54,32,72"])
        #expect(svg.contains("Diplomatic posts of North Korea in 4°E–32°E, 54°N–72°N, 2024-02-01"))
        #expect(svg.contains("Projection: centred on 63°N 18°E, Lambert azimuthal equal-area"))
        // Stockholm's embassy is the one open post whose host has its capital in the box;
        // Minsk's (53.9°N, just south of the box) is drawn for context but not counted.
        #expect(svg.contains("Minsk, Belarus: embassy, open"))
        #expect(svg.contains(">Open (1)<") && svg.contains(">Resident post (1)<"))
        #expect(svg.contains("class=\"country host-resident\" data-iso=\"SE\""))
    }

    @Test func countriesAndTheKoreanPeninsula() throws {
        let svg = try render(["--countries", "Sweden,NO,Denmark"])
        #expect(svg.contains("Diplomatic posts of North Korea in Sweden, Norway, Denmark, 2024-02-01"))
        #expect(svg.contains(">Resident post (1)<") && svg.contains(">Covered from elsewhere (2)<"))
        let korea = try render(["--host", "KP", "--extent", "124,33,131,43.5"])
        #expect(korea.contains("Foreign posts in North Korea from 124°E–131°E, 33°N–43.5°N"))
        #expect(korea.contains("centred on 38.3°N 127.5°E"))
        // Across the antimeridian: drawn, centred on 180°.
        let wrap = try render(["--extent", "170,-50,-170,-30"])
        #expect(wrap.contains("centred on 40°S 180°") || wrap.contains("centred on 40°S 180°E"), "\(wrap.prefix(900))")
    }

    @Test(arguments: [
        (["--extent", "4,54,32,72", "--region", "Europe"], "give one of --region, --extent and --countries"),
        (["--extent", "4,54,32,72", "--countries", "NO"], "give --extent or --countries, not both"),
        (["--extent", "4,54,32"], "--extent takes four numbers"),
        (["--extent", "4,72,32,54"], "south (72.0) must be below north (54.0)"),
        (["--extent", "4,54,200,72"], "west and east must be from -180 to 180"),
        (["--extent", "10,54,10,72"], "west and east must differ"),
        (["--countries", "NO", "--projection", "robinson"], "choose their own equal-area projection"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try CLI.missionmap(["render"] + arguments + ["-o", dir.appendingPathComponent("x.svg").path])
        #expect(run.status == 64 && run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
    }

    @Test func unknownCountryIsAnErrorWithAHint() throws {
        let run = try CLI.missionmap(["render", "--countries", "NO,Swedn"])
        #expect(run.status == 1 && run.stderr.contains("--countries: unknown country 'Swedn'; did you mean Sweden (SE)?"), "\(run.stderr)")
    }
}
