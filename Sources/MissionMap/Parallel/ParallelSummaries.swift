extension Summary {
    /// The summaries of a request's senders, made on `workers` threads (see below).
    public static func of(_ request: Request, compareTo: Day? = nil, by grouping: Grouping = .region,
                          geography: Geography, workers: Int) throws -> [Summary] {
        try of(request.network, senders: request.senders, asOf: request.asOf, compareTo: compareTo, by: grouping,
               geography: geography, workers: workers)
    }

    /// Summaries of many senders, made on `workers` threads (see `Workers`) and returned in
    /// the order of `senders`. Every worker shares `geography`.
    public static func of(_ network: Network, senders: [Country], asOf: Day, compareTo: Day? = nil,
                          by grouping: Grouping = .region, geography: Geography, workers: Int) throws -> [Summary] {
        let jobs = senders.map { sender in
            Workers.Job(sender.iso2) { bench in
                try Summary.of(network, sender: sender, asOf: asOf, compareTo: compareTo, by: grouping, geography: bench.geography())
            }
        }
        return try Workers.run(jobs, workers: workers, boundaries: geography.boundaries, geography: SharedGeography(geography)).outputs
    }
}
