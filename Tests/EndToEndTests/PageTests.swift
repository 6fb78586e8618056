import Foundation
import Testing

/// `missionmap page`: the page loaded in real headless Chromium at several dates shows the
/// figures `summary --as-of` gives for them, and colours the map as `export` says; the file
/// is self-contained.
@Suite(.tags(.endToEnd)) final class PageTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    static let chromium = "/usr/bin/chromium"
    /// Chromium runs wherever it is installed, and must in CI (scripts/install-system-packages installs it).
    static let canLoad = FileManager.default.isExecutableFile(atPath: chromium) || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Writes the page of the bundled log (up to today unless `arguments` say otherwise) and returns its path.
    func page(_ arguments: [String] = []) throws -> String {
        let path = dir.appendingPathComponent("page.html").path
        let run = try CLI.missionmap(["page"] + arguments + ["-o", path])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        return path
    }

    /// The DOM after the page's script has run, opened at `#date=day`.
    func dom(_ path: String, date: String) throws -> String {
        // Chromium prints noise on stderr (no GPU, no D-Bus): only the DOM and the status count.
        let run = try CLI.run(URL(fileURLWithPath: Self.chromium),
                              ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(path)#date=\(date)"])
        #expect(run.status == 0)
        return run.stdout
    }

    /// The five figures a DOM shows, by `data-figure` name.
    func figures(_ dom: String) -> [String: Int] {
        var found: [String: Int] = [:]
        for match in dom.matches(of: /data-figure="([a-z-]+)">([0-9]+)</) { found[String(match.1)] = Int(match.2) }
        return found
    }

    /// `summary --as-of day --format json`'s totals (with `arguments`), by the page's figure names.
    func summary(_ day: String, _ arguments: [String] = []) throws -> [String: Int] {
        let run = try CLI.missionmap(["summary", "--as-of", day, "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        let keys = ["open": "open", "cross-accredited": "cross_accredited", "closed": "closed", "suspended": "suspended", "unknown": "unknown"]
        return try keys.mapValues { try #require(totals[$0] as? Int) }
    }

    /// What `export --countries` says of a country's and a post's status on a day.
    func exported(_ day: String, country: String, post: String) throws -> (country: String, post: String) {
        let run = try CLI.missionmap(["export", "--as-of", day, "--countries"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let properties = try #require(json["features"] as? [[String: Any]]).compactMap { $0["properties"] as? [String: Any] }
        let c = try #require(properties.first { $0["kind"] as? String == "country" && $0["iso2"] as? String == country }?["host_status"] as? String)
        let p = try #require(properties.first { $0["kind"] as? String == "post" && $0["id"] as? String == post }?["status"] as? String)
        return (c, p)
    }

    @Test(.enabled(if: PageTests.canLoad, "chromium is not installed (scripts/install-system-packages installs it; in CI it must run)"))
    func chromiumShowsTheSummarysFiguresAndTheExportsStatuses() throws {
        let path = try page()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let first = try #require(html.firstMatch(of: /type="date" id="pg-date" min="([0-9-]+)" max="([0-9-]+)"/))
        let (firstEvent, last) = (String(first.1), String(first.2))
        #expect(firstEvent > "1949-06-01", "the date meant to lie before the first event (\(firstEvent)) does not")
        let dates = ["2023-10-01", "2024-02-01", "1949-06-01", "2021-10-31", last]
        var doms: [String: String] = [:]
        for date in dates {
            let dom = try dom(path, date: date)
            doms[date] = dom
            #expect(dom.contains("<time id=\"pg-day\" datetime=\"\(date)\">\(date)</time>"), "\(date): the page shows another date")
            let shown = figures(dom), expected = try summary(date)
            #expect(shown.count == 5 && shown == expected, "\(date): page \(shown), summary \(expected)")
        }
        // The kinds of date meant: before the first event, and between two events.
        #expect(doms["1949-06-01"]!.contains("before the first event, \(firstEvent)"))
        #expect(doms["2021-10-31"]!.contains("(last change 2021-"))
        #expect(figures(doms["2023-10-01"]!) != figures(doms["2024-02-01"]!), "the two dates should differ")

        // Spain: its embassy open in October 2023, covered from Rome by February 2024.
        var countryStatuses: [String] = []
        for date in ["2023-10-01", "2024-02-01"] {
            let dom = doms[date]!
            let status = try exported(date, country: "ES", post: "KP-ES-MADRID")
            countryStatuses.append(status.country)
            let country = try #require(dom.firstMatch(of: /<path class="country host-([a-z-]+)" data-iso="ES"/))
            let marker = try #require(dom.firstMatch(of: /class="post ([a-z-]+) embassy" data-post="KP-ES-MADRID"/))
            #expect(String(country.1) == status.country && String(marker.1) == status.post, "\(date): page \(country.1), \(marker.1); export \(status)")
        }
        #expect(countryStatuses[0] != countryStatuses[1], "Spain's status should change between the two dates: \(countryStatuses)")
        // Before the first event, no post is drawn open.
        #expect(!doms["1949-06-01"]!.contains(#"class="post open "#))
    }

    @Test func thePageIsSelfContainedAndEscaped() throws {
        let path = try page(["--as-of", "2024-02-01"])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 2_000_000, "\(size) bytes")
        // Nothing is fetched: no src, no stylesheet link, and every http(s) reference is either
        // the SVG namespace or a source link of the changes (in the HTML or the embedded data).
        #expect(html.firstMatch(of: /(?i)<(script|img|iframe|link)[^>]*\s(src|href)=/) == nil)
        #expect(html.firstMatch(of: /(?i)url\(\s*['"]?https?:/) == nil)
        let log = try String(contentsOfFile: CLI.repo.appendingPathComponent("Geo/missions.csv").path, encoding: .utf8)
        for match in html.matches(of: /https?:\/\/[^"<>\s\\]+/) {
            let url = String(match.0)
            #expect(url == "http://www.w3.org/2000/svg" || log.contains(url.replacingOccurrences(of: "&amp;", with: "&")), "\(url)")
        }
        // The embedded data parses, and holds a step for the page's date.
        let json = try #require(html.firstMatch(of: /<script type="application\/json" id="pg-data">([^<]*)<\/script>/))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.1.utf8)) as? [String: Any])
        #expect(data["last"] as? String == "2024-02-01" && (data["days"] as? [Any])?.count ?? 0 > 100)
        // Without scripts the page is the last date's: its figures are the summary's.
        let noScript = figures(html), expected = try summary("2024-02-01")
        #expect(noScript == expected, "static \(noScript), summary \(expected)")
        #expect(html.contains("<noscript>"))
    }

    @Test func theOutputMustBeHTML() throws {
        let svg = try CLI.missionmap(["page", "-o", dir.appendingPathComponent("page.svg").path])
        #expect(svg.status != 0 && svg.stderr.contains("page writes one HTML file (.html), not .svg"), "\(svg.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("page.svg").path))
    }

    @Test(.enabled(if: PageTests.canLoad, "chromium is not installed (scripts/install-system-packages installs it; in CI it must run)"))
    func aHostsPageShowsTheHostsSummary() throws {
        let path = try page(["--host", "KP"])
        var shown: [[String: Int]] = []
        // Before the exodus from Pyongyang, after it, and after the first returns.
        for date in ["2019-06-01", "2021-10-31", "2024-12-31"] {
            let dom = try dom(path, date: date)
            let figures = figures(dom), expected = try summary(date, ["--host", "KP"])
            #expect(figures.count == 5 && figures == expected, "\(date): page \(figures), summary --host KP \(expected)")
            shown.append(figures)
        }
        #expect(shown[0] != shown[1] && shown[1] != shown[2], "the three dates should differ: \(shown)")
    }
}
