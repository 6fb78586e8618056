import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `render --host KP` on the bundled data: the map of the foreign posts in North Korea before
/// COVID-19, after the exodus and after the first returns, read back as XML and set against
/// `summary --host KP` of the same date.
@Suite(.tags(.endToEnd)) final class HostMapTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { CLI.remove(dir) }

    /// What a map says: its countries' classes and tooltips by code, its texts by class, and
    /// its markers' tooltips.
    final class MapReading: NSObject, XMLParserDelegate {
        var countries: [String: (classes: String, title: String)] = [:]
        var texts: [String: [String]] = [:]
        var markerTitles: [String] = []
        private var open: [(name: String, classes: String, iso: String?)] = []
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append((name, attributes["class"] ?? "", attributes["data-iso"]))
            buffer = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let element = open.removeLast()
            if name == "text" { texts[element.classes, default: []].append(buffer) }
            if name == "title", let owner = open.last {
                if let iso = owner.iso { countries[iso] = (owner.classes, buffer) }
                if owner.classes.hasPrefix("post ") { markerTitles.append(buffer) }
            }
        }
    }

    /// Renders, checks the file with xmllint and rsvg-convert, and reads it.
    func render(_ arguments: [String]) throws -> MapReading {
        let file = dir.appendingPathComponent("m-\(UUID().uuidString).svg").path
        let run = try CLI.missionmap(["render", "--host", "KP"] + arguments + ["-o", file])
        #expect(run.status == 0, "\(run.stderr)")
        let lint = try CLI.tool("xmllint", ["--noout", file])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        let draw = try CLI.tool("rsvg-convert", ["-o", file + ".png", file])
        #expect(draw.status == 0 && draw.stderr.isEmpty, "\(draw.stderr)")
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: file)))
        let reading = MapReading()
        parser.delegate = reading
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        return reading
    }

    func summary(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.missionmap(["summary", "--host", "KP", "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The number in a legend row, "Suspended (18)" -> 18, for the row starting with `label`.
    func count(_ label: String, in map: MapReading) -> Int? {
        guard let row = map.texts["legend-label"]?.first(where: { $0.hasPrefix(label + " (") }) else { return nil }
        return Int(row.dropFirst(label.count + 2).dropLast())
    }

    func countries(_ status: String, in map: MapReading) -> Int {
        map.countries.values.filter { $0.classes == "country host-\(status)" }.count
    }

    /// The header states the open embassies, and the countries and legend agree with the
    /// summary: its resident senders are the countries filled as open, and its totals are the
    /// header's. 24 embassies at the end of 2019 and 15 at the end of 2024 are the published
    /// in-host counts of Geo/checks/published-counts.csv.
    @Test(arguments: [("2019-12-31", 24), ("2021-10-31", 9), ("2024-12-31", 15)])
    func theMapAgreesWithTheSummary(date: String, embassies: Int) throws {
        let map = try render(["--as-of", date])
        let json = try summary(["--as-of", date])
        let totals = try #require(json["totals"] as? [String: Any])
        let openEmbassies = try #require((totals["by_type"] as? [String: Int])?["embassy"])
        #expect(openEmbassies == embassies)
        #expect(map.texts["title"] == ["Foreign posts in North Korea, \(date)"])
        let headline = try #require(map.texts["subtitle"]?.first)
        #expect(headline.hasPrefix("\(openEmbassies) embassies open; all posts: \(totals["open"] as! Int) open"), "\(headline)")
        for status in ["suspended", "closed"] {
            let n = totals[status] as! Int
            #expect(n == 0 ? !headline.contains(status) : headline.contains("\(n) \(status)"), "\(headline)")
        }
        let regions = try #require(json["regions"] as? [[String: Any]])
        let resident = regions.map { $0["countries_resident"] as! Int }.reduce(0, +)
        #expect(countries("resident", in: map) == resident)
        let openRow = count("Embassy open", in: map) ?? count("Embassy or other post open", in: map)
        #expect(openRow == resident)
        for (status, label) in [("suspended", "Suspended"), ("closed", "Closed"), ("unknown", "Unknown: no record yet")] {
            #expect((count(label, in: map) ?? 0) == countries(status, in: map), "\(label)")
        }
        #expect(countries("host", in: map) == 1 && map.countries["KP"]?.classes == "country host-host")
        #expect(map.texts["legend-label"]?.contains("North Korea (host)") == true)
    }

    @Test func theExodusAndTheReturnShowInTheCountries() throws {
        let before = try render(["--as-of", "2019-12-31"]), exodus = try render(["--as-of", "2021-10-31"]), back = try render(["--as-of", "2024-12-31"])
        #expect(before.countries["SE"]?.classes == "country host-resident")
        #expect(exodus.countries["SE"]?.classes == "country host-suspended")
        #expect(back.countries["SE"]?.classes == "country host-resident")
        #expect(back.countries["SE"]?.title == "Sweden: embassy in Pyongyang, open (opened 1975, suspended 2020-08, resumed 2024-09-13)")
        #expect(back.countries["GB"]?.title.hasPrefix("United Kingdom: embassy in Pyongyang, suspended") == true)
        #expect(back.countries["ES"]?.classes == "country host-none" && back.countries["ES"]?.title == "Spain: no post in North Korea")
        #expect(count("Suspended", in: exodus) == 18)
    }

    /// One marker per city, each listing its posts; `--city` keeps that city's posts only.
    @Test func citiesHaveOneMarkerListingTheirPosts() throws {
        let map = try render(["--as-of", "2024-12-31"])
        #expect(map.markerTitles.count == 2)
        let chongjin = try #require(map.markerTitles.first { $0.hasPrefix("Chongjin, North Korea: 2 posts (2 open)\n") })
        #expect(chongjin.contains("China: consulate general, open") && chongjin.contains("Russia: consulate general, open"))
        let pyongyang = try #require(map.markerTitles.first { $0.hasPrefix("Pyongyang, North Korea:") })
        #expect(pyongyang.contains("\nSweden: embassy, open (opened 1975, suspended 2020-08, resumed 2024-09-13) [SE-KP-PYONGYANG]"))
        #expect(Set(map.texts["label open"] ?? []) == ["Pyongyang", "Chongjin"])

        let city = try render(["--city", "Chongjin", "--as-of", "2024-12-31"])
        #expect(city.texts["title"] == ["Foreign posts in Chongjin, North Korea, 2024-12-31"])
        #expect(city.markerTitles.count == 1 && city.markerTitles[0].hasPrefix("Chongjin"))
        #expect(city.texts["subtitle"] == ["Posts: 2 open"])
        let json = try summary(["--city", "Chongjin", "--as-of", "2024-12-31"])
        #expect((json["totals"] as? [String: Any])?["open"] as? Int == 2)
        #expect(Set(city.countries.filter { $0.value.classes == "country host-resident" }.keys) == ["CN", "RU"])
        #expect(city.countries["SE"]?.title == "Sweden: no post in Chongjin, North Korea")
    }

    @Test func aHostOutsideTheLogIsAnErrorWithAHint() throws {
        let file = dir.appendingPathComponent("absent.svg").path
        let run = try CLI.missionmap(["render", "--host", "Nort Korea", "-o", file])
        #expect(run.status == 1 && run.stderr.contains("did you mean North Korea (KP)?"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        let all = try CLI.missionmap(["render", "--sender", "all", "-o", file])
        #expect(all.status == 1 && all.stderr == "missionmap: error: --sender all is for export, summary, timeline and changes\n")
    }
}
