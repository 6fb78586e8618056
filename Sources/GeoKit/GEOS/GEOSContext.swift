import CGEOS

/// A GEOS context: one per thread or task, never shared (hence not `Sendable`).
///
/// Every geometry keeps its context alive, so the context is finished only after the
/// last geometry made in it has been destroyed.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages = MessageBox()

    public init() throws {
        guard let handle = GEOS_init_r() else { throw GeoError.geos("GEOS_init_r failed") }
        self.handle = handle
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
        }, box)
        // Notices (for instance on invalid geometry) are informational; errors carry what matters.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The GEOS library version, e.g. "3.11.1-CAPI-1.17.1".
    public static var version: String { String(cString: GEOSversion()) }

    /// Turns a null result into an error with GEOS's message.
    func check<T>(_ result: T?, _ operation: String) throws -> T {
        guard let result else { throw GeoError.geos("\(operation): \(messages.take(or: "failed"))") }
        messages.last = nil
        return result
    }

    /// Turns GEOS's integer status convention (0 = exception) into an error.
    func check(status: Int32, _ operation: String) throws {
        if status == 0 { throw GeoError.geos("\(operation): \(messages.take(or: "failed"))") }
    }

    /// Turns GEOS's predicate convention (2 = exception) into a Bool or an error.
    func check(predicate: CChar, _ operation: String) throws -> Bool {
        if predicate == 2 { throw GeoError.geos("\(operation): \(messages.take(or: "failed"))") }
        return predicate == 1
    }

    /// Runs a GEOS call that returns nothing, so reports a failure only through the error
    /// handler, and turns such a report into an error.
    func reportingErrors<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        messages.last = nil
        let result = try body()
        if let message = messages.last {
            messages.last = nil
            throw GeoError.geos("\(operation): \(message)")
        }
        return result
    }

    /// Takes ownership of a string GEOS allocated.
    func string(_ pointer: UnsafeMutablePointer<CChar>?, _ operation: String) throws -> String {
        let pointer = try check(pointer, operation)
        defer { GEOSFree_r(handle, pointer) }
        return String(cString: pointer)
    }
}

@available(*, unavailable, message: "a GEOS context belongs to one thread or task")
extension GEOSContext: Sendable {}
