import CPROJ

/// A PROJ context: one per thread or task, never shared (hence not `Sendable`).
///
/// PROJ's log messages are captured rather than printed, so that failures surface as
/// Swift errors carrying PROJ's words instead of noise on stderr.
public final class ProjContext {
    let handle: OpaquePointer
    let messages = MessageBox()

    public init() throws {
        guard let handle = proj_context_create() else { throw GeoError.proj("proj_context_create failed") }
        self.handle = handle
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(messages).toOpaque()) { userdata, _, message in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
        }
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// The PROJ library version, e.g. "9.1.1".
    public static var version: String { String(cString: proj_info().version) }

    /// The error for the context's current errno, preferring the logged message.
    func error(_ operation: String, code: Int32? = nil) -> GeoError {
        let code = code ?? proj_context_errno(handle)
        let text = code != 0 ? String(cString: proj_context_errno_string(handle, code)) : "failed"
        return .proj("\(operation): \(messages.take(or: text))")
    }
}

@available(*, unavailable, message: "a PROJ context belongs to one thread or task")
extension ProjContext: Sendable {}
