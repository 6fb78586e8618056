/// Writes a `TimelineChart` as SVG: valid XML with a `viewBox`, `<title>` and `<desc>`, a
/// class per line (`open`, `cross-accredited`, …, `reference`), a tooltip on every published
/// point and every named change, and every text from the data escaped.
public enum TimelineChartWriter {
    /// The chart of `timeline`, with `published` counts where their scope is drawn.
    public static func svg(_ timeline: Timeline, network: Network, published: [PublishedCount], logName: String,
                           theme: MapTheme = MapTheme()) -> String {
        svg(TimelineChart(timeline: timeline, network: network, published: published, logName: logName), theme: theme)
    }

    /// Line styles: colour and dash, so that the lines differ in grey print too.
    static func style(_ className: String, _ theme: MapTheme) -> (stroke: String, width: Double, dash: String?) {
        switch className {
        case "open": (theme.value("post-open")!, 2.6, nil)
        case "cross-accredited": (theme.value("post-cover")!, 1.5, "7 3")
        case "closed": (theme.value("post-closed")!, 1.5, "2 2.5")
        case "suspended": (theme.value("post-suspended")!, 1.5, "9 3 2 3")
        case "unknown": ("#8a8a8a", 1.5, "1 3")
        default: ("#009e73", 1.1, nil)
        }
    }

