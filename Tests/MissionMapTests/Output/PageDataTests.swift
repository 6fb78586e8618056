import Foundation
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct PageDataTests {
    // AA's embassy in BB opens on 2020-01-15, closes on 2021-03-15 and reopens on 2022-05-01.
    // Its consulate in CC opens on 2020-02-01 and, from 2021-03-15 on, covers PE, until it is
    // suspended on 2021-09 (known by 30 September). The Geneva consulate's first record is an
    // attestation on 2020-06-01: unknown before it.
    let network: Network
    let data: PageData
    init() throws {
        network = try Fixture.network("""
        post_id,date,event,sender,host,city,type,accredited_from,counted,source
        AA-BB,2020-01-15,opened,AA,BB,,embassy,,,https://news.example/opened
        AA-CC,2020-02-01,opened,AA,CC,,consulate,,,https://news.example/cc
        AA-GE,2020-06-01,attested,AA,BB,Geneva,consulate-general,,,https://news.example/geneva
        AA-BB,2021-03-15,closed,AA,BB,,,,,https://news.example/closed
        AA-PE,2021-03-15,accredited,AA,PE,,embassy,AA-CC,,Gazette <b>no. 12</b>
        AA-CC,2021-09,suspended,AA,CC,,,,,https://news.example/</script><script>alert(1)</script>
        AA-BB,2022-05-01,opened,AA,BB,,,,,https://news.example/reopened
        """, header: "")
        let aa = network.gazetteer.country(code: "AA")!
        data = try PageData(network: network, query: .sender(aa), asOf: Day("2023-01-01")!, geography: nil)
    }

    func day(_ text: String) -> Day { Day(text)! }

    @Test func aPostThatOpensClosesAndReopensHasFourIntervals() throws {
        let intervals = try #require(data.posts.first { $0.id == "AA-BB" }).intervals
        #expect(intervals == [
            .init(from: nil, to: day("2020-01-14"), value: PageData.absent),
            .init(from: day("2020-01-15"), to: day("2021-03-14"), value: "open"),
            .init(from: day("2021-03-15"), to: day("2022-04-30"), value: "closed"),
            .init(from: day("2022-05-01"), to: nil, value: "open"),
        ])
        // Lookups on both sides of every boundary.
        let expected = ["2020-01-14": "absent", "2020-01-15": "open", "2021-03-14": "open", "2021-03-15": "closed",
                        "2022-04-30": "closed", "2022-05-01": "open", "2023-01-01": "open"]
        for (date, status) in expected {
            #expect(data.status(ofPost: "AA-BB", on: day(date)) == status, "\(date)")
        }
        #expect(data.status(ofCountry: "BB", on: day("2021-03-15")) == "resident", "the Geneva consulate is still open")
        #expect(data.status(ofCountry: "CC", on: day("2021-09-29")) == "resident")
        #expect(data.status(ofCountry: "CC", on: day("2021-09-30")) == "suspended")
        #expect(data.status(ofCountry: "FJ", on: day("2021-09-30")) == "none", "never a host")
    }

    @Test func stepsAreTheEventDaysAfterTheStateBeforeThem() {
        #expect(data.first == day("2020-01-15") && data.last == day("2023-01-01"))
        #expect(data.steps.map { $0.day?.description ?? "before" }
            == ["before", "2020-01-15", "2020-02-01", "2020-06-01", "2021-03-15", "2021-09-30", "2022-05-01", "2023-01-01"])
        // Before the first event only the attested consulate is there, as unknown.
        #expect(data.steps[0].summary.totals.unknown == 1 && data.steps[0].summary.totals.open == 0)
        #expect(data.step(on: day("1999-12-31")).day == nil)
    }

    @Test func everyDayLooksUpWhatItsOwnSnapshotSays() throws {
        let aa = network.gazetteer.country(code: "AA")!
        var date = day("2019-12-25")
        while date <= day("2023-01-01") {
            let snapshot = network.snapshot(.sender(aa), asOf: date)
            for post in ["AA-BB", "AA-CC", "AA-GE", "AA-PE"] {
                let status = snapshot.posts.first { $0.post.id == post }?.status.rawValue ?? PageData.absent
                #expect(data.status(ofPost: post, on: date) == status, "\(post) on \(date)")
            }
            for (code, status) in snapshot.countryStatuses {
                #expect(data.status(ofCountry: code, on: date) == status.rawValue, "\(code) on \(date)")
            }
            let summary = try Summary(snapshot, gazetteer: network.gazetteer)
            #expect(data.step(on: date).summary.totals == summary.totals, "\(date)")
            #expect(data.step(on: date).summary.regions == summary.regions, "\(date)")
            date = try #require(Day(year: date.year, month: date.month, day: date.day + 1)
                ?? Day(year: date.year, month: date.month + 1, day: 1) ?? Day(year: date.year + 1, month: 1, day: 1))
        }
    }

    @Test func aLinkIsOnWhileItsCoverIsInForce() throws {
        let link = try #require(data.links.first { $0.key == "AA-PE>AA-CC" })
        #expect(link.intervals == [
            .init(from: nil, to: day("2021-03-14"), value: "off"),
            .init(from: day("2021-03-15"), to: day("2021-09-29"), value: "on"),
            .init(from: day("2021-09-30"), to: nil, value: "off"),
        ])
        // Suspended with its covering post, not closed.
        #expect(data.status(ofPost: "AA-PE", on: day("2021-09-30")) == "suspended")
    }

    @Test func eachStepListsTheEventsSinceThePreviousOne() {
        let closing = data.step(on: day("2021-03-15")).changes.map { "\($0.post.id) \($0.event.kind.rawValue)" }
        #expect(closing == ["AA-BB closed", "AA-PE accredited"])
        #expect(data.step(on: day("2021-09-30")).changes.map(\.event.date.description) == ["2021-09"])
        #expect(data.step(on: day("2023-01-01")).changes.isEmpty)
        #expect(data.steps[0].changes.isEmpty)
    }

    @Test func theEmbeddedDataCannotEndItsScriptAndOnlyHTTPBecomesALink() throws {
        let json = PageWriter.json(data, network: network, heading: "Diplomatic posts of Aland")
        #expect(!json.contains("<"))
        #expect(json.contains(#"\u003c/script>"#))
        // The JSON parses, and the unsafe source stays text.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let changes = try #require(parsed["changes"] as? [[[Any]]])
        let accredited = try #require(changes.joined().first { ($0[2] as? String)?.hasPrefix("accredited") == true })
        #expect(accredited[3] is NSNull && accredited[4] as? String == "Gazette <b>no. 12</b>")
        #expect(PageWriter.safeLink("javascript:alert(1)") == nil)
        #expect(PageWriter.safeLink("https://news.example/a b") == nil && PageWriter.safeLink("HTTPS://news.example/x") != nil)
        #expect(PageWriter.safeLink("data:text/html,x") == nil && PageWriter.safeLink("http://") == nil)
    }
}
