import Foundation
import Testing

/// The gallery made in one process on several threads equals the same files made one by one.
@Suite(.tags(.endToEnd)) struct GalleryTests {
    /// A gallery made into a new folder, which the caller removes.
    func gallery(workers: Int) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.missionmap(["gallery", "-o", dir.path, "--workers", "\(workers)"])
        #expect(run.status == 0, "\(run.stderr)")
        return dir
    }

    @Test func parallelEqualsSerialEqualsSingleCommands() throws {
        var folders: [URL] = []
        defer { folders.forEach(CLI.remove) }
        let serial = try gallery(workers: 1)
        folders.append(serial)
        let names = try FileManager.default.contentsOfDirectory(atPath: serial.path).sorted()
        #expect(names.count == 19)
        // Several parallel runs, with more workers than cores too: the order in which workers
        // take items changes from run to run, the files must not.
        var parallel = serial
        for workers in [2, 2, 4] {
            parallel = try gallery(workers: workers)
            folders.append(parallel)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parallel.path).sorted() == names)
            for name in names {
                let a = try Data(contentsOf: serial.appendingPathComponent(name)), b = try Data(contentsOf: parallel.appendingPathComponent(name))
                #expect(a == b, "\(name) differs between 1 and \(workers) workers")
            }
        }
        let single = try CLI.temporaryDirectory()
        defer { CLI.remove(single) }
        for (name, args) in [("world-2023-10-01.svg", ["render", "--as-of", "2023-10-01"]),
                             ("europe-2024-12-31.svg", ["render", "--as-of", "2024-12-31", "--region", "Europe"]),
                             ("pyongyang-2021-10-31.svg", ["render", "--host", "KP", "--city", "Pyongyang", "--as-of", "2021-10-31"]),
                             ("summary-2024-02-01.json", ["summary", "--as-of", "2024-02-01", "--format", "json"]),
                             ("timeline-pyongyang-2019-01-01-to-2025-06-30.svg",
                              ["timeline", "--host", "KP", "--from", "2019-01-01", "--to", "2025-06-30", "--every", "event"])] {
            let file = single.appendingPathComponent(name).path
            #expect(try CLI.missionmap(args + ["-o", file]).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(contentsOf: parallel.appendingPathComponent(name)), "\(name)")
        }
    }
}
