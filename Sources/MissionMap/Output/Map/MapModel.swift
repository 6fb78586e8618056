import GeoKit

/// What a map shows, laid out in pixels, before any format: `SVGMapRenderer` builds it and
/// `SVGMapWriter` writes it; another writer (a page, a raster) can take the same value.
public struct MapModel: Sendable {
    /// A path of one or more rings or lines, with its classes and tooltip.
    public struct Shape: Sendable {
        public var classes: String
        /// Rings (closed) or lines, in pixels.
        public var parts: [[XY]]
        public var closed: Bool
        public var title: String?
        /// The ISO code of a country's shape.
        public var iso: String?
        /// An accreditation arc's link, "covered>covering" post ids (for the page, which shows each in its time).
        public var link: String?
    }

    /// A post's marker: its shape tells the type, its classes the status.
    public struct Marker: Sendable {
        public var type: PostType
        public var at: XY
        public var size: Double
        public var classes: String
        public var title: String?
        /// The post's id (nil for a legend swatch), which the page uses to restyle it by date.
        public var post: String?
    }

    /// A text placed at a point (a city label, a line of the header or legend).
    public struct Text: Sendable {
        public enum Anchor: String, Sendable { case start, middle, end }
        public var text: String
        public var at: XY
        public var anchor: Anchor = .start
        public var classes: String
        /// The post a label names (nil for other texts), which the page uses to hide it by date.
        public var post: String?
        /// An element id for the page's script (nil: none written).
        public var id: String?
    }

    /// A named group of shapes (sphere, graticule, countries, accreditations).
    public struct Layer: Sendable {
        public var id: String
        public var shapes: [Shape]
    }

    /// The legend: swatches (markers or country patches) and texts, in pixels.
    public struct Legend: Sendable {
        public var markers: [Marker] = []
        /// Country patches: top-left corner, size and classes.
        public var patches: [(at: XY, width: Double, height: Double, classes: String)] = []
        public var texts: [Text] = []
    }

    /// What a map looks from: a sender, whose countries are the hosts of its posts, or a
    /// host, whose countries are the senders with posts there.
    public enum Side: String, Sendable { case sender, host }

    public var side: Side = .sender
    public var width: Double
    public var height: Double
    /// Text and strokes are this many times their size on a 1200 px map.
    public var scale: Double
    public var title: String
    /// A sentence for screen readers: what the map shows, its data and projection.
    public var description: String
    /// The header's lines (title, then subtitle), placed.
    public var header: [Text]
    public var layers: [Layer]
    public var markers: [Marker]
    public var labels: [Text]
    public var legend: Legend
}
