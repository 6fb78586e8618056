import Testing
@testable import MissionMap

@Suite struct SenderChoiceTests {
    let one: Network, two: Network
    init() throws {
        one = try Fixture.network("AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,\n")
        two = try Fixture.network("AA-BB,2020-01-01,opened,AA,BB,,embassy,,,,s1,\nCC-BB,2020-01-01,opened,CC,BB,,embassy,,,,s2,\n")
    }

    func message(_ body: () throws -> String) -> String? {
        do { _ = try body(); return nil } catch { return (error as? SelectionError)?.description }
    }

    @Test func aLogWithOneSenderNeedsNoChoice() throws {
        #expect(try one.sender(named: nil, fallback: nil, log: "one.csv") == "AA")
        #expect(try two.sender(named: "Ceeland", fallback: nil, log: "two.csv") == "CC")
        #expect(try two.sender(named: nil, fallback: "CC", log: "two.csv") == "CC")
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
}
