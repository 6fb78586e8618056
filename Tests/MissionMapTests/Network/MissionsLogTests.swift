import GeoKit
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct MissionsLogTests {
    @Test func geocodesCapitalsCitiesAndExplicitCoordinates() throws {
        let network = try Fixture.network("""
        X-BB,2020-01-01,opened,AA,BB,beta,embassy,,,,http://s,
        X-BB-UN,2020-01-01,opened,AA,BB,Geneva,permanent-mission,,,,http://s,
        X-CC,2020-01-01,opened,AAA,CCC,,embassy,,,,http://s,
        X-CC2,2020-01-01,opened,AA,CC,Somewhere,consulate-general,,-16.5,-171.25,http://s,
        """)
        let byID = Dictionary(uniqueKeysWithValues: network.posts.map { ($0.id, $0) })
        #expect(byID["X-BB"]?.location == XY(20, 10), "capital matched without case or accents")
        #expect(byID["X-BB-UN"]?.location == XY(21, 11))
        #expect(byID["X-CC"]?.location == XY(-170, -15) && byID["X-CC"]?.city == "Gamma", "empty city is the capital; alpha-3 codes work")
        #expect(byID["X-CC"]?.sender.iso2 == "AA" && byID["X-CC"]?.host.name == "Ceeland", "countries come resolved")
        #expect(byID["X-CC2"]?.location == XY(-171.25, -16.5))
    }

    @Test func laterRowsInheritAndEventsSortByDate() throws {
        let network = try Fixture.network("""
        X-BB,2021-05-01,closed,AA,BB,Béta,embassy,,,,http://s,
        X-BB,2020-01-01,opened,AA,BB,,,,,,http://s,
        """)
        #expect(network.posts.count == 1)
        #expect(network.posts[0].events.map(\.kind) == [.opened, .closed])
        #expect(network.posts[0].line == 2, "a post is defined by its first row in the file")
    }

    @Test func countriesByNameAndAliasAndHints() throws {
        let gazetteer = Gazetteer(countries: Fixture.gazetteer.countries, cities: [], aliases: [("BB", "Bee Republic")])
        #expect(gazetteer.country(matching: "beeland")?.iso2 == "BB")
        #expect(gazetteer.country(matching: "Bee Republic")?.iso2 == "BB")
        #expect(gazetteer.country(matching: "bbb")?.iso2 == "BB")
        #expect(gazetteer.suggestion(forCountry: "Beelnad") == "Beeland (BB)", "a swap of neighbours is one edit")
        #expect(gazetteer.suggestion(forCountry: "Zzzzzz") == nil)
        #expect(gazetteer.suggestion(forCountry: "QQ") == nil, "no guessing from two letters")
    }

    @Test func partialDatesTakeEffectAtTheEndOfTheirPeriod() throws {
        let network = try Fixture.network("""
        X,2016-09,closed,AA,BB,,embassy,,,,s,
        X,1998,opened,AA,BB,,,,,,s,
        """)
        #expect(network.posts[0].events.map(\.date.description) == ["1998", "2016-09"])
        #expect(network.posts[0].events.map(\.date.knownBy.description) == ["1998-12-31", "2016-09-30"])
        #expect(network.snapshot(sender: "AA", asOf: Day("1998-12-30")!).posts.isEmpty)
        #expect(network.snapshot(sender: "AA", asOf: Day("2016-09-29")!).posts[0].status == .open)
        let s = network.snapshot(sender: "AA", asOf: Day("2016-10-01")!)
        #expect(s.posts[0].status == .closed)
        #expect(s.posts[0].opened?.description == "1998" && s.posts[0].closed?.description == "2016-09")
        #expect(EventDate("2024-02")?.knownBy.description == "2024-02-29")
        #expect(EventDate("2023-02-29") == nil && EventDate("2023-1") == nil && EventDate("202") == nil)
    }

    @Test func uncountedPostsAreShownButLeftOutOfTheFigures() throws {
        let network = try Fixture.network("""
        post_id,date,event,sender,host,type,counted,source
        A,2020-01-01,opened,AA,BB,embassy,,s
        B,2020-01-01,opened,AA,CC,representative-office,no,s
        """, header: "")
        #expect(network.posts.map(\.counted) == [true, false])
        let s = network.snapshot(sender: "AA", asOf: Day("2021-01-01")!)
        #expect(s.posts.count == 2 && s.countedPosts.count == 1)
        #expect(s.countsByStatus[.open] == 1)
        #expect(s.countryStatuses["CC"] == nil, "an uncounted post does not make its host resident")
        #expect(try Summary(s, gazetteer: Fixture.gazetteer).totals.open == 1)
    }

    @Test func rowWithoutSourceIsAWarning() throws {
        let network = try Fixture.network("X-BB,2020-01-01,opened,AA,BB,,embassy,,,,,\n")
        #expect(network.warnings.map(\.description) == ["fixture.csv:2: warning: row has no source"])
    }

    @Test(arguments: [
        ("X,2020-01-01,opened,AA,ZZ,,embassy,,,,s,", "fixture.csv:2: error: unknown country 'ZZ' in column host"),
        ("X,2023-02-30,opened,AA,BB,,embassy,,,,s,", "fixture.csv:2: error: invalid date '2023-02-30': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)"),
        ("X,2020-01-01,exploded,AA,BB,,embassy,,,,s,", "fixture.csv:2: error: unknown event 'exploded': expected one of opened, attested, closed, suspended, resumed, planned, accredited, accreditation-ended"),
        ("X,2020-01-01,opened,AA,BB,Nowhere,embassy,,,,s,", "fixture.csv:2: error: unknown city 'Nowhere' in BB and no lat/lon given; known there: Béta, Geneva"),
        ("X,2020-01-01,opened,AA,BB,,palace,,,,s,", "fixture.csv:2: error: unknown type 'palace': expected one of embassy, consulate-general, consulate, consular-office, permanent-mission, representative-office, trade-office"),
        ("X,2020-01-01,opened,AA,BB,,,,,,s,", "fixture.csv:2: error: post X needs a type on its first row"),
        ("X,2020-01-01,opened,AA,BB,,embassy,,91,0,s,", "fixture.csv:2: error: latitude '91' is not a number from -90 to 90"),
        ("X,2020-01-01,opened,AA,BB,,embassy,,0,nan,s,", "fixture.csv:2: error: longitude 'nan' is not a plain decimal number (such as -12.5 or 1.25e1)"),
        ("X,2020-01-01,accredited,AA,BB,,embassy,,,,s,", "fixture.csv:2: error: event 'accredited' needs accredited_from: the id of the covering post"),
        ("X,2020-01-01,opened,AA,BB,,embassy,Y,,,s,", "fixture.csv:2: error: accredited_from is only for 'accredited' events"),
        ("X,2020-01-01,opened,AA,BB,,embassy,,,,s,\nX,2021-01-01,closed,AA,CC,,,,,,s,", "fixture.csv:3: error: post X was AA in BB on line 2, here AA in CC: a post id names one post"),
        ("X,2020-01-01,accredited,AA,BB,,embassy,NOPE,,,s,", "fixture.csv:2: error: accredited_from 'NOPE' is not a post id in this file"),
        ("X,2020-01-01,,AA,BB,,embassy,,,,s,", "fixture.csv:2: error: unknown event '': expected one of opened, attested, closed, suspended, resumed, planned, accredited, accreditation-ended"),
    ])
    func badRowsFailWithFileLineAndReason(rows: String, expected: String) {
        #expect(Fixture.error(rows)?.description == expected)
    }
}
