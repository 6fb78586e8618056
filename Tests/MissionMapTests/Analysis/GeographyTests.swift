import Foundation
import GeoKit
import Testing
@testable import MissionMap

@Suite(.tags(.unit, .bundledData)) struct GeographyTests {
    /// The faces of the arrangement give the same union areas as GEOS's unary union, region
    /// by region and for a scattered set, on the bundled 1:50m boundaries.
    @Test func facesAgreeWithUnaryUnion() throws {
        let gazetteer = try Repo.data.gazetteer()
        let session = try GeoSession()
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let geography = try Geography(boundaries: boundaries, session: session)
        var sets = Summary.unRegions.map { region in gazetteer.countries.filter { $0.region == region }.map(\.iso2) }
        sets.append(["IN", "CN", "PK", "NP", "BT", "BD"])   // India (invalid in Natural Earth) and its neighbours
        sets.append(["RU", "FJ", "US", "AQ"])               // shapes split at ±180°
        for codes in sets {
            let faces = geography.area(ofUnionOf: codes)
            let union = try LandTable.areaByUnaryUnion(of: codes, boundaries: boundaries, session: session)
            #expect(abs(faces - union) / union < 1e-9, "\(codes.prefix(3)): \(faces) vs \(union)")
        }
    }
}
