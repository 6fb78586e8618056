import Foundation

/// How maps, legends and notes name a set of boundaries: the bundled Natural Earth file by
/// its name, scale and licence, a user's file by its file name.
public struct BoundariesLabel: Sendable, Equatable {
    /// A short name for descriptions: "Natural Earth", or the file's name.
    public var name: String
    /// The credit line of a legend.
    public var attribution: String
    /// The map scale, when known ("1:50m").
    public var scale: String?

    public init(name: String, attribution: String, scale: String? = nil) {
        self.name = name
        self.attribution = attribution
        self.scale = scale
    }

    /// The bundled boundaries (see Geo/README.md).
    public static let naturalEarth50m = BoundariesLabel(name: "Natural Earth", attribution: "Natural Earth 1:50m (public domain)", scale: "1:50m")

    /// A file known only by its name, its control and bidi characters escaped (the name goes
    /// into tables, notes and maps, which refuse such characters in the data too).
    public static func file(_ path: String) -> BoundariesLabel {
        let name = Echo.escaped(URL(fileURLWithPath: path).lastPathComponent)
        return BoundariesLabel(name: name, attribution: name)
    }
}
