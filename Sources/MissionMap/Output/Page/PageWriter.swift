import Foundation
import GeoKit

/// Writes the interactive page: one self-contained HTML file (map, date slider, figures,
/// regional table and changes with their sources) that runs from `file://` without network.
/// The HTML as written shows the last date, so that it reads without scripts too; the data of
/// every step is embedded as JSON, which the script (`PageScript`) only looks up.
public enum PageWriter {
    /// The figures shown, as `data-figure` names, in the order of `PageWriter.figures(_:)`.
    static let figureNames = ["open", "cross-accredited", "closed", "suspended", "unknown"]

    /// The page of a request: its one sender, or its host, from the first event of the
    /// selection up to its date; the map drawn by `renderer`, regional land, people and
    /// distance figures with `geography` (a sender's only, as in `Summary`).
    public static func html(_ request: Request, renderer: SVGMapRenderer, session: GeoSession, geography: Geography?) throws -> String {
        let query: Snapshot.Query, mapTitle: String
        switch request.selection {
        case .sender(let sender): (query, mapTitle) = (.sender(sender), "Diplomatic posts of \(sender.name)")
        case .host(let host, let city): (query, mapTitle) = (.host(host, city: city), "Foreign posts in \(city.map { "\($0), " } ?? "")\(host.name)")
        case .senders, .all: throw SelectionError("a page shows one sender's network, or the posts in one host")
        }
        let data = try PageData(network: request.network, query: query, asOf: request.asOf, geography: geography)
        var renderer = renderer
        renderer.dataSource = request.logName
        // The legend lists every status of the period, not only the last date's.
        let posts = Set(data.posts.flatMap { $0.intervals.compactMap { PostStatus(rawValue: $0.value) } })
        let hosts = Set(data.countries.flatMap { $0.intervals.compactMap { HostStatus(rawValue: $0.value) } })
        renderer.legendStatuses = (posts, hosts)
        renderer.labelledAsOpen = Set(data.posts.filter { $0.intervals.contains { $0.value == PostStatus.open.rawValue } }.map(\.id))
        // The map of the last date, with every accreditation of the period drawn (each shown in its time).
        let last = request.network.snapshot(query, asOf: request.asOf)
        let model = try renderer.model(last, gazetteer: request.network.gazetteer, boundaries: request.requiredBoundaries(),
                                       session: session, links: data.links.map { ($0.from, $0.to) })
        return html(data, map: model, theme: renderer.theme, heading: mapTitle, network: request.network, logName: request.logName)
    }

