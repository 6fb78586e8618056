import ArgumentParser

/// What `render` writes: the SVG itself, or a PNG or PDF drawn from it by RasterKit.
enum MapFormat: String, CaseIterable, ExpressibleByArgument, OutputFiles {
    case svg, png, pdf

    /// `--format` when given, else the extension of `-o`, else SVG.
    static var choice: FormatChoice<MapFormat> {
        FormatChoice(extensions: ["svg": .svg, "png": .png, "pdf": .pdf], fallback: .svg)
    }

    /// -o completes to the files `choice` knows.
    static var outputExtensions: [String] { choice.extensions.keys.sorted() }

    /// PNG and PDF are bytes that a terminal would show as garbage.
    var isBinary: Bool { self != .svg }
}