    static func svg(_ chart: TimelineChart, theme: MapTheme) -> String {
        typealias C = TimelineChart
        func e(_ s: String) -> String { XMLText.escaped(s) }
        func f(_ v: Double) -> String { fixedDecimal(v, 1) }
        let text = theme.value("text")!, note = theme.value("note")!
        var css = """
        .mm-chart{font-family:\(theme.value("font")!)}
        .mm-chart .background{fill:\(theme.value("background")!)}
        .mm-chart .title{font-size:\(f(C.titleSize))px;font-weight:700;fill:\(text)}
        .mm-chart .subtitle{font-size:\(f(C.subtitleSize))px;fill:\(note)}
        .mm-chart .panel-heading{font-size:\(f(C.legendSize + 1))px;font-weight:700;fill:\(text)}
        .mm-chart .legend-label{font-size:\(f(C.legendSize))px;fill:\(text)}
        .mm-chart .grid line{stroke:#e2e2e2;stroke-width:1}
        .mm-chart .grid line.zero{stroke:#888}
        .mm-chart .tick-label{font-size:\(f(C.labelSize))px;fill:\(note)}
        .mm-chart .tick-year{font-size:\(f(C.labelSize))px;font-weight:700;fill:\(note)}
        .mm-chart .axis-title{font-size:\(f(C.labelSize))px;fill:\(note)}
        .mm-chart .end-label{font-size:\(f(C.labelSize))px;font-weight:700}
        .mm-chart .note,.mm-chart .credit{font-size:\(f(C.noteSize))px;fill:\(note)}
        .mm-chart .series{fill:none;stroke-linejoin:miter;stroke-linecap:butt}
        .mm-chart .annotation text{font-size:\(f(C.labelSize))px;fill:\(text);stroke:\(theme.value("background")!);stroke-width:3px;paint-order:stroke;stroke-linejoin:round}
        .mm-chart .annotation line{stroke:#777;stroke-width:0.8}
        .mm-chart .annotation circle{fill:\(theme.value("post-open")!);stroke:#fff;stroke-width:1}
        .mm-chart .published line{stroke:#000;stroke-width:1.2}
        .mm-chart .published circle{fill:#000;stroke:#fff;stroke-width:1}

        """
        for className in C.Measure.allCases.map(\.rawValue) + ["reference"] {
            let s = style(className, theme)
            css += ".mm-chart .series.\(className){stroke:\(s.stroke);stroke-width:\(f(s.width))\(s.dash.map { ";stroke-dasharray:\($0)" } ?? "")}\n"
        }
        if !theme.extraCSS.isEmpty { css += theme.extraCSS + "\n" }

        let w = chart.width, h = chart.height
        let description = "Step chart. " + chart.title + ": "
            + chart.panels.map { p in
                let last = p.series.points.last
                return (chart.panels.count > 1 ? "\(p.series.query.title): " : "") + (last.map { "\($0.open) open posts on \($0.asOf)" } ?? "no steps")
                    + (p.points.isEmpty ? "" : ", \(p.points.count) published count\(p.points.count == 1 ? "" : "s") shown")
            }.joined(separator: "; ") + ". " + chart.subtitle + ". " + chart.credit + "."
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" class="mm-chart" viewBox="0 0 \(f(w)) \(f(h))" width="\(f(w))" height="\(f(h))" role="img">
        <title>\(e(chart.title))</title>
        <desc>\(e(description))</desc>
        <style>\(e(css))</style>
        <rect class="background" width="\(f(w))" height="\(f(h))"/>
        <text class="title" x="\(f(C.left - 40))" y="30">\(e(chart.title))</text>
        <text class="subtitle" x="\(f(C.left - 40))" y="50">\(e(chart.subtitle))</text>

        """
        out += legend(chart)
        for (index, panel) in chart.panels.enumerated() {
            out += self.panel(panel, chart: chart, last: index == chart.panels.count - 1, theme: theme)
        }
        var y = (chart.panels.last?.plot.maxY ?? 100) + 54
        for line in chart.notes {
            out += "<text class=\"note\" x=\"\(f(C.left - 40))\" y=\"\(f(y))\">\(e(line))</text>\n"
            y += 15
        }
        out += "<text class=\"credit\" x=\"\(f(C.left - 40))\" y=\"\(f(y + 6))\">\(e(chart.credit))</text>\n</svg>\n"
        return out
    }

    /// The legend, in rows under the subtitle: a swatch of each line, then the published points.
    static func legend(_ chart: TimelineChart) -> String {
        func e(_ s: String) -> String { XMLText.escaped(s) }
        func f(_ v: Double) -> String { fixedDecimal(v, 1) }
        var out = "<g id=\"legend\">\n"
        for item in chart.legend {
            let swatch = item.key == "published"
                ? "<g class=\"published\"><line x1=\"13\" y1=\"-6\" x2=\"13\" y2=\"6\"/><line x1=\"10\" y1=\"-6\" x2=\"16\" y2=\"-6\"/><line x1=\"10\" y1=\"6\" x2=\"16\" y2=\"6\"/><circle cx=\"13\" cy=\"0\" r=\"3.5\"/></g>"
                : "<line class=\"series \(item.key)\" x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\"/>"
            out += "<g transform=\"translate(\(f(item.x)) \(f(item.y)))\">\(swatch)<text class=\"legend-label\" x=\"32\" y=\"4\">\(e(item.label))</text></g>\n"
        }
        return out + "</g>\n"
    }

    static func panel(_ p: TimelineChart.Panel, chart: TimelineChart, last: Bool, theme: MapTheme) -> String {
        func e(_ s: String) -> String { XMLText.escaped(s) }
        func f(_ v: Double) -> String { fixedDecimal(v, 1) }
        let id = p.series.country.iso2
        var out = "<g id=\"panel-\(e(id))\" class=\"panel\">\n"
        if !p.heading.isEmpty {
            out += "<text class=\"panel-heading\" x=\"\(f(p.plot.minX))\" y=\"\(f(p.plot.minY - 8))\">\(e(p.heading))</text>\n"
        }
        // Grid and axes: horizontal lines at the count ticks, vertical ones at the time ticks.
        out += "<g class=\"grid\">\n"
        for tick in chart.xTicks {
            out += "<line class=\"time\" x1=\"\(f(tick.x))\" y1=\"\(f(p.plot.minY))\" x2=\"\(f(tick.x))\" y2=\"\(f(p.plot.maxY + 4))\"/>\n"
        }
        for tick in p.yTicks {
            out += "<line class=\"\(tick.value == 0 ? "zero" : "count")\" x1=\"\(f(p.plot.minX - 4))\" y1=\"\(f(tick.y))\" x2=\"\(f(p.plot.maxX))\" y2=\"\(f(tick.y))\"/>"
            out += "<text class=\"tick-label\" x=\"\(f(p.plot.minX - 7))\" y=\"\(f(tick.y + 4))\" text-anchor=\"end\" data-value=\"\(tick.value)\">\(tick.value)</text>\n"
        }
        if last {
            for tick in chart.xTicks {
                out += "<text class=\"tick-label\" x=\"\(f(tick.x))\" y=\"\(f(p.plot.maxY + 17))\" text-anchor=\"middle\" data-day=\"\(tick.tick.day)\">\(e(tick.tick.label))</text>\n"
                if let year = tick.tick.year {
                    out += "<text class=\"tick-year\" x=\"\(f(tick.x))\" y=\"\(f(p.plot.maxY + 31))\" text-anchor=\"middle\">\(e(year))</text>\n"
                }
            }
        }
        let middle = (p.plot.minY + p.plot.maxY) / 2
        out += "<text class=\"axis-title\" transform=\"translate(\(f(p.plot.minX - 38)) \(f(middle))) rotate(-90)\" text-anchor=\"middle\">Posts (counted)</text>\n"
        out += "</g>\n"

        // Lines: the lighter ones first, so that open posts lie on top.
        out += "<g class=\"lines\">\n"
        for line in (p.lines.dropFirst() + (p.reference.map { [$0] } ?? []) + p.lines.prefix(1)) {
            out += "<path class=\"series \(line.className)\" d=\"\(line.path)\" data-values=\"\(line.values.map(String.init).joined(separator: " "))\"/>\n"
        }
        out += "</g>\n"
        // The value at the end of each line, to its right, pushed apart where they meet.
        // Lines ending at zero but the open one go without: the axis says zero.
        var ends = p.lines.filter { $0.className == "open" || $0.values.last != 0 }
            .map { line in (line.className, line.values.last ?? 0, yFor(line.values.last ?? 0, p)) }
        ends.sort { $0.2 < $1.2 }
        // Downwards 12 px apart at least, then up as a block if the last would leave the plot.
        var placed: [Double] = []
        for end in ends { placed.append(max(end.2, (placed.last ?? -.infinity) + 12)) }
        let overflow = max(0, (placed.last ?? 0) - p.plot.maxY)
        out += "<g class=\"end-labels\">\n"
        for ((className, value, _), y) in zip(ends, placed.map { $0 - overflow }) {
            out += "<text class=\"end-label\" x=\"\(f(p.plot.maxX + 5))\" y=\"\(f(y + 4))\" fill=\"\(style(className, theme).stroke)\">\(value)</text>\n"
        }
        out += "</g>\n"

        if !p.points.isEmpty {
            out += "<g class=\"published\">\n"
            for point in p.points {
                let r = point.reconciliation, c = r.count
                let tip = "\(c.date): published \(c.figure) ±\(c.tolerance) (\(describe(c.scope))); the log gives \(r.tool)"
                    + (r.unknown > 0 ? " (+\(r.unknown) unknown)" : "") + ", \(r.verdict). Source: \(c.source)" + (c.note.isEmpty ? "" : ". \(c.note)")
                out += "<g class=\"published-count\" data-date=\"\(c.date)\" data-figure=\"\(c.figure)\" data-tolerance=\"\(c.tolerance)\" data-log=\"\(r.tool)\"><title>\(e(tip))</title>"
                if c.tolerance > 0 {
                    out += "<line x1=\"\(f(point.x))\" y1=\"\(f(point.high))\" x2=\"\(f(point.x))\" y2=\"\(f(point.low))\"/>"
                    out += "<line x1=\"\(f(point.x - 3))\" y1=\"\(f(point.high))\" x2=\"\(f(point.x + 3))\" y2=\"\(f(point.high))\"/>"
                    out += "<line x1=\"\(f(point.x - 3))\" y1=\"\(f(point.low))\" x2=\"\(f(point.x + 3))\" y2=\"\(f(point.low))\"/>"
                }
                out += "<circle cx=\"\(f(point.x))\" cy=\"\(f(point.y))\" r=\"3.5\"/></g>\n"
            }
            out += "</g>\n"
        }

        out += "<g class=\"annotations\">\n"
        for a in p.annotations {
            let pl = a.placement
            let dates = a.changes.map { $0.day.description }.joined(separator: " ")
            let delta = a.changes.map(\.delta).reduce(0, +)
            out += "<g class=\"annotation\" data-dates=\"\(dates)\" data-delta=\"\(delta)\"><title>\(e(a.changes.map(\.detail).joined(separator: "\n")))</title>"
            for anchor in a.anchors {
                let joinX = min(max(anchor.x, pl.box.minX + 2), pl.box.maxX - 2)
                out += "<line x1=\"\(f(anchor.x))\" y1=\"\(f(anchor.y))\" x2=\"\(f(a.anchors.count == 1 ? pl.joinX : joinX))\" y2=\"\(f(pl.joinY))\"/>"
            }
            for anchor in a.anchors {
                out += "<circle cx=\"\(f(anchor.x))\" cy=\"\(f(anchor.y))\" r=\"2.6\"/>"
            }
            out += "<text x=\"\(f(pl.x))\" y=\"\(f(pl.y))\" text-anchor=\"\(pl.anchor.rawValue)\">\(e(a.text))</text></g>\n"
        }
        out += "</g>\n</g>\n"
        return out
    }

    static func describe(_ scope: PublishedCount.Scope) -> String {
        TimelineChart.describe(scope)
    }

    /// The y of a value in a panel, from its ticks (0 at the bottom, the last tick at the top).
    static func yFor(_ value: Int, _ p: TimelineChart.Panel) -> Double {
        guard let top = p.yTicks.last, top.value > 0 else { return p.plot.maxY }
        return p.plot.maxY - Double(value) / Double(top.value) * (p.plot.maxY - p.plot.minY)
    }
}
