import CFuzzerDriver
import Foundation
import GeoKit
import MissionMap

/// One input: read it as a boundaries file, then use what was read the way the maps and
/// summaries do (area, containment), since a geometry GEOS accepted must stay usable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBoundaries(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    do {
        let context = try GEOSContext()
        let boundaries = try Boundaries(data: data, file: "fuzz.geojson", context: context)
        for code in boundaries.codes {
            guard let shape = boundaries.shape(code) else { continue }
            let valid = try shape.isValid
            precondition(valid, "\(code) is still invalid after reading")
            _ = try shape.area()
            _ = try shape.pointOnSurface()
        }
    } catch let error as DataError {
        let lines = data.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        precondition((0...lines).contains(error.line), "error line \(error.line) outside the input's \(lines) lines: \(error)")
    } catch {
        preconditionFailure("not a DataError: \(error)")
    }
    return 0
}

/// The program's main (SwiftPM names it FuzzBoundaries_main): libFuzzer's driver, with the arguments.
@_cdecl("FuzzBoundaries_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzBoundaries)
}
