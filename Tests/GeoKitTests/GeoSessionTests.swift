import Testing
@testable import GeoKit

@Suite(.tags(.unit)) struct GeoSessionTests {
    @Test func aTransformerIsMadeOncePerSession() throws {
        let session = try GeoSession()
        let a = try session.transformer(from: "EPSG:4326", to: "+proj=eqearth +type=crs")
        let b = try session.transformer(from: "EPSG:4326", to: "+proj=eqearth +type=crs")
        let other = try session.transformer(from: "EPSG:4326", to: "+proj=robin +type=crs")
        #expect(a === b && a !== other)
        #expect(a.context === session.proj)
        #expect(try GeoSession().transformer(from: "EPSG:4326", to: "+proj=eqearth +type=crs") !== a, "never shared between sessions")
        #expect(try a.forward([XY(0, 0)]) == [XY(0, 0)])
    }

    @Test func geometriesOfOneSessionWorkTogether() throws {
        let session = try GeoSession()
        let square = try session.geos.polygon([[XY(0, 0), XY(2, 0), XY(2, 2), XY(0, 2), XY(0, 0)]])
        #expect(try square.contains(session.geos.point(XY(1, 1))))
        #expect(try square.prepared().intersects(session.geos.point(XY(2, 1))))
        #expect(try session.geos.collection(of: [square, square]).partCount == 2)
    }

    // GEOS would mix two contexts' memory and error state: each of these stops the process.
    @Test func twoContextsInOneOperationStop() async {
        await #expect(processExitsWith: .failure) {
            let a = try GEOSContext(), b = try GEOSContext()
            _ = try a.point(XY(0, 0)).intersection(b.point(XY(0, 0)))
        }
        await #expect(processExitsWith: .failure) {
            let a = try GEOSContext(), b = try GEOSContext()
            let square = try a.polygon([[XY(0, 0), XY(2, 0), XY(2, 2), XY(0, 2), XY(0, 0)]])
            _ = try square.prepared().contains(b.point(XY(1, 1)))
        }
        await #expect(processExitsWith: .failure) {
            let a = try GEOSContext(), b = try GEOSContext()
            _ = try a.collection(of: [b.point(XY(0, 0))])
        }
    }
}