    /// The page of `data` with `map` (the map of its last date).
    static func html(_ data: PageData, map: MapModel, theme: MapTheme, heading: String, network: Network, logName: String) -> String {
        let lastStep = data.steps.count - 1
        let step = data.steps[lastStep]
        var svg = SVGMapWriter.svg(pageMap(map, heading: heading, data: data), theme: theme, pageMarkup: true)
        let isHost = data.query.isHost
        var hostOption = ""
        if case .host(let host, let city) = data.query { hostOption = " --host \(host.iso2)" + (city.map { " --city \($0)" } ?? "") }        // Inline in HTML, the XML declaration would be a stray comment.
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg.removeSubrange(...end) }
        let e = XMLText.escaped
        let figures = zip(figureNames, PageWriter.figures(step.summary)).map { name, value in
            "<div class=\"pg-figure pg-\(name)\"><span class=\"pg-number\" data-figure=\"\(name)\">\(value)</span> <span class=\"pg-what\">\(e(figureLabel(name)))</span></div>"
        }.joined(separator: "\n")
        let rows = tableRows(step.summary).map { row in
            "<tr><th scope=\"row\">\(e(row.name))</th>" + row.cells.map { "<td>\(e($0.text))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let notes = step.summary.notes.map { "<li>\(e($0))</li>" }.joined()
        let changes = step.changes.map { changeItem(change($0, network: network, bySender: data.query.isHost)) }.joined(separator: "\n")
        let previous = lastStep >= 2 ? data.steps[lastStep - 1].day : nil
        let changesHeading = changesTitle(day: step.day, previous: previous, count: step.changes.count)
        let columns = ["Region", "Open", "Cross-accredited", "Closed", "Suspended", "Unknown", "Countries covered",
                       "Land covered", "People covered", "Mean distance to nearest open post (km)"]
        let hasGeography = step.summary.world.areaShareCovered != nil
        let shownColumns = hasGeography ? columns : Array(columns.prefix(7))
        return """
        <!DOCTYPE html>
        <html lang="en" class="no-js">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <title>\(e(heading)), \(data.first) to \(data.last)</title>
        <style>\(PageStyle.css)</style>
        </head>
        <body>
        <header class="pg-header">
        <h1>\(e(heading))</h1>
        <p>From the first event of the selection (\(data.first)) to \(data.last), at every day with an event. Data: \(e(logName)). Move the slider, press Play, or put <code>#date=YYYY-MM-DD</code> at the end of the address.</p>
        </header>
        <noscript><p class="pg-notice">Scripts are off: the page shows its last date, \(data.last), and does not move.</p></noscript>
        <section class="pg-controls" id="pg-controls" aria-label="Date" hidden>
        <button type="button" id="pg-previous" aria-label="Previous event">&#9664; Previous</button>
        <button type="button" id="pg-play" aria-pressed="false">Play</button>
        <button type="button" id="pg-next" aria-label="Next event">Next &#9654;</button>
        <label class="pg-slider-label" for="pg-slider">Event</label>
        <input type="range" id="pg-slider" min="0" max="\(max(0, lastStep - 1))" step="1" value="\(max(0, lastStep - 1))" aria-valuetext="\(data.last)">
        <label for="pg-date">Go to</label>
        <input type="date" id="pg-date" min="\(data.first)" max="\(data.last)" value="\(data.last)">
        </section>
        <p class="pg-date">As of <time id="pg-day" datetime="\(data.last)">\(data.last)</time><span id="pg-where"></span></p>
        <section class="pg-figures" aria-label="Posts on this date" aria-live="polite">
        \(figures)
        </section>
        <figure class="pg-map">
        \(svg)</figure>
        <section class="pg-table">
        <h2>By UN region of the \(isHost ? "sender" : "host")</h2>
        <table>
        <thead><tr>\(shownColumns.map { "<th scope=\"col\">\(e($0))</th>" }.joined())</tr></thead>
        <tbody id="pg-rows">
        \(rows)
        </tbody>
        </table>
        <p class="pg-small">The same figures as <code>missionmap summary\(hostOption) --as-of DATE</code>\(hasGeography || isHost ? "" : "; land, people and distance figures are left out of this page")\(isHost ? "; a host's summary has no land, people or distance figures, and its map no city markers (the countries show each sender's post on the date)" : ""). Countries covered: hosts with a resident post or covered from another country, of the region's countries.</p>
        <ul class="pg-notes" id="pg-notes">\(notes)</ul>
        </section>
        <section class="pg-changes">
        <h2 id="pg-changes-heading">\(e(changesHeading))</h2>
        <ul id="pg-changes">
        \(changes)
        </ul>
        </section>
        <footer class="pg-small">Made with missionmap from \(e(logName)). Statuses are worked out by missionmap for every event day and embedded below; this page only looks them up.</footer>
        <script type="application/json" id="pg-data">\(json(data, network: network, heading: heading))</script>
        <script>\(PageScript.javaScript)</script>
        </body>
        </html>

        """
    }

    /// The map for the page: its header reduced to a title line that the script dates, and
    /// the legend's counts (those of the last date) left out: the figures above give them.
    /// City labels of posts not open on the last date, and arcs of accreditations not then in
    /// force, are hidden until the script shows them.
    static func pageMap(_ map: MapModel, heading: String, data: PageData) -> MapModel {
        let last = data.last
        var map = map
        // A host's map has a marker per city, standing for several posts whose statuses differ
        // by date: the page leaves markers and labels out, and the countries tell the story.
        if data.query.isHost {
            map.markers = []
            map.labels = []
        }
        let inForce = Set(data.links.filter { PageData.value(on: last, in: $0.intervals) == "on" }.map(\.key))
        for (l, layer) in map.layers.enumerated() where layer.id == "accreditations" {
            for (i, arc) in layer.shapes.enumerated() where !inForce.contains(arc.link ?? "") {
                map.layers[l].shapes[i].classes = "accreditation pg-off"
            }
        }
        map.labels = map.labels.map { label in
            var label = label
            if label.classes == "label open", let post = label.post, data.status(ofPost: post, on: last) != PostStatus.open.rawValue {
                label.classes = "label pg-off"
            }
            return label
        }
        if let first = map.header.first {
            map.header = [MapModel.Text(text: "\(heading), \(last)", at: first.at, classes: "title", id: "pg-map-title")]
        }
        map.legend.texts = map.legend.texts.map { text in
            var text = text
            if text.classes == "legend-label", let range = text.text.range(of: #" \(\d+\)$"#, options: .regularExpression) {
                text.text.removeSubrange(range)
            }
            if text.classes == "legend-note", text.text.hasPrefix("As of \(last).") { text.id = "pg-map-as-of" }
            return text
        }
        return map
    }

    /// The five figures of a summary, in the order of `figureNames`.
    static func figures(_ summary: Summary) -> [Int] {
        let t = summary.totals
        return [t.open, t.crossAccredited, t.closed, t.suspended, t.unknown]
    }

    static func figureLabel(_ name: String) -> String {
        switch name {
        case "open": "open"
        case "cross-accredited": "covered from elsewhere"
        case "closed": "closed"
        case "suspended": "suspended"
        default: "unknown (no record yet)"
        }
    }

    /// A cell of the table: its text, and its JSON (a number, or the text).
    struct Cell {
        let text: String
        let json: String
    }

    /// The regional rows and the world's, as the page shows them.
    static func tableRows(_ summary: Summary) -> [(name: String, cells: [Cell])] {
        (summary.regions + [summary.world]).map { r in
            var cells = [r.open, r.crossAccredited, r.closed, r.suspended, r.unknown].map { Cell(text: String($0), json: String($0)) }
            let covered = "\(r.countriesCovered) of \(r.countries)"
            cells.append(Cell(text: covered, json: JSONText.string(covered)))
            if summary.world.areaShareCovered != nil {
                let percent = { (v: Double?) in v.map { oneDecimal($0 * 100) + "%" } ?? "–" }
                for text in [percent(r.areaShareCovered), percent(r.populationShareCovered), r.meanDistanceKmToOpenPost.map(oneDecimal) ?? "–"] {
                    cells.append(Cell(text: text, json: JSONText.string(text)))
                }
            }
            return (r.region, cells)
        }
    }

    /// A figure to one decimal, the zero kept, so that a column's numbers line up.
    static func oneDecimal(_ value: Double) -> String {
        let text = fixedDecimal(value, 1)
        return text.contains(".") ? text : text + ".0"
    }

    /// An event as the page lists it.
    struct Change {
        let date: String, place: String, what: String, href: String?, source: String
    }

    static func change(_ entry: Changes.Entry, network: Network, bySender: Bool = false) -> Change {
        let post = entry.post, event = entry.event
        var place = post.city.isEmpty ? post.host.name : "\(post.city), \(post.host.name)"
        // Seen from a host, every post is in it: whose post it is tells them apart.
        if bySender { place = "\(post.sender.name)'s post in \(post.city.isEmpty ? post.host.capital : post.city)" }
        var what = "\(event.kind.rawValue) (\(PostMarker.label(post.type).lowercased()), \(post.id))"
        if let from = event.accreditedFrom {
            let city = network.posts.first { $0.id == from }?.city
            what += " from \(city.map { "\($0) (\(from))" } ?? from)"
        }
        if !post.counted { what += ", not in the official count" }
        let href = safeLink(event.source)
        let source = href.flatMap { URL(string: $0)?.host } ?? event.source
        return Change(date: event.date.description, place: place, what: what, href: href, source: source)
    }

    /// The source as a link if it is one http(s) URL, else nil: nothing else becomes an href.
    static func safeLink(_ source: String) -> String? {
        let text = source.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.properties.isBidiControl }),
              let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        return text
    }

    static func changeItem(_ c: Change) -> String {
        let e = XMLText.escaped
        let source = c.href.map { "<a href=\"\(e($0))\" rel=\"noopener noreferrer\">\(e(c.source))</a>" } ?? e(c.source)
        return "<li><time>\(e(c.date))</time> <strong>\(e(c.place))</strong>: \(e(c.what)). Source: \(source)</li>"
    }

    /// The heading of the changes of a step; the script builds the same words.
    static func changesTitle(day: Day?, previous: Day?, count: Int) -> String {
        guard let day else { return "Before the first event" }
        let since = previous.map { "since \($0)" } ?? "since the start of the log"
        return count == 0 ? "No event after \(previous.map(\.description) ?? "the start") up to \(day)" : "Changes up to \(day), \(since)"
    }

    /// The data of every step, for the script: JSON, with `<` escaped so that no text can end
    /// the script element.
    static func json(_ data: PageData, network: Network, heading: String) -> String {
        let s = JSONText.string as (String) -> String
        func day(_ d: Day?) -> String { d.map { s($0.description) } ?? "null" }
        func intervals(_ list: [PageData.Interval]) -> String {
            "[" + list.map { "[\(day($0.from)),\(day($0.to)),\(s($0.value))]" }.joined(separator: ",") + "]"
        }
        var noteTexts: [String] = []
        var stepNotes: [[Int]] = []
        for step in data.steps {
            stepNotes.append(step.summary.notes.map { note in
                if let i = noteTexts.firstIndex(of: note) { return i }
                noteTexts.append(note)
                return noteTexts.count - 1
            })
        }
        let postsByID = Dictionary(network.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let posts = data.posts.map { id, list -> String in
            let tip = postsByID[id].map { "\($0.city), \($0.host.name): \(PostMarker.label($0.type).lowercased())" } ?? id
            return "\(s(id)):{\"tip\":\(s(tip)),\"i\":\(intervals(list))}"
        }
        let countries = data.countries.map { iso, list in
            "\(s(iso)):{\"name\":\(s(network.gazetteer.country(code: iso)?.name ?? iso)),\"i\":\(intervals(list))}"
        }
        let hostLabels = HostStatus.allCases.map { "\(s($0.rawValue)):\(s(SVGMapRenderer.hostLabel($0)))" }
        let rows = data.steps.map { step in
            "[" + tableRows(step.summary).map { "[" + $0.cells.map(\.json).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        }
        let changes = data.steps.map { step in
            "[" + step.changes.map { entry in
                let c = change(entry, network: network, bySender: data.query.isHost)
                return "[\(s(c.date)),\(s(c.place)),\(s(c.what)),\(c.href.map(s) ?? "null"),\(s(c.source))]"
            }.joined(separator: ",") + "]"
        }
        let fields: [(String, String)] = [
            ("title", s(heading)),
            ("first", s(data.first.description)),
            ("last", s(data.last.description)),
            ("days", "[" + data.steps.map { day($0.day) }.joined(separator: ",") + "]"),
            ("figureNames", "[" + figureNames.map(s).joined(separator: ",") + "]"),
            ("figures", "[" + data.steps.map { "[" + figures($0.summary).map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"),
            ("regions", "[" + (data.steps[0].summary.regions.map(\.region) + ["World"]).map(s).joined(separator: ",") + "]"),
            ("rows", "[" + rows.joined(separator: ",\n") + "]"),
            ("notes", "[" + noteTexts.map(s).joined(separator: ",") + "]"),
            ("stepNotes", "[" + stepNotes.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"),
            ("changes", "[" + changes.joined(separator: ",\n") + "]"),
            ("statuses", "[" + PostStatus.allCases.map { s($0.rawValue) }.joined(separator: ",") + "]"),
            ("hostLabels", "{" + hostLabels.joined(separator: ",") + "}"),
            ("posts", "{" + posts.joined(separator: ",\n") + "}"),
            ("countries", "{" + countries.joined(separator: ",\n") + "}"),
            ("links", "{" + data.links.map { "\(s($0.key)):\(intervals($0.intervals))" }.joined(separator: ",\n") + "}"),
        ]
        let text = "{" + fields.map { "\(s($0.0)):\($0.1)" }.joined(separator: ",\n") + "}"
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
