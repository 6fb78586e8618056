import Testing
@testable import MissionMap

/// The default dates of a user's gallery: the largest network's day and the last event's day.
@Suite(.tags(.unit)) struct GalleryDatesTests {
    @Test func largestNetworkThenLastEvent() throws {
        let network = try Fixture.network("""
        A-BB,2020-01-01,opened,AA,BB,,embassy,,,,s,
        A-CC,2021-03-01,opened,AA,CC,,embassy,,,,s,
        A-PE,2021-06-01,opened,AA,PE,,embassy,,,,s,
        A-CC,2022-01-01,closed,AA,CC,,,,,,s,
        A-PE,2023-05-01,closed,AA,PE,,,,,,s,
        B-AA,2024-01-01,opened,BB,AA,,embassy,,,,s,
        """)
        let aa = try #require(network.gazetteer.country(code: "AA"))
        // Three open from 2021-06-01 to 2022-01-01; the last of AA's events on 2023-05-01 (BB's later one is not AA's).
        #expect(GalleryDates.defaults(in: network, query: .sender(aa)) == [Day("2021-06-01")!, Day("2023-05-01")!])
        // A network that only grows: its last day is its largest, one date.
        let bb = try #require(network.gazetteer.country(code: "BB"))
        #expect(GalleryDates.defaults(in: network, query: .sender(bb)) == [Day("2024-01-01")!])
        // From the host's side: AA hosts BB's embassy only.
        #expect(GalleryDates.defaults(in: network, query: .host(aa, city: nil)) == [Day("2024-01-01")!])
    }
}
