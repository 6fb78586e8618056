import Dispatch
import GeoKit
import Synchronization

/// What one worker thread owns: its geo session (GEOS and PROJ contexts are not shared),
/// beside the values every worker shares: the boundaries and their geography.
public final class Workbench {
    public let session: GeoSession
    public let boundaries: Boundaries
    private let shared: SharedGeography?

    public init(boundaries: Boundaries, geography: SharedGeography? = nil) throws {
        session = try GeoSession()
        self.boundaries = boundaries
        shared = geography
    }

    /// The run's geography, made once for all workers.
    public func geography() throws -> Geography {
        guard let shared else { throw WorkbenchError.noGeography }
        return try shared.get(session: session)
    }
}

/// A job asked for what its run was not given.
public enum WorkbenchError: Error, CustomStringConvertible {
    case noGeography

    public var description: String {
        "internal error: a job needs the land table, but its run was started without one"
    }
}

@available(*, unavailable, message: "a workbench belongs to its worker's thread")
extension Workbench: Sendable {}

/// Many independent outputs made on several threads, each thread with a workbench of its
/// own; only values (the network, the boundaries) are shared. Every output depends on its job
/// alone, so the outputs are the same whatever the number of workers or the order of work.
public enum Workers {
    /// One output to make: its name, and its cost for scheduling (about its seconds on one core).
    public struct Job<Output: Sendable>: Sendable {
        public let name: String
        public let cost: Double
        public let make: @Sendable (Workbench) throws -> Output

        public init(_ name: String, cost: Double = 1, make: @escaping @Sendable (Workbench) throws -> Output) {
            self.name = name
            self.cost = cost
            self.make = make
        }
    }

    /// The outputs in the order of the jobs, and the seconds each job and each worker's
    /// set-up ("(worker N set-up)") took.
    public struct Made<Output: Sendable>: Sendable {
        public let outputs: [Output]
        public let seconds: [String: Double]
    }

    /// Runs the jobs on `workers` threads: the costliest first, each taken by the next free
    /// worker. Throws the error of the first failing job, in job order.
    /// Jobs that need land figures get `geography`: one value for every worker.
    public static func run<Output: Sendable>(_ jobs: [Job<Output>], workers: Int, boundaries: Boundaries,
                                             geography: SharedGeography? = nil) throws -> Made<Output> {
        let queue = jobs.indices.sorted { (jobs[$0].cost, -$0) > (jobs[$1].cost, -$1) }
        let next = Atomic<Int>(0)
        let results = Mutex<[Int: Result<Output, Error>]>([:])
        let seconds = Mutex<[String: Double]>([:])
        let setUp = Mutex<Error?>(nil)
        let clock = ContinuousClock()
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, queue.count))) { worker in
            let start = clock.now
            let bench: Workbench
            do {
                bench = try Workbench(boundaries: boundaries, geography: geography)
            } catch {
                setUp.withLock { $0 = $0 ?? error }
                return
            }
            seconds.withLock { $0["(worker \(worker) set-up)"] = (clock.now - start).seconds }
            while true {
                let u = next.add(1, ordering: .relaxed).oldValue
                guard u < queue.count else { return }
                let i = queue[u], start = clock.now
                let result = Result { try jobs[i].make(bench) }
                let took = (clock.now - start).seconds
                results.withLock { $0[i] = result }
                seconds.withLock { $0[jobs[i].name] = took }
            }
        }
        if let error = setUp.withLock({ $0 }) { throw error }
        let outputs = try results.withLock { all in try jobs.indices.map { try all[$0]!.get() } }
        return Made(outputs: outputs, seconds: seconds.withLock { $0 })
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
