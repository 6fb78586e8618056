/// Writes a map model as SVG: valid XML with `viewBox`, `<title>` and `<desc>`, one `<g>`
/// per layer, a class per status so that a stylesheet can restyle it, a tooltip on every
/// marker and country, and every text escaped. Positions are written to 0.1 px.
/// `pageMarkup` adds what the interactive page's script looks up (`data-post` on markers and
/// labels, `data-link` on arcs, text ids); without it the bytes are those of `render`.
enum SVGMapWriter {
    static func svg(_ map: MapModel, theme: MapTheme, pageMarkup: Bool = false) -> String {
        let w = fixedDecimal(map.width, 1), h = fixedDecimal(map.height, 1)
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" class="mm-map" viewBox="0 0 \(w) \(h)" width="\(w)" height="\(h)" role="img" aria-labelledby="map-title map-desc">
        <title id="map-title">\(XMLText.escaped(map.title))</title>
        <desc id="map-desc">\(XMLText.escaped(map.description))</desc>
        <style>\(XMLText.escaped(theme.css(scale: map.scale, side: map.side) + (theme.extraCSS.isEmpty ? "" : "\n" + theme.extraCSS)))</style>
        \(MapTheme.defs(scale: map.scale))
        <rect class="background" width="100%" height="100%"/>

        """
        let text = { (t: MapModel.Text) in SVGMapWriter.text(t, pageMarkup: pageMarkup) }
        let marker = { (m: MapModel.Marker) in SVGMapWriter.marker(m, pageMarkup: pageMarkup) }
        svg += "<g id=\"header\">" + map.header.map(text).joined() + "</g>\n"
        for layer in map.layers {
            svg += "<g id=\"\(layer.id)\">\n"
            for shape in layer.shapes {
                var iso = shape.iso.map { " data-iso=\"\(XMLText.escaped($0))\"" } ?? ""
                if pageMarkup, let link = shape.link { iso += " data-link=\"\(XMLText.escaped(link))\"" }
                let d = MapCanvas.pathData(pixels: shape.parts, closed: shape.closed)
                let title = shape.title.map { "<title>\(XMLText.escaped($0))</title>" } ?? ""
                svg += "<path class=\"\(shape.classes)\"\(iso) d=\"\(d)\">\(title)</path>\n"
            }
            svg += "</g>\n"
        }
        svg += "<g id=\"posts\">\n" + map.markers.map { marker($0) + "\n" }.joined() + "</g>\n"
        svg += "<g id=\"labels\">\n" + map.labels.map { text($0) + "\n" }.joined() + "</g>\n"
        svg += "<g id=\"legend\">\n"
        for patch in map.legend.patches {
            svg += "<rect class=\"\(patch.classes)\" x=\"\(fixedDecimal(patch.at.x, 1))\" y=\"\(fixedDecimal(patch.at.y, 1))\" width=\"\(fixedDecimal(patch.width, 1))\" height=\"\(fixedDecimal(patch.height, 1))\"/>\n"
        }
        svg += map.legend.markers.map { marker($0) + "\n" }.joined()
        svg += map.legend.texts.map { text($0) + "\n" }.joined()
        return svg + "</g>\n</svg>\n"
    }

    static func marker(_ m: MapModel.Marker, pageMarkup: Bool = false) -> String {
        let post = pageMarkup ? m.post.map { " data-post=\"\(XMLText.escaped($0))\"" } ?? "" : ""
        return PostMarker.element(type: m.type, x: m.at.x, y: m.at.y, size: m.size, classes: m.classes, title: m.title, attributes: post)
    }

    static func text(_ t: MapModel.Text, pageMarkup: Bool = false) -> String {
        var anchor = t.anchor == .start ? "" : " text-anchor=\"\(t.anchor.rawValue)\""
        if pageMarkup {
            if let post = t.post { anchor += " data-post=\"\(XMLText.escaped(post))\"" }
            if let id = t.id { anchor += " id=\"\(XMLText.escaped(id))\"" }
        }
        return "<text class=\"\(t.classes)\" x=\"\(fixedDecimal(t.at.x, 1))\" y=\"\(fixedDecimal(t.at.y, 1))\"\(anchor)>\(XMLText.escaped(t.text))</text>"
    }
}
