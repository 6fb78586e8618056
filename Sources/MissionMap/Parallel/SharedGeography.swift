import GeoKit
import Synchronization

/// A run's geography, shared by every worker: given made, or made (read from the cache or
/// built) by the first worker that asks, while any other that asks waits for it. So no worker
/// builds its own land table, and jobs need no scheduling around who builds it.
public final class SharedGeography: Sendable {
    private let made: Mutex<Result<Geography, Error>?>
    private let boundaries: Boundaries
    private let cache: PreparedCache

    /// A geography already made.
    public init(_ geography: Geography) {
        made = Mutex(.success(geography))
        boundaries = geography.boundaries
        cache = PreparedCache(folder: nil)
    }

    /// The geography of `boundaries`, made on first use through `cache`.
    public init(boundaries: Boundaries, cache: PreparedCache) {
        made = Mutex(nil)
        self.boundaries = boundaries
        self.cache = cache
    }

    /// The geography, made now with `session` if no worker has made it yet.
    public func get(session: GeoSession) throws -> Geography {
        try made.withLock { state in
            if let state { return try state.get() }
            let result = Result { try Geography.prepared(boundaries, session: session, cache: cache) }
            state = result
            return try result.get()
        }
    }
}
