import Testing

extension Tag {
    /// Runs the built missionmap executable and reads what it writes, often with GDAL,
    /// xmllint or rsvg-convert.
    @Tag static var endToEnd: Self
}
