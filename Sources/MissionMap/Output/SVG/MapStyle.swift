/// The stylesheet embedded in every map: one class per host status, post status and post
/// type, so that a user stylesheet can restyle the map without touching its geometry.
/// Colours follow the Okabe–Ito colour-blind-safe set; shape (markers) and pattern
/// (closed hosts) carry the meaning in greyscale too.
enum MapStyle {
    static let css = """
    svg{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:#222}
    .background{fill:#fff}
    .sphere{fill:#eaf1f6;stroke:#8fa5b8;stroke-width:.8}
    .graticule{fill:none;stroke:#c9d6e2;stroke-width:.4}
    .country{stroke:#fff;stroke-width:.35;stroke-linejoin:round}
    .host-none{fill:#e3e0d8}
    .host-sender{fill:#7f2704}
    .host-resident{fill:#56b4e9}
    .host-non-resident{fill:#f0c05a}
    .host-suspended{fill:#cc79a7}
    .host-closed{fill:url(#hatch-closed)}
    .host-uncovered{fill:url(#hatch-uncovered)}
    .host-unknown{fill:url(#dots-unknown)}
    .accreditation{fill:none;stroke:#d55e00;stroke-width:1.2;stroke-dasharray:3 2;stroke-linecap:round}
    .post{stroke:#fff;stroke-width:.9}
    .post.open{fill:#0b3d91}
    .post.cross-accredited{fill:#fff;stroke:#d55e00;stroke-width:1.6}
    .post.closed{fill:#6f6f6f}
    .post.suspended{fill:#fff;stroke:#8e3b78;stroke-width:1.6}
    .post.uncounted{opacity:.75}
    .post.planned{fill:#fff;stroke:#0b3d91;stroke-width:1.2;stroke-dasharray:2 1}
    .post.uncovered{fill:#fff;stroke:#6f6f6f;stroke-width:1.2}
    .post.unknown{fill:#d4d4d4;stroke:#4d4d4d;stroke-width:.9;stroke-dasharray:1 1}
    .label{font-size:10px;fill:#1d2b3a;stroke:#fff;stroke-width:2.5px;stroke-linejoin:round;paint-order:stroke}
    .label.cross-accredited{fill:#8a3b00;font-style:italic}
    .title{font-size:22px;font-weight:700}
    .subtitle{font-size:14px;fill:#444}
    .legend-heading{font-size:12px;font-weight:700}
    .legend-label{font-size:12px}
    .legend-note{font-size:11px;fill:#555}
    """

    /// Pattern fills referenced by the stylesheet.
    static let defs = """
    <defs><pattern id="hatch-closed" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
    <rect width="4" height="4" fill="#d0ccc2"/><line x1="0" y1="0" x2="0" y2="4" stroke="#7a7468" stroke-width="1.4"/></pattern>\
    <pattern id="hatch-uncovered" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">\
    <rect width="6" height="6" fill="#f4ecd2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c9a43a" stroke-width="1"/></pattern>\
    <pattern id="dots-unknown" width="5" height="5" patternUnits="userSpaceOnUse">\
    <rect width="5" height="5" fill="#eeeeee"/><circle cx="2.5" cy="2.5" r="0.9" fill="#8a8a8a"/></pattern></defs>
    """
}
