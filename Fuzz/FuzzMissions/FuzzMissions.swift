import Foundation
import FuzzSupport
import MissionMap

/// The bundled gazetteer, read once: the fuzzer varies the log, not the places.
let gazetteer: Gazetteer = {
    let geo = ProcessInfo.processInfo.environment["MISSIONMAP_DATA"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Geo").path
    return try! DataDirectory(url: URL(fileURLWithPath: geo)).gazetteer()
}()

/// One input: parse it as a missions log; a data error is a correct answer, a crash is a find.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMissions(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    expectLocatedErrors(in: Data(bytes: bytes, count: count), lines: csvLines) { data in
        let network = try MissionsLog.load(data: data, file: "fuzz.csv", gazetteer: gazetteer)
        // Snapshots of whatever was accepted: the analysis must hold up too.
        for sender in network.senders.prefix(3) {
            _ = network.snapshot(.sender(sender), asOf: Day("2024-01-01")!)
        }
    }
    return 0
}

/// Lines as the CSV parser counts them (LF, CR LF or a lone CR), or as LF alone for input that
/// is not UTF-8, whose error line comes from the raw bytes.
func csvLines(_ data: Data) -> Int {
    let text = String(decoding: data, as: UTF8.self)
    return max(lineFeedLines(data), 1 + text.count(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }))
}

@_cdecl("FuzzMissions_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzMissions)
}
