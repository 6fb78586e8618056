import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// The bundled gazetteer checked with GEOS and PROJ: every capital and city lies in its
/// country (or within 25 km: small islands at 1:50m), and every capital agrees within 25 km
/// with a second, independent source (countryinfo), except the listed, explained exceptions.
@Suite(.tags(.unit, .bundledData)) struct GazetteerDataTests {
    static let limitKm = 25.0
    let gazetteer: Gazetteer
    let exceptions: [String: (check: String, km: Double?, reason: String)]

    init() throws {
        gazetteer = try Repo.data.gazetteer()
        let table = try CSVTable(contentsOf: Repo.data.url.appendingPathComponent("checks/capital-exceptions.csv").path,
                                 required: ["iso2", "check", "distance_km", "reason"])
        exceptions = Dictionary(uniqueKeysWithValues: table.records.map {
            ("\($0["iso2"])/\($0["check"])", ($0["check"], Double($0["distance_km"]), $0["reason"]))
        })
    }

    /// Geodesic distance in km from a point to a country's polygons: measured in an azimuthal
    /// equidistant projection centred on the point, where distances from the centre are true.
    func distanceKm(from point: XY, to shape: Geometry, proj: ProjContext) throws -> Double {
        let aeqd = try Transformer(from: "EPSG:4326", to: "+proj=aeqd +lat_0=\(point.y) +lon_0=\(point.x) +datum=WGS84 +type=crs", in: proj)
        // Only the parts on the point's side of the globe: the rest cannot be nearest, and may not project.
        let near = try shape.clipped(to: Bounds(minX: max(-180, point.x - 60), minY: max(-89, point.y - 60),
                                                maxX: min(180, point.x + 60), maxY: min(89, point.y + 60)))
        let rings = try near.polygons().flatMap { $0 }
        guard !rings.isEmpty else { return .infinity }
        let projected = try shape.context.multiLineString(rings.map { try aeqd.forward($0) })
        return try projected.distance(to: shape.context.point(XY(0, 0))) / 1000
    }

    @Test func everyCapitalAndCityLiesInItsCountry() throws {
        let session = try GeoSession()
        let geos = session.geos, proj = session.proj
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        var places = gazetteer.countries.map { ($0.iso2, $0.capital, $0.capitalLocation) }
        let cities = try CSVTable(contentsOf: Repo.data.cities, required: ["iso2", "city", "lat", "lon"])
        places += try cities.records.map { ($0["iso2"], $0["city"], try Gazetteer.location($0, file: cities.file)) }
        #expect(places.count == 241 + cities.records.count)
        var outside: [String] = []
        for (iso2, name, location) in places {
            let shape = try #require(try boundaries.shape(iso2, in: session), "\(iso2) has a polygon")
            let valid = try shape.isValid ? shape : shape.madeValid()
            if try valid.prepared().contains(geos.point(location)) { continue }
            let km = try distanceKm(from: location, to: valid, proj: proj)
            if km <= Self.limitKm { continue }
            outside.append(iso2)
            let exception = try #require(exceptions["\(iso2)/inside-polygon"], "\(name) (\(iso2)) is \(km) km outside, with no listed exception")
            #expect(abs((exception.km ?? 0) - km) < 1, "\(iso2): the exception says \(exception.km ?? 0) km, measured \(km)")
        }
        let listed = Set(exceptions.keys.filter { $0.hasSuffix("/inside-polygon") }.map { String($0.prefix(2)) })
        #expect(Set(outside) == listed, "every place outside is listed, and every listed one is really outside")
    }

    /// GeoNames' cities (`cities15000.csv`): every one in its country or within 25 km, except
    /// those of `checks/city-exceptions.csv`, each with its reason (islands not drawn at
    /// 1:50m, borders NE draws elsewhere), whose distances the test measures again.
    @Test func everyGeoNamesCityLiesInItsCountry() throws {
        let session = try GeoSession()
        let boundaries = try Boundaries(file: Repo.data.boundaries, session: session)
        let table = try CSVTable(contentsOf: Repo.data.geonamesCities, required: ["iso2", "name", "lat", "lon", "geonameid"])
        let listed = try CSVTable(contentsOf: Repo.data.url.appendingPathComponent("checks/city-exceptions.csv").path,
                                  required: ["iso2", "geonameid", "name", "distance_km", "reason"])
        let allowed = Dictionary(uniqueKeysWithValues: listed.records.map { ($0["geonameid"], (km: Double($0["distance_km"]) ?? 0, reason: $0["reason"])) })
        #expect(table.records.count > 30_000)
        var hosts: [String: (PostLocationCheck.Host, PreparedGeometry)?] = [:]
        var outside: [String] = [], skipped = 0
        for r in table.records {
            let iso2 = r["iso2"]
            if hosts[iso2] == nil {
                hosts[iso2] = try boundaries.shape(iso2, in: session).map {
                    let valid = try $0.validOrRepaired()
                    return (try PostLocationCheck.Host(valid, session), try valid.prepared())
                }
            }
            guard let (host, prepared) = hosts[iso2] ?? nil else {
                skipped += 1
                continue
            }
            let point = try Gazetteer.location(r, file: table.file)
            if try prepared.contains(session.geos.point(point)) { continue }
            // Within 0.2238° (planar, in degrees) is within 25 km: no degree is longer than 111.7 km.
            if try prepared.geometry.distance(to: session.geos.point(point)) * 111.7 <= Self.limitKm { continue }
            let km = try host.kmOutside(point)
            if km <= Self.limitKm { continue }
            outside.append(r["geonameid"])
            let exception = try #require(allowed[r["geonameid"]], "\(r["name"]) (\(iso2), \(r["geonameid"])) is \(km) km outside, with no listed exception")
            #expect(abs(exception.km - km) < 1, "\(r["name"]): the exception says \(exception.km) km, measured \(km)")
            #expect(!exception.reason.isEmpty)
        }
        #expect(Set(outside) == Set(allowed.keys), "every city outside is listed, and every listed one is really outside")
        // Every code of the file is a unit of the boundaries (capitals.csv has one row per unit).
        #expect(skipped == 0, "\(skipped) cities of codes the boundaries lack")
    }

    @Test func everyCapitalAgreesWithTheSecondSource() throws {
        let check = try CSVTable(contentsOf: Repo.data.url.appendingPathComponent("checks/capitals-countryinfo.csv").path,
                                 required: ["iso2", "capital", "lat", "lon", "source"])
        #expect(check.records.count == gazetteer.countries.count)
        var disagreeing: Set<String> = []
        for r in check.records {
            let ours = try #require(gazetteer.country(code: r["iso2"]))
            guard let lat = Double(r["lat"]), let lon = Double(r["lon"]) else {
                disagreeing.insert(ours.iso2)
                continue
            }
            let km = Geodesic.wgs84.distance(ours.capitalLocation, XY(lon, lat)) / 1000
            if km > Self.limitKm { disagreeing.insert(ours.iso2) }
            if let listed = exceptions["\(ours.iso2)/second-source"]?.km {
                #expect(abs(listed - km) < 1, "\(ours.iso2): listed \(listed) km, measured \(km)")
            }
        }
        let listed = Set(exceptions.keys.filter { $0.hasSuffix("/second-source") }.map { String($0.prefix(2)) })
        #expect(disagreeing == listed, "every disagreement is listed, and every listed one is real")
        #expect(exceptions.values.allSatisfy { !$0.reason.isEmpty })
    }
}
