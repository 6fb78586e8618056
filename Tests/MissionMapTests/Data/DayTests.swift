import Foundation
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct DayTests {
    @Test(arguments: ["2023-02-30", "2023-13-01", "2023-00-10", "2023-1-01", "23-01-01", "2023-01-01x", "", "2023/01/01", "10000-01-01", "２０２３-01-01"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func acceptsLeapDayAndOrders() throws {
        let leap = try #require(Day("2024-02-29"))
        #expect(leap.description == "2024-02-29")
        #expect(Day("2023-02-29") == nil)
        #expect(try #require(Day("2023-10-26")) < #require(Day("2023-11-01")))
    }

    @Test func packedFieldsRoundTripAndOrderAtTheEnds() throws {
        let first = try #require(Day(year: 1, month: 1, day: 1)), last = try #require(Day(year: 9999, month: 12, day: 31))
        #expect((first.year, first.month, first.day) == (1, 1, 1) && (last.year, last.month, last.day) == (9999, 12, 31))
        #expect(first.description == "0001-01-01" && last.description == "9999-12-31")
        #expect(first < last)
        #expect(try #require(Day("2023-12-31")) < #require(Day("2024-01-01")))
        #expect(try #require(Day("2024-01-31")) < #require(Day("2024-02-01")))
        #expect(Day("2024-03-01")?.previous == Day("2024-02-29"))
    }

    @Test(arguments: ["2016-09", "1998", "0001", "2024-02-29", "9999-12"])
    func eventDatesAreWrittenAsRead(_ text: String) throws {
        #expect(try #require(EventDate(text)).description == text)
    }

    @Test func todayIsInUTC() {
        // 2023-10-01 23:30 UTC is already 2 October east of UTC, still 1 October here.
        let date = Date(timeIntervalSince1970: 1_696_203_000)
        #expect(Day.today(date).description == "2023-10-01")
    }
}

@Suite(.tags(.unit)) struct DaysInMonthTests {
    /// The month lengths agree with Foundation's Gregorian calendar over four centuries.
    @Test func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for year in 1800...2200 {
            for month in 1...12 {
                let date = calendar.date(from: DateComponents(year: year, month: month))!
                #expect(Day.daysIn(year: year, month: month) == calendar.range(of: .day, in: .month, for: date)!.count)
            }
        }
    }
}
