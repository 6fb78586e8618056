import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct ClosestMatchTests {
    @Test func slipsAreFoundAndLongCellsAreNotMeasured() {
        let names = ["spain", "sweden", "switzerland"]
        #expect(closestMatch(to: "spian", among: names) == "spain")
        #expect(closestMatch(to: "swedn", among: names) == "sweden")
        #expect(closestMatch(to: "xyz", among: names) == nil)
        #expect(closestMatch(to: "sp", among: names) == nil, "too short to guess")
        #expect(closestMatch(to: String(repeating: "n", count: 4_000) + "spain", among: names) == nil, "no name is that long")
    }
}
