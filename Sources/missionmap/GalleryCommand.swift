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

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be from 1 to 64") }
    }

    func run() throws {
        try reportingErrors {
            let (data, network, _) = try loadNetwork(missions: nil)
            let files = try Gallery().make(network: network, boundariesFile: data.boundaries, workers: workers)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                let file = try OutputFile(path: URL(fileURLWithPath: output).appendingPathComponent(name).path)
                try file.write(text)
                try file.commit()
            }
        }
    }
}
