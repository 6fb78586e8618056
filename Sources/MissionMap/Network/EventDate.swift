/// When an event happened: a day (`2023-11-01`), or only a month (`2016-09`) or a year
/// (`1998`) when sources give no day. A partial date takes effect at the end of its period:
/// that is when the event is known to have happened.
public struct EventDate: Hashable, Sendable, CustomStringConvertible {
    public enum Precision: Sendable { case day, month, year }

    public let precision: Precision
    /// The last day of the period (the day itself for day precision).
    public let knownBy: Day

    /// As written: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Made when asked rather than stored (every
    /// event has a date): parsing accepts only these exact forms, so the text follows from the
    /// precision and the day.
    public var description: String {
        let text = knownBy.description
        return switch precision {
        case .day: text
        case .month: String(text.prefix(7))
        case .year: String(text.prefix(4))
        }
    }

    public init(_ day: Day) {
        self.init(precision: .day, knownBy: day)
    }

    private init(precision: Precision, knownBy: Day) {
        self.precision = precision
        self.knownBy = knownBy
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil for anything else or a day that does not exist.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 3:
            guard let day = Day(text) else { return nil }
            self.init(day)
        case 2, 1:
            guard parts[0].count == 4, parts.count == 1 || parts[1].count == 2,
                  parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let year = Int(parts[0]) else { return nil }
            let month = parts.count == 2 ? Int(parts[1])! : 12
            guard let first = Day(year: year, month: month, day: 1) else { return nil }
            self.init(precision: parts.count == 2 ? .month : .year,
                      knownBy: Day(year: year, month: month, day: first.daysInMonth)!)
        default:
            return nil
        }
    }
}
