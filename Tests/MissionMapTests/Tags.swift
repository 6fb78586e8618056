import Testing

extension Tag {
    /// Runs the library in process, on hand-made inputs unless also tagged `bundledData`.
    @Tag static var unit: Self
    /// Reads the bundled data in Geo/: checks the data as much as the code.
    @Tag static var bundledData: Self
}
