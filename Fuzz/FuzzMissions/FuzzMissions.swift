import CFuzzerDriver
import Foundation
import MissionMap

/// The bundled gazetteer, read once: the fuzzer varies the log, not the places.
let gazetteer: Gazetteer = {
    let geo = ProcessInfo.processInfo.environment["MISSIONMAP_DATA"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Geo").path
    return try! DataDirectory(url: URL(fileURLWithPath: geo)).gazetteer()
}()

/// One input: parse it as a missions log; a data error is a correct answer, a crash is a find.
/// Every error must carry a line inside the input, as `FILE:LINE` promises.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMissions(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    do {
        let table = try CSVTable(data: data, file: "fuzz.csv", required: MissionsLog.requiredColumns)
        let network = try MissionsLog.load(table: table, gazetteer: gazetteer)
        // Snapshots and changes of whatever was accepted: the analysis must hold up too.
        for sender in network.senders.prefix(3) {
            _ = network.snapshot(sender: sender, asOf: Day("2024-01-01")!)
        }
    } catch let error as DataError {
        // Lines as the parser counts them (LF, CR LF or a lone CR), or as LF alone for input
        // that is not UTF-8, whose error line comes from the raw bytes.
        let text = String(decoding: data, as: UTF8.self)
        let lines = 1 + max(data.count(where: { $0 == 0x0A }), text.count(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }))
        precondition((0...lines).contains(error.line), "error line \(error.line) outside the input's \(lines) lines: \(error)")
    } catch {
        preconditionFailure("not a DataError: \(error)")
    }
    return 0
}

/// The program's main (SwiftPM names it FuzzMissions_main): libFuzzer's driver, with the arguments.
@_cdecl("FuzzMissions_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzMissions)
}
