import ArgumentParser
import Foundation

/// Where a command writes: a file given with -o (written whole or not at all), or stdout.
typealias OutputOptions = OutputOptionsOf<AnyFile>

/// The files a command writes, by extension (lower case, no dot): what a shell offers to
/// complete -o with, beside folders; none for any file.
protocol OutputFiles {
    static var outputExtensions: [String] { get }
}

/// Any file: for commands whose format does not follow the name of -o.
enum AnyFile: OutputFiles {
    static var outputExtensions: [String] { [] }
}

/// Where a command writes (`OutputOptions`), with -o completed in a shell to `Files`.
struct OutputOptionsOf<Files: OutputFiles>: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
            completion: Files.outputExtensions.isEmpty ? .file() : .file(extensions: Files.outputExtensions))
    var output: String?

    func write(_ text: String) throws {
        try stream { try $0(text) }
    }

    /// Writes bytes (a PNG, a PDF) whole: to standard output, or to a file that appears only complete.
    func write(_ bytes: Data) throws {
        guard let output else {
            try StandardStreams.output(bytes)
            return
        }
        let file = try OutputFile(path: output)
        try file.write(bytes)
        try file.commit()
    }

    /// Hands `body` a sink for the output as it is produced: standard output, or a file that
    /// appears only once `body` has finished without error.
    func stream(_ body: ((String) throws -> Void) throws -> Void) throws {
        guard let output else {
            var buffer = Data()
            try body { text in
                buffer.append(contentsOf: text.utf8)
                if buffer.count >= 1 << 16 {
                    try StandardStreams.output(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try StandardStreams.output(buffer)
            return
        }
        let file = try OutputFile(path: output)
        try body(file.write)
        try file.commit()
    }
}
