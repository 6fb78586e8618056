/// An error reported by GEOS or PROJ, carrying the library's own message.
public enum GeoError: Error, Equatable, CustomStringConvertible {
    case geos(String)
    case proj(String)

    public var description: String {
        switch self {
        case .geos(let message): "GEOS: \(message)"
        case .proj(let message): "PROJ: \(message)"
        }
    }
}

/// Collects the last message a C library reports through its callback.
final class MessageBox {
    var last: String?

    /// Takes the last message, clearing it so the next failure is not blamed on an old one.
    func take(or fallback: String) -> String {
        defer { last = nil }
        return last ?? fallback
    }
}
