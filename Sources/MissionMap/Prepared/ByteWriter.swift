/// Builds the payload of a prepared file: fixed-width little-endian integers and IEEE doubles
/// (bit patterns, so a double read back is the same double), and length-prefixed strings and
/// byte runs.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func raw(_ run: [UInt8]) {
        int(run.count)
        bytes.append(contentsOf: run)
    }

    public mutating func string(_ text: String) {
        raw(Array(text.utf8))
    }

    public mutating func strings(_ texts: [String]) {
        int(texts.count)
        for text in texts { string(text) }
    }

    public mutating func doubles(_ values: [Double]) {
        int(values.count)
        for value in values { double(value) }
    }
}
