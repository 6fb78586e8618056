import Dispatch
import Synchronization

extension Summary {
    /// Summaries of many senders, computed on `workers` threads and returned in the order of
    /// `senders`, with the warnings from reading the boundaries (see `Boundaries.warnings(against:)`).
    ///
    /// Each worker reads the boundaries into GEOS and PROJ contexts of its own and builds its
    /// own geography (the land arrangement, made once per worker); only the network, a value,
    /// is shared. Workers take senders one at a time, so a big network does not hold up the
    /// rest; the summaries do not depend on the number of workers or the order of work.
    public static func of(_ network: Network, senders: [String], asOf: Day, compareTo: Day? = nil,
                          by grouping: Grouping = .region, boundariesFile: String,
                          workers: Int) throws -> (summaries: [Summary], warnings: [DataError]) {
        let workers = max(1, min(workers, senders.count))
        let next = Atomic<Int>(0)
        let results = Mutex<[Int: Result<Summary, Error>]>([:])
        let setUp = Mutex<[Int: Result<[DataError], Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let geography: Geography
            do {
                geography = try Geography(boundariesFile: boundariesFile)
                setUp.withLock { $0[worker] = .success(geography.boundaryWarnings(against: network.gazetteer)) }
            } catch {
                setUp.withLock { $0[worker] = .failure(error) }
                return
            }
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < senders.count else { return }
                let result = Result {
                    try Summary.of(network, sender: senders[i], asOf: asOf, compareTo: compareTo, by: grouping, geography: geography)
                }
                results.withLock { $0[i] = result }
            }
        }
        let warnings = try setUp.withLock { try $0[0]!.get() }
        let summaries = try results.withLock { all in try senders.indices.map { try all[$0]!.get() } }
        return (summaries, warnings)
    }
}
