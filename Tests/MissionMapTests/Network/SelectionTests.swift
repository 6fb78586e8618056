import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct SelectionTests {
    let one: Network, two: Network
    init() throws {
        one = try Fixture.network("AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,\n")
        two = try Fixture.network("AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,\nCC-BB,2020-01-01,opened,CC,BB,,embassy,,,,s2,\n")
    }

    func message(_ body: () throws -> Country) -> String? {
        do { _ = try body(); return nil } catch { return (error as? SelectionError)?.description }
    }

    @Test func aLogWithOneSenderNeedsNoChoice() throws {
        #expect(try one.sender(named: nil, fallback: nil, log: "one.csv").iso2 == "AA")
        #expect(try two.sender(named: "Ceeland", fallback: nil, log: "two.csv").iso2 == "CC")
        #expect(try two.sender(named: nil, fallback: "CC", log: "two.csv").iso2 == "CC")
    }

    @Test func severalSendersAndNoChoiceIsAnErrorListingThem() {
        #expect(message { try two.sender(named: nil, fallback: nil, log: "two.csv") } == "two.csv has 2 senders (AA, CC): choose one with --sender")
        #expect(message { try two.sender(named: nil, fallback: "PE", log: "two.csv") } != nil, "a fallback absent from the log is no choice")
    }

    @Test func aSenderAbsentFromTheLogIsAnErrorWithAHint() {
        #expect(message { try one.sender(named: "BB", fallback: nil, log: "one.csv") } == "Beeland (BB) has no posts in one.csv. Senders in one.csv: AA.")
        #expect(message { try two.sender(named: "Celand", fallback: nil, log: "two.csv") } == "unknown sender 'Celand'; did you mean Ceeland (CC)? Senders in two.csv: AA, CC.")
        #expect(message { try one.sender(named: "Zork", fallback: nil, log: "one.csv") } == "unknown sender 'Zork'. Senders in one.csv: AA.")
    }

    @Test func aNameCloseToACountryOutsideTheLogIsNamedAndToldAbsent() {
        #expect(message { try one.sender(named: "Beelnd", fallback: nil, log: "one.csv") }
            == "unknown sender 'Beelnd'; did you mean Beeland (BB)? It has no posts in one.csv. Senders in one.csv: AA.")
        #expect(message { try one.host(named: "Alnd", log: "one.csv") }
            == "unknown host 'Alnd'; did you mean Aland (AA)? It holds no post in one.csv. Hosts in one.csv: BB.")
    }

    @Test func vowelsLeftOutAreForgivenInHints() {
        #expect(consonantSkeleton("iceland") == "iclnd")
        #expect(consonantSkeleton("islnd") == "islnd")
        #expect(editDistance(consonantSkeleton("islnd"), consonantSkeleton("iceland")) == 1)
    }
}

@Suite(.tags(.unit)) struct SelectionParsingTests {
    let network = try! Fixture.network("""
    AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,
    CC-BB,2020-01-01,opened,CC,BB,,embassy,,,,s2,
    BB-AA,2020-01-01,opened,BB,AA,,embassy,,,,s3,
    """)

    func selection(_ names: String...) throws -> Selection {
        try network.selection(senders: names, fallback: nil, log: "t.csv")
    }

    func country(_ code: String) -> Country { Fixture.gazetteer.country(code: code)! }

    @Test func oneSeveralOrAll() throws {
        #expect(try selection("aland") == .sender(country("AA")))
        #expect(try selection("CC", "AA") == .senders([country("CC"), country("AA")]), "in the order named")
        #expect(try selection("AA", "Aland", "aa") == .sender(country("AA")), "a sender named twice is one")
        #expect(Selection.all.senders(in: network).map(\.iso2) == ["AA", "BB", "CC"])
        #expect(Selection.host(country("BB"), city: nil).senders(in: network).isEmpty)
    }

    @Test func everyNameInAListMustBeASender() {
        #expect(throws: SelectionError.self) { try selection("AA", "PE") }
        #expect(throws: SelectionError.self) { try selection("AA", "") }
        #expect(throws: SelectionError.self) { try selection() }
    }

    @Test func queriesLookFromEachSenderOrTheHost() throws {
        #expect(try selection("AA", "CC").queries(in: network) == [.sender(country("AA")), .sender(country("CC"))])
        #expect(Selection.host(country("BB"), city: "Béta").queries(in: network) == [.host(country("BB"), city: "Béta")])
    }
}
