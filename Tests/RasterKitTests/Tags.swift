import Testing

extension Tag {
    /// Runs RasterKit in process on hand-written SVG.
    @Tag static var unit: Self
}
