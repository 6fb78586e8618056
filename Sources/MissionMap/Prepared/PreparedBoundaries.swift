/// Boundaries as a prepared file: the codes in file order, each with its population, its
/// feature's place in the file, and its shape as WKB; then the repairs' warnings. The file's
/// name is not kept: the same bytes under another name are the same boundaries, named anew.
extension Boundaries {
    static let preparedKind = "boundaries"

    func encode(into out: inout ByteWriter) {
        out.strings(codes)
        for code in codes {
            out.double(populations[code] ?? 0)
            let (index, line) = features[code]!
            out.int(index)
            out.int(line)
            out.bool(shapes[code] != nil)
            if let wkb = shapes[code] { out.raw(wkb) }
        }
        out.int(warnings.count)
        for warning in warnings {
            out.int(warning.line)
            out.string(warning.message)
            out.string(warning.severity.rawValue)
        }
    }

    init(prepared input: inout ByteReader, file: String, contentHash: ContentHash) throws {
        let codes = try input.strings()
        guard Set(codes).count == codes.count else { throw PreparedFileError.malformed("a code repeats") }
        var shapes: [String: [UInt8]] = [:], populations: [String: Double] = [:], features: [String: (index: Int, line: Int)] = [:]
        for code in codes {
            let people = try input.double()
            guard people.isFinite, people >= 0 else { throw PreparedFileError.malformed("a population is not a finite count") }
            populations[code] = people
            features[code] = (try input.int(), try input.int())
            if try input.bool() { shapes[code] = try input.raw() }
        }
        var warnings: [DataError] = []
        for _ in 0..<(try input.count(unit: 24)) {
            let line = try input.int(), message = try input.string()
            guard let severity = DataError.Severity(rawValue: try input.string()) else { throw PreparedFileError.malformed("a warning has no severity") }
            // The message was escaped when first made: keep it as it is.
            var warning = DataError(file: file, line: line, "", severity: severity)
            warning.message = message
            warnings.append(warning)
        }
        self.codes = codes
        self.shapes = shapes
        self.populations = populations
        self.features = features
        self.warnings = warnings
        self.contentHash = contentHash
        self.file = file
        label = .file(file)
    }
}
