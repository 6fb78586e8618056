import Testing

extension Tag {
    /// Runs GeoKit in process on hand-made geometry.
    @Tag static var unit: Self
}
