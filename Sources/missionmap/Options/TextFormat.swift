import ArgumentParser
import MissionMap

extension SummaryFormatter.Format: ExpressibleByArgument {}

/// The four text formats of `summary`, `changes` and `reconcile`, chosen like every other
/// command's: `--format`, else the extension of `-o`, else the table.
enum TextFormat: OutputFiles {
    static var choice: FormatChoice<SummaryFormatter.Format> {
        FormatChoice(extensions: ["csv": .csv, "json": .json, "md": .markdown, "markdown": .markdown, "txt": .table], fallback: .table)
    }

    /// -o completes to the files `choice` knows.
    static var outputExtensions: [String] { choice.extensions.keys.sorted() }

    /// The help of `--format` for these commands.
    static let help = ArgumentHelp("Output format: table, csv, json or markdown; if absent, the extension of -o decides (.csv, .json, .md, .txt), else table.",
                                   valueName: "format")
}
