/// Every error found in one input file, in line order, so that a file is fixed in one pass
/// rather than one run per error: the first `limit` are kept, with the count of them all.
public struct DataErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// The most errors shown: past a hundred, the file is more likely in the wrong format
    /// than wrong row by row, and the rest would only scroll the first ones away.
    public static let limit = 100

    public let file: String
    /// The first errors by line, at most `limit`; errors of one line keep the order found.
    public let errors: [DataError]
    /// How many errors there are in all.
    public let count: Int

    /// The errors of `file` sorted by line, and the count of `more` found but not kept, each
    /// after `limit` of those given (so none could be shown); `errors` must not be empty.
    public init(file: String, _ errors: [DataError], more: Int = 0) {
        precondition(!errors.isEmpty, "DataErrors needs at least one error")
        self.file = file
        // Sorted on (line, position found), so that the order within a line is kept.
        self.errors = errors.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .prefix(Self.limit).map(\.element)
        count = errors.count + more
    }

    /// One error alone, such as a header a file cannot be read past.
    public init(_ error: DataError) {
        self.init(file: error.file, [error])
    }

    /// `FILE: 3 errors`, or `FILE: 240 errors, the first 100 shown`; nil for a single error,
    /// which needs no count.
    public var tally: String? {
        guard count > 1 else { return nil }
        return count > errors.count ? "\(file): \(count) errors, the first \(errors.count) shown" : "\(file): \(count) errors"
    }

    /// What a user sees: one `FILE:LINE: error: message` line each, then the tally if any.
    public var lines: [String] {
        errors.map(\.description) + (tally.map { [$0] } ?? [])
    }

    public var description: String {
        lines.joined(separator: "\n")
    }
}
