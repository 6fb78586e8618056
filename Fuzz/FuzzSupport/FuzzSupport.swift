import CFuzzerDriver
import Foundation
import MissionMap

/// One fuzz input through a reader: a `DataError` whose line lies inside the input is a
/// correct answer, as `FILE:LINE` promises, and so are `DataErrors` whose every line does,
/// in line order, no more than the limit shown; any other error, like a crash, is a find.
/// `lines` says how many lines the input has, as that reader counts them.
public func expectLocatedErrors(in data: Data, lines: (Data) -> Int, _ read: (Data) throws -> Void) {
    do {
        try read(data)
    } catch let error as DataError {
        let count = lines(data)
        precondition((0...count).contains(error.line), "error line \(error.line) outside the input's \(count) lines: \(error)")
    } catch let errors as DataErrors {
        let count = lines(data)
        precondition(!errors.errors.isEmpty && errors.errors.count <= DataErrors.limit && errors.count >= errors.errors.count,
                     "\(errors.errors.count) errors shown of \(errors.count)")
        precondition(zip(errors.errors, errors.errors.dropFirst()).allSatisfy { $0.line <= $1.line }, "errors out of line order: \(errors)")
        for error in errors.errors {
            precondition(error.file == errors.file, "an error of another file: \(error)")
            precondition((0...count).contains(error.line), "error line \(error.line) outside the input's \(count) lines: \(error)")
        }
    } catch {
        preconditionFailure("not a DataError: \(error)")
    }
}

/// The input's lines counted by LF bytes alone.
public func lineFeedLines(_ data: Data) -> Int {
    1 + data.count(where: { $0 == 0x0A })
}

/// A fuzz target's `main` (SwiftPM renames each executable's main to `<Module>_main`):
/// libFuzzer's driver, given the program's arguments and the target's callback.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
