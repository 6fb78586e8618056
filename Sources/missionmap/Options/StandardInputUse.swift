import ArgumentParser
import MissionMap

/// Standard input can be read once: at most one input of a command may be `-`.
enum StandardInputUse {
    /// A usage error when more than one of `inputs` (option, path given) is `-`.
    static func check(_ inputs: KeyValuePairs<String, String?>) throws {
        let named = inputs.filter { $0.value == FileBytes.standardInput }.map(\.key)
        if named.count > 1 {
            throw ValidationError("\(named.joined(separator: " and ")) \(named.count == 2 ? "both" : "all") name standard input (-), which can be read only once: give all but one as files")
        }
    }
}
