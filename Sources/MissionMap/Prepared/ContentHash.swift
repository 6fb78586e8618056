import Crypto
import Foundation

/// The SHA-256 of some bytes: what a prepared file is keyed by (the boundaries it was made
/// from) and checked with (its own payload).
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init<D: DataProtocol>(of data: D) {
        bytes = Array(SHA256.hash(data: data))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Lower-case hexadecimal.
    public var description: String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
