import GeoKit

/// One dated row of a missions log.
public struct MissionEvent: Sendable {
    public let date: EventDate
    /// Where the row is, for messages (four bytes: a log of more than two billion lines is not read).
    private let storedLine: Int32
    public let kind: EventKind
    /// For `accredited`: the id of the resident post that covers the host.
    public let accreditedFrom: String?
    public let source: String
    public let note: String

    /// Where the row is, for messages.
    public var line: Int { Int(storedLine) }

    init(date: EventDate, kind: EventKind, accreditedFrom: String?, source: String, note: String, line: Int) {
        self.date = date
        self.kind = kind
        self.accreditedFrom = accreditedFrom
        self.source = source
        self.note = note
        storedLine = Int32(clamping: line)
    }
}

/// A post of a sender in a host country, with its history. A host covered only from
/// elsewhere is a post too, with no resident events, placed at the host's capital.
/// Countries and the place come resolved against the gazetteer the log was read with.
public struct Post: Sendable, Identifiable {
    // Stored fields are ordered widest first, so that the small ones pack together at the end.
    public let id: String
    public let sender: Country
    public let host: Country
    /// The city's name as the log gives it (the host's capital when the log leaves it out).
    public let city: String
    /// `XY(lon, lat)` of the city (or the explicit coordinates of the row).
    public let location: XY
    /// Events in date order; rows with the same date keep their order in the file.
    public let events: [MissionEvent]
    private let storedLine: Int32
    public let type: PostType
    /// Whether `location` was typed into the first row's lat/lon rather than found by the city.
    public let locationTyped: Bool
    /// Whether the post is in the official counts; posts outside them (a branch office,
    /// a de facto representation) are drawn and exported but left out of every figure.
    public let counted: Bool

    init(id: String, sender: Country, host: Country, city: String, type: PostType, location: XY,
         locationTyped: Bool, events: [MissionEvent], line: Int, counted: Bool) {
        self.id = id
        self.sender = sender
        self.host = host
        self.city = city
        self.location = location
        self.events = events
        storedLine = Int32(clamping: line)
        self.type = type
        self.locationTyped = locationTyped
        self.counted = counted
    }

    /// The file line of the post's first row.
    public var line: Int { Int(storedLine) }

    /// Whether the post was ever resident (or meant to be): not only a host covered from elsewhere.
    public var isResident: Bool {
        events.contains { $0.kind != .accredited && $0.kind != .accreditationEnded }
    }
}
