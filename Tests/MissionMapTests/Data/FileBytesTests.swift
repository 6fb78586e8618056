import Foundation
import Testing
@testable import MissionMap

/// Whole inputs read from regular files and from streams, which have no size to read up to.
@Suite(.tags(.unit)) struct FileBytesTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("missionmap-bytes-\(UUID().uuidString)-\(name)").path
    }

    @Test func regularAndEmptyFiles() throws {
        let path = Self.temporaryPath("a.csv"), empty = Self.temporaryPath("empty.csv")
        defer { unlink(path); unlink(empty) }
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: URL(fileURLWithPath: path))
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(try FileBytes.read(path) == bytes)
        #expect(try FileBytes.read(empty) == Data())
    }

    /// A FIFO, as `<(…)` gives, written in several pieces larger than one read.
    @Test func fifoIsReadToItsEnd() throws {
        let path = Self.temporaryPath("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let piece = Data(repeating: 0x61, count: 70_000)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            for _ in 0..<3 { _ = piece.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
            close(fd)
        }
        writer.start()
        let data = try FileBytes.read(path)
        #expect(data.count == 3 * piece.count)
        #expect(data.allSatisfy { $0 == 0x61 })
    }

    @Test func unreadableInputsAndTheSizeLimit() throws {
        #expect(throws: DataError(file: "/nonexistent/m.csv", line: 0, "cannot read file")) { try FileBytes.read("/nonexistent/m.csv") }
        #expect(throws: DataError(file: "/tmp", line: 0, "cannot read file")) { try FileBytes.read("/tmp") }
        #expect(throws: DataError(file: "zero", line: 0, "larger than 100000 bytes: cannot read file")) {
            try FileBytes.read("/dev/zero", name: "zero", limit: 100_000)
        }
        let path = Self.temporaryPath("big.csv")
        defer { unlink(path) }
        try Data(count: 100_001).write(to: URL(fileURLWithPath: path))
        #expect(throws: DataError(file: path, line: 0, "larger than 100000 bytes: cannot read file")) {
            try FileBytes.read(path, name: nil, limit: 100_000)
        }
        #expect(try FileBytes.read(path, name: nil, limit: 100_001).count == 100_001)
    }

    @Test func standardInputIsNamedInMessages() {
        #expect(FileBytes.displayName("-") == "<stdin>")
        #expect(FileBytes.displayName("./-") == "./-")
        #expect(DataError(file: FileBytes.displayName("-"), line: 3, "bad").description == "<stdin>:3: error: bad")
    }
}
