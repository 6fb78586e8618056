import Foundation
import FuzzSupport
import GeoKit
import MissionMap

/// One input: read it as a boundaries file, then use what was read the way the maps and
/// summaries do (area, a point inside), since a geometry GEOS accepted must stay usable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBoundaries(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    expectLocatedErrors(in: Data(bytes: bytes, count: count), lines: lineFeedLines) { data in
        let session = try GeoSession()
        let boundaries = try Boundaries(data: data, file: "fuzz.geojson", session: session)
        for code in boundaries.codes {
            guard let shape = try boundaries.shape(code, in: session) else { continue }
            let valid = try shape.isValid
            precondition(valid, "\(code) is still invalid after reading")
            _ = try shape.area()
            _ = try shape.pointOnSurface()
        }
    }
    return 0
}

@_cdecl("FuzzBoundaries_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzBoundaries)
}
