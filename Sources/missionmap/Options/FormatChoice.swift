import ArgumentParser
import Foundation

/// The format of a command's output: `--format` when given, else what the extension of
/// `-o` names, else the command's default. Where both are given and disagree, or the
/// extension names a format the command cannot write, it is a usage error (DESIGN's
/// contract), found before any input is read.
struct FormatChoice<Format: RawRepresentable & Equatable> where Format.RawValue == String {
    /// File extensions (lower case, no dot) and the format each names.
    let extensions: [String: Format]
    let fallback: Format

    func resolve(given: Format?, output: String?) throws -> Format {
        let ext = output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        let named = extensions[ext]
        if let given {
            if let named, named != given {
                throw ValidationError("-o \(output!) names \(named.rawValue), but --format says \(given.rawValue): give one, or make them agree")
            }
            return given
        }
        if let named { return named }
        // No extension, or one that names no format (a device, `map.out`): the default, unless
        // it is an extension of a format this command does not write.
        if !ext.isEmpty, FormatChoice.knownElsewhere.contains(ext) {
            let known = extensions.keys.sorted().map { ".\($0)" }.joined(separator: ", ")
            throw ValidationError("-o \(output!): this command writes \(known), not .\(ext); or choose with --format")
        }
        return fallback
    }

    /// Extensions of formats some command writes, or that users reach for.
    static var knownElsewhere: Set<String> {
        ["svg", "png", "pdf", "jpg", "jpeg", "geojson", "json", "topojson", "csv", "md", "txt", "html"]
    }
}
