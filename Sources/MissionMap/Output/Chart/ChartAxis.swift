/// The ticks of a chart's axes: counts on a "nice" integer scale from zero, and time at
/// calendar units (months or years) spaced so that their labels do not touch.
enum ChartAxis {
    /// A tick on the time axis: its day, its label, and a second line under it (the year
    /// under the first month tick and under each January), if any.
    struct TimeTick: Equatable {
        let day: Day
        let label: String
        let year: String?
    }

    /// Ticks from 0 up to at least `maximum`, about `target` intervals, a whole 1, 2 or 5 times
    /// a power of ten apart (never less than 1: posts come whole). The last tick is the top
    /// of the axis.
    static func counts(upTo maximum: Int, target: Int = 5) -> [Int] {
        let top = max(maximum, 1)
        let raw = Double(top) / Double(max(target, 1))
        var magnitude = 1
        while Double(magnitude * 10) <= raw { magnitude *= 10 }
        // Of the nice steps near the raw one, the one whose tick count is nearest the target
        // (the finer on a tie).
        let candidates = [1, 2, 5, 10, 20].map { $0 * magnitude }
        func intervals(_ step: Int) -> Int { (top + step - 1) / step }
        let step = candidates.min { a, b in
            let (da, db) = (abs(intervals(a) - target), abs(intervals(b) - target))
            return da != db ? da < db : a < b
        }!
        let last = intervals(step) * step
        return Array(stride(from: 0, through: last, by: step))
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Calendar ticks between two days on an axis `width` pixels wide. Up to three years:
    /// the first days of every 1, 2, 3 or 6 months, the finest whose ticks lie at least
    /// `spacing` pixels apart; longer, the first days of every 1, 2, 5, 10, 20 or 50 years,
    /// likewise. A period with no first day of a month in it gets its two ends.
    static func time(from: Day, to: Day, width: Double, spacing: Double = 46) -> [TimeTick] {
        let days = max(to.ordinal - from.ordinal, 1)
        let perDay = width / Double(days)
        if days <= 3 * 366 {
            let months = [1, 2, 3, 6].first { Double(28 * $0) * perDay >= spacing } ?? 6
            var ticks: [TimeTick] = []
            var (year, month) = (from.year, from.month)
            while let day = Day(year: year, month: month, day: 1), day <= to {
                if day >= from, (month - 1) % months == 0 {
                    let showYear = ticks.isEmpty || month == 1
                    ticks.append(TimeTick(day: day, label: monthNames[month - 1], year: showYear ? String(year) : nil))
                }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
            if !ticks.isEmpty { return ticks }
            return [from, to].map { TimeTick(day: $0, label: "\($0.day) \(monthNames[$0.month - 1])", year: String($0.year)) }
        }
        let years = [1, 2, 5, 10, 20, 50, 100].first { Double(365 * $0) * perDay >= spacing } ?? 100
        var ticks: [TimeTick] = []
        for year in from.year...to.year where year % years == 0 {
            let day = Day(year: year, month: 1, day: 1)!
            if day >= from && day <= to { ticks.append(TimeTick(day: day, label: String(year), year: nil)) }
        }
        return ticks
    }
}

extension Day {
    /// Days since 1970-01-01 (negative before), for a time axis: Howard Hinnant's
    /// days_from_civil, exact for every Gregorian day.
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
