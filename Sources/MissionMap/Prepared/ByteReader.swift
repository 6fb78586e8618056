/// Reads what `ByteWriter` wrote, checking every length against what is left, so that a
/// damaged payload fails with `PreparedFileError` instead of trapping or allocating wildly.
public struct ByteReader {
    private let bytes: [UInt8]
    private var at: Int

    public init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        at = start
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { at == bytes.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - at else { throw PreparedFileError.truncated }
        defer { at += count }
        return bytes[at..<(at + count)]
    }

    private mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let run = try take(MemoryLayout<T>.size)
        return run.reversed().reduce(T.zero) { $0 << 8 | T($1) }
    }

    public mutating func int() throws -> Int {
        let value = try fixed(UInt64.self)
        return Int(Int64(bitPattern: value))
    }

    /// A count of things each at least `unit` bytes long: more than the bytes left is damage.
    public mutating func count(unit: Int) throws -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - at) / max(unit, 1) else { throw PreparedFileError.truncated }
        return n
    }

    public mutating func uint32() throws -> UInt32 {
        try fixed(UInt32.self)
    }

    public mutating func double() throws -> Double {
        Double(bitPattern: try fixed(UInt64.self))
    }

    public mutating func bool() throws -> Bool {
        switch try take(1).first! {
        case 0: false
        case 1: true
        default: throw PreparedFileError.malformed("a flag is neither 0 nor 1")
        }
    }

    public mutating func raw() throws -> [UInt8] {
        Array(try take(count(unit: 1)))
    }

    public mutating func string() throws -> String {
        let run = try raw()
        guard let text = String(validating: run, as: UTF8.self) else { throw PreparedFileError.malformed("a name is not UTF-8") }
        return text
    }

    public mutating func strings() throws -> [String] {
        try (0..<count(unit: 8)).map { _ in try string() }
    }

    public mutating func doubles() throws -> [Double] {
        try (0..<count(unit: 8)).map { _ in try double() }
    }
}

/// Why a prepared file could not be read back.
public enum PreparedFileError: Error, Equatable, CustomStringConvertible {
    case truncated
    case malformed(String)

    public var description: String {
        switch self {
        case .truncated: "it ends too soon"
        case .malformed(let why): why
        }
    }
}
