import Dispatch
import Synchronization

extension Workers {
    /// `make(state, i)` for every i in `0..<count`, on up to `workers` threads, the outputs in
    /// index order. Each thread makes its own `state` first (a geo session, say), used by it
    /// alone; unlike `run`, no workbench is built. Throws the error of the first failing index.
    public static func map<State, Output: Sendable>(count: Int, workers: Int, state: @Sendable () throws -> State,
                                                    make: @Sendable (inout State, Int) throws -> Output) throws -> [Output] {
        let next = Atomic<Int>(0)
        let results = Mutex<[Int: Result<Output, Error>]>([:])
        let setUp = Mutex<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            var own: State
            do { own = try state() } catch {
                setUp.withLock { $0 = $0 ?? error }
                return
            }
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                let result = Result { try make(&own, i) }
                results.withLock { $0[i] = result }
            }
        }
        if let error = setUp.withLock({ $0 }) { throw error }
        return try results.withLock { all in try (0..<count).map { try all[$0]!.get() } }
    }
}
