import Foundation
import GeoKit
import Synchronization
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct WorkersTests {
    static let boundaries = try! Boundaries(
        data: Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso2":"AA","pop_est":5},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#.utf8),
        file: "one.geojson", session: GeoSession())

    struct Failure: Error, Equatable { let job: Int }

    @Test(arguments: [1, 2, 5])
    func outputsComeInJobOrderWhateverTheWorkers(workers: Int) throws {
        let jobs = (0..<12).map { i in
            Workers.Job("job \(i)", cost: Double(i % 5)) { bench in
                // Each job uses its worker's own session and the shared boundaries.
                let area = try bench.boundaries.shape("AA", in: bench.session)!.area()
                return "\(i):\(area)"
            }
        }
        let made = try Workers.run(jobs, workers: workers, boundaries: Self.boundaries)
        #expect(made.outputs == (0..<12).map { "\($0):1.0" })
        #expect(Set(made.seconds.keys).isSuperset(of: jobs.map(\.name)))
    }

    /// Every worker gets the one land table the run made: the same storage, not a rebuild each.
    @Test func everyWorkerSharesOneLandTable() throws {
        let jobs = (0..<8).map { i in
            Workers.Job("job \(i)") { bench in
                try bench.geography().land.faces.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            }
        }
        let shared = SharedGeography(boundaries: Self.boundaries, cache: PreparedCache(folder: nil))
        let storage = try Workers.run(jobs, workers: 4, boundaries: Self.boundaries, geography: shared).outputs
        #expect(Set(storage).count == 1 && storage[0] != 0)
        #expect(try shared.get(session: GeoSession()).area(ofUnionOf: ["AA"]) > 0)
    }

    /// A job that needs land figures in a run without a geography fails instead of building its own.
    @Test func aRunWithoutGeographyRefusesLandFigures() {
        let jobs = [Workers.Job("job") { bench in try bench.geography().land.faces.count }]
        #expect(throws: WorkbenchError.self) { try Workers.run(jobs, workers: 1, boundaries: Self.boundaries) }
    }

    @Test func theFirstFailingJobInOrderIsThrown() {
        let jobs = (0..<6).map { i in
            Workers.Job("job \(i)") { _ -> Int in
                if i == 2 || i == 4 { throw Failure(job: i) }
                return i
            }
        }
        #expect(throws: Failure(job: 2)) { try Workers.run(jobs, workers: 3, boundaries: Self.boundaries) }
    }
}

@Suite(.tags(.unit)) struct WorkersMapTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test(arguments: [1, 2, 7])
    func outputsComeInIndexOrderEachWorkerWithItsState(workers: Int) throws {
        // Each worker counts the items it made in its own state: the counts add up to all.
        let made = try Workers.map(count: 20, workers: workers, state: { 0 }) { made, i in
            made += 1
            return (i * i, made)
        }
        #expect(made.map(\.0) == (0..<20).map { $0 * $0 })
        #expect(made.filter { $0.1 == 1 }.count <= workers)
    }

    @Test func theFirstFailingIndexIsThrown() {
        #expect(throws: Failure(index: 3)) {
            try Workers.map(count: 10, workers: 3, state: { () }) { _, i in
                if i == 3 || i == 8 { throw Failure(index: i) }
                return i
            }
        }
    }
}
