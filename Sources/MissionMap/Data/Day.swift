import Foundation

/// A calendar day (proleptic Gregorian), written and read as ISO 8601 `YYYY-MM-DD`.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// year << 9 | month << 5 | day: four bytes rather than three Ints (every event and post
    /// state holds days), and ordered as the days are.
    private let packed: Int32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int(packed >> 5 & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// A day, or nil if it does not exist (2023-02-30, month 13, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(year: year, month: month)).contains(day) else { return nil }
        packed = Int32(year << 9 | month << 5 | day)
    }

    /// The number of days in this day's month.
    public var daysInMonth: Int { Day.daysIn(year: year, month: month) }

    /// The number of days in a month (1...12) of a year, by the Gregorian calendar. Worked
    /// out here rather than asked of Foundation's Calendar, which took a quarter of the time
    /// of loading a large log.
    static func daysIn(year: Int, month: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other form or a day that does not exist.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in UTC, so that the default date does not depend on the machine's time zone.
    public static func today(_ now: Date = Date()) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The day before; nil before 0001-01-01.
    public var previous: Day? {
        if day > 1 { return Day(year: year, month: month, day: day - 1) }
        if month > 1 { return Day(year: year, month: month - 1, day: Day.daysIn(year: year, month: month - 1)) }
        return Day(year: year - 1, month: 12, day: 31)
    }

    public static func < (a: Day, b: Day) -> Bool {
        a.packed < b.packed
    }

    public var description: String {
        // By hand: String(format:) goes through a locale on every call, and this runs per event.
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
