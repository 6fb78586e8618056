import Foundation
import Synchronization
import Testing

/// A map is the same bytes on every run. Each process seeds Swift's hashing afresh, so a
/// result that hangs on a dictionary's order differs between processes, never within one:
/// hence several processes. At 600 pixels Sebatik's halves (Malaysia, Indonesia) both fold
/// flat, and the map once kept the coast of whichever half a dictionary gave first.
@Suite(.tags(.endToEnd)) struct DeterminismTests {
    /// The outputs of `runs` processes of `missionmap arguments`, run side by side.
    static func outputs(_ arguments: [String], runs: Int) throws -> [String] {
        let results = Mutex<[Int: CLI.Result]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: runs) { i in
            do {
                let run = try CLI.missionmap(arguments)
                results.withLock { $0[i] = run }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return try results.withLock { byRun in
            try byRun.keys.sorted().map { i in
                let run = byRun[i]!
                try #require(run.status == 0, "\(run.stderr)")
                return run.stdout
            }
        }
    }

    @Test func eightRunsOfAMapGiveTheSameBytes() throws {
        let outputs = try Self.outputs(["render", "--as-of", "1995-06-01", "--width", "600"], runs: 8)
        #expect(outputs.allSatisfy { $0.hasPrefix("<?xml") && $0.contains(#"data-iso="MY""#) })
        let distinct = Set(outputs)
        #expect(distinct.count == 1, "\(distinct.count) different maps from 8 runs")
    }
}
