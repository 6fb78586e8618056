import CRsvg
import Foundation

/// Collects what cairo writes through its stream functions, in memory. cairo is handed the
/// sink's address as its closure, so the C callback keeps no global state; the caller keeps
/// the sink alive (`withExtendedLifetime`) for as long as the surface may write.
final class ByteSink {
    private(set) var data = Data()

    /// The closure pointer to hand cairo with `write`.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// cairo's write callback: appends to the sink named by the closure pointer.
    static var write: cairo_write_func_t {
        { closure, bytes, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            guard length > 0 else { return CAIRO_STATUS_SUCCESS }
            guard let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
    }
}
