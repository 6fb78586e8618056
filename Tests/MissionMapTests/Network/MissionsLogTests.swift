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
        ("X,2020-01-01,opened,AA,BB,,palace,,,,s,", "fixture.csv:2: error: unknown type 'palace': expected one of embassy, high-commission, consulate-general, consulate, consular-office, permanent-mission, representative-office, trade-office, interests-section, liaison-office"),
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

/// Every error of a log at once, in line order, and none that only another one causes.
@Suite(.tags(.unit)) struct MissionsLogAllErrorsTests {
    func lines(_ rows: String, header: String = Fixture.header) -> [String] {
        Fixture.errors(rows, header: header)?.lines ?? []
    }

    @Test func threeErrorsOfDifferentKindsInLineOrder() {
        #expect(lines("""
        A,2020-01-01,opened,AA,BB,,embassy,,,,s,
        B,2020-01-01,opened,AA,ZZ,,embassy,,,,s,
        C,2020-02-30,opened,AA,CC,,embassy,,,,s,
        A,2021-01-01,opened,AA,BB,,,,,,s,
        D,2020-01-01,opened,AA,PE,,palace,,,,s,
        """) == [
            "fixture.csv:3: error: unknown country 'ZZ' in column host",
            "fixture.csv:4: error: invalid date '2020-02-30': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)",
            "fixture.csv:5: error: post A: 'opened' on 2021-01-01 while the post was open (line 2)",
            "fixture.csv:6: error: unknown type 'palace': expected one of embassy, high-commission, consulate-general, consulate, consular-office, permanent-mission, representative-office, trade-office, interests-section, liaison-office",
            "fixture.csv: 4 errors",
        ])
    }

    @Test func sequenceAccreditationAndRowErrorsTogetherInLineOrder() {
        // The sequence and accreditation checks run after every row is read, yet their errors
        // take their place among the rows' errors.
        #expect(lines("""
        A,2020-01-01,closed,AA,BB,,embassy,,,,s,
        B,2020-01-01,accredited,AA,CC,,embassy,NOPE,,,s,
        C,2020-01-01,opened,AA,PE,,embassy,,,,s,
        C,2020-13-01,closed,AA,PE,,,,,,s,
        """) == [
            "fixture.csv:2: error: post A: 'closed' on 2020-01-01 before the post opened",
            "fixture.csv:3: error: accredited_from 'NOPE' is not a post id in this file",
            "fixture.csv:5: error: invalid date '2020-13-01': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)",
            "fixture.csv: 3 errors",
        ])
    }

    @Test func aRowWithSeveralErrorsGivesEachInColumnOrder() {
        #expect(lines("X,2020-13-01,exploded,AA,Narnia,,embassy,,,,javascript:alert(1),\n") == [
            "fixture.csv:2: error: invalid date '2020-13-01': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)",
            "fixture.csv:2: error: unknown event 'exploded': expected one of opened, attested, closed, suspended, resumed, planned, accredited, accreditation-ended",
            "fixture.csv:2: error: unknown country 'Narnia' in column host",
            "fixture.csv:2: error: source 'javascript:alert(1)' is a javascript: address; give an http(s) address or a citation in words",
            "fixture.csv: 4 errors",
        ])
    }

    @Test func aHundredAreShownThenTheCount() throws {
        let rows = (0..<150).map { "P\($0),2020-02-3\($0 % 2),opened,AA,BB,,embassy,,,,s,\n" }.joined()
        let errors = try #require(Fixture.errors(rows))
        #expect(errors.count == 150 && errors.errors.count == 100)
        #expect(errors.errors.map(\.line) == Array(2...101))
        #expect(errors.errors.allSatisfy { $0.message.hasPrefix("invalid date '2020-02-3") })
        #expect(errors.tally == "fixture.csv: 150 errors, the first 100 shown")
        #expect(errors.lines.count == 101 && errors.lines.last == errors.tally)
        // A sequence error, found after every row, still comes first, and is counted.
        let mixed = try #require(Fixture.errors("A,2020-01-01,closed,AA,CC,,embassy,,,,s,\n" + rows))
        #expect(mixed.count == 151 && mixed.errors.map(\.line) == Array(2...101))
        #expect(mixed.errors[0].message == "post A: 'closed' on 2020-01-01 before the post opened")
        #expect(mixed.tally == "fixture.csv: 151 errors, the first 100 shown")
    }

    @Test func oneErrorHasNoCount() throws {
        let errors = try #require(Fixture.errors("X,2020-01-01,opened,AA,ZZ,,embassy,,,,s,\n"))
        #expect(errors.count == 1 && errors.tally == nil)
        #expect(errors.lines == ["fixture.csv:2: error: unknown country 'ZZ' in column host"])
    }

    @Test func aCoverFromAPostWhoseRowsHadErrorsAddsNoError() {
        // B's only row is wrong: B is in the file, so "not a post id" would be untrue, and
        // whether B was open cannot be known.
        #expect(lines("""
        B,2020-01-01,opened,AA,CC,Nowhere,embassy,,,,s,
        A,2020-06-01,accredited,AA,BB,,embassy,B,,,s,
        """) == ["fixture.csv:2: error: unknown city 'Nowhere' in CC and no lat/lon given; known there: Gamma"])
    }

    @Test func aRowLeftOutStillHasItsCoveringPostLookedFor() {
        // Line 2 lacks a type, but that its cover comes from no post at all is true regardless;
        // line 3's cover from X (a post of the file, if a broken one) is not judged.
        #expect(lines("""
        A,2020-01-01,accredited,AA,BB,,,NOPE,,,s,
        B,2020-01-01,accredited,AA,CC,,,A,,,s,
        """) == [
            "fixture.csv:2: error: post A needs a type on its first row",
            "fixture.csv:2: error: accredited_from 'NOPE' is not a post id in this file",
            "fixture.csv:3: error: post B needs a type on its first row",
            "fixture.csv: 3 errors",
        ])
    }

    @Test func aCoverFromAPostWhoseSequenceIsBrokenAddsNoError() {
        // B closes twice: its state after that is unknown, so A's cover from it is not judged.
        #expect(lines("""
        B,2019-01-01,opened,AA,CC,,embassy,,,,s,
        B,2019-06-01,closed,AA,CC,,,,,,s,
        B,2019-07-01,closed,AA,CC,,,,,,s,
        A,2020-06-01,accredited,AA,BB,,embassy,B,,,s,
        """) == ["fixture.csv:4: error: post B: 'closed' on 2019-07-01 after the post closed (line 3)"])
    }

    @Test func laterRowsOfAPostWhoseFirstRowHadAnErrorAreNotFirstRows() {
        // Line 2 is the post's first row: line 3 is not asked for a type, nor judged against it,
        // but is still checked on its own.
        #expect(lines("""
        X,2020-01-01,opened,AA,BB,,palace,,,,s,
        X,2021-01-01,closed,AA,BB,,,,,,s,
        X,2022-01-01,resumed,AA,BB,,,,,,s,
        X,2023-01-01,closed,AA,XX,,,,,,s,
        """) == [
            "fixture.csv:2: error: unknown type 'palace': expected one of embassy, high-commission, consulate-general, consulate, consular-office, permanent-mission, representative-office, trade-office, interests-section, liaison-office",
            "fixture.csv:5: error: unknown country 'XX' in column host",
            "fixture.csv: 2 errors",
        ])
    }

    @Test func anIdGivenToTwoPostsIsOneError() {
        // Line 3 is another post under X's id: its type and date are not X's repeats or changes.
        #expect(lines("""
        X,2020-01-01,opened,AA,BB,,embassy,,,,s,
        X,2020-01-01,opened,AA,CC,,consulate,,,,s,
        """) == ["fixture.csv:3: error: post X was AA in BB on line 2, here AA in CC: a post id names one post"])
    }

    @Test func aPostWithARowLeftOutIsNotSequenceChecked() {
        // Without its 'opened' row (a bad date), the post's 'closed' would seem to come first.
        #expect(lines("""
        X,2020-01-01,opened,AA,BB,,embassy,,,,s,
        X,2020-02-01,suspended,AA,BB,,,,,,s,
        X,2020-02-31,resumed,AA,BB,,,,,,s,
        X,2021-01-01,closed,AA,BB,,,,,,s,
        X,2022-01-01,closed,AA,BB,,,,,,s,
        """) == ["fixture.csv:4: error: invalid date '2020-02-31': expected an existing day as YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown)"])
    }

    @Test func aCoverThatCannotBeJudgedIsNoCoverInTheCycleSearch() {
        // A is covered by B, then by R (whose row is wrong). When B takes cover from A, A's cover
        // is no longer B: there is no cycle B -> A -> B to report.
        #expect(lines("""
        A,2020-01-01,opened,AA,BB,,embassy,,,,s,
        B,2020-01-01,opened,AA,CC,,embassy,,,,s,
        R,2020-01-01,opened,AA,PE,Nowhere,embassy,,,,s,
        A,2020-02-01,accredited,AA,BB,,,B,,,s,
        A,2020-03-01,accredited,AA,BB,,,R,,,s,
        B,2020-04-01,accredited,AA,CC,,,A,,,s,
        """) == ["fixture.csv:4: error: unknown city 'Nowhere' in PE and no lat/lon given; known there: Lima"])
        // The same with A's second cover from a post that is not there: one error, no cycle.
        #expect(lines("""
        A,2020-01-01,opened,AA,BB,,embassy,,,,s,
        B,2020-01-01,opened,AA,CC,,embassy,,,,s,
        A,2020-02-01,accredited,AA,BB,,,B,,,s,
        A,2020-03-01,accredited,AA,BB,,,NOPE,,,s,
        B,2020-04-01,accredited,AA,CC,,,A,,,s,
        """) == ["fixture.csv:5: error: accredited_from 'NOPE' is not a post id in this file"])
    }

    @Test func rowsTheTableRejectsComeInLineOrderWithTheRest() {
        // Line 2 has a field too many: it is X's first row, so line 4 is not asked for a type.
        #expect(lines("""
        X,2020-01-01,opened,AA,BB,,embassy,,,,s,,extra
        Y,2020-01-01,opened,AA,ZZ,,embassy,,,,s,
        X,2021-01-01,closed,AA,BB,,,,,,s,
        Z,2020-01-01,opened,AA,CC,,embassy,,,,s,\u{7}
        """) == [
            "fixture.csv:2: error: expected 12 fields, found 13",
            "fixture.csv:3: error: unknown country 'ZZ' in column host",
            "fixture.csv:5: error: field 'note' contains the control character U+0007",
            "fixture.csv: 3 errors",
        ])
    }

    @Test func headersMatchWithoutCaseOrSurroundingSpaces() throws {
        let network = try Fixture.network("""
        Post_ID, DATE ,Event,Sender,HOST,Type,Source
        X,2020-01-01,opened,AA,BB,embassy,s
        """, header: "")
        #expect(network.posts.map(\.id) == ["X"] && network.posts[0].type == .embassy && network.posts[0].host.iso2 == "BB")
    }

    @Test func aSemicolonSeparatedLogIsToldSo() {
        #expect(lines("post_id;date;event;sender;host;type;source\nX;2020-01-01;opened;AA;BB;embassy;s\n", header: "") == [
            "fixture.csv:1: error: the header has no commas but 6 semicolons: missionmap reads comma-separated files; save the file as CSV with commas between fields",
        ])
    }
}
