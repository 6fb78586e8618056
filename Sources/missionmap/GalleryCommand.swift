import ArgumentParser
import Foundation
import MissionMap

struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Write the README's gallery (maps, GeoJSON, figures) from the bundled data, in one process on every core."
    )

    @Option(name: [.short, .long], help: ArgumentHelp("The folder to write into.", valueName: "dir"))
    var output = "Output"

    @Option(help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print how long each file took, and each worker's set-up, to standard error.")
    var timings = false

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be from 1 to 64") }
    }

    func run() throws {
        try reportingErrors {
            let clock = ContinuousClock(), start = clock.now
            let (data, network, _) = try loadNetwork(missions: nil)
            let loaded = clock.now
            let made = try Gallery().makeTimed(network: network, boundariesFile: data.boundaries, workers: workers)
            let files = made.files
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
                throw CommandFailure("cannot write into \(output): it is a file, not a folder")
            }
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot make the folder \(output): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                let file = try OutputFile(path: URL(fileURLWithPath: output).appendingPathComponent(name).path)
                try file.write(text)
                try file.commit()
            }
            if timings {
                var lines = ["load      \(String(format: "%.3f", (loaded - start).seconds)) s"]
                lines += made.seconds.sorted { $0.value > $1.value }.map { "\($0.key)  \(String(format: "%.3f", $0.value)) s" }
                lines.append("total     \(String(format: "%.3f", (clock.now - start).seconds)) s")
                StandardStreams.error(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        }
    }
}
