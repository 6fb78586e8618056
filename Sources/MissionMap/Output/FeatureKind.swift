/// The kinds of feature an export holds, as its `kind` property names them: one kind alone
/// has one geometry type (points, lines or polygons), which a Shapefile needs.
public enum FeatureKind: String, CaseIterable, Sendable {
    case post, accreditation, country
}
