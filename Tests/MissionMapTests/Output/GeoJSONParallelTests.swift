import Foundation
import GeoKit
import Testing
@testable import MissionMap

@Suite(.tags(.unit)) struct GeoJSONParallelTests {
    /// Five senders, with covers (a line split at ±180°, which widens the box), a post left
    /// out by --status and a sender with no post on the date.
    static let network = try! Fixture.network("""
    A-BB,2020-01-01,opened,AA,BB,,embassy,,,,http://s/1,
    A-CC,2021-01-01,accredited,AA,CC,,embassy,A-BB,,,http://s/2,"note, quoted"
    B-AA,2019-05-01,opened,BB,AA,Port Aa,consulate,,,,s,
    B-PE,2019-05-01,opened,BB,PE,,embassy,,,,s,
    B-FJ,2019-06-01,accredited,BB,FJ,,embassy,B-PE,,,s,
    C-AA,2030-01-01,opened,CC,AA,,embassy,,,,s,
    P-FJ,2018-01-01,opened,PE,FJ,,embassy,,,,s,
    P-AA,2018-02-01,opened,PE,AA,,embassy,,,,s,
    P-AA,2019-02-01,closed,PE,AA,,embassy,,,,s,
    F-CC,2017-01-01,opened,FJ,CC,,embassy,,-15.0000001,-170.5,s,
    """)

    /// The document of every sender as one thread writes it, through the snapshots.
    func serial(_ request: Request, countries: NetworkCountries?) throws -> String {
        var text = ""
        try GeoJSONWriter().write(request.snapshots, countries: countries) { text += $0 }
        return text
    }

    @Test(arguments: [(1, 1), (2, 2), (2, 3), (3, 12)])
    func everySenderOnWorkersIsTheOneThreadDocument(workers: Int, ahead: Int) throws {
        let request = Request(network: Self.network, logName: "fixture", selection: .all, asOf: Day("2024-01-01")!)
        var text = ""
        try GeoJSONWriter().write(request, countriesIn: nil, workers: workers, ahead: ahead) { text += $0 }
        #expect(text == (try serial(request, countries: nil)))
        #expect(text.contains("\"id\":\"B-PE>B-FJ\"") && text.contains("\"id\":\"F-CC\""))
    }

    @Test(arguments: [1, 2])
    func countriesOnWorkersAreTheOneThreadDocument(workers: Int) throws {
        let session = try GeoSession()
        let request = Request(network: Self.network, logName: "fixture", selection: .all, asOf: Day("2024-01-01")!,
                              boundaries: WorkersTests.boundaries)
        var text = ""
        try GeoJSONWriter().write(request, countriesIn: session, workers: workers, ahead: 2) { text += $0 }
        #expect(text == (try serial(request, countries: (WorkersTests.boundaries, session))))
        #expect(text.contains("\"id\":\"country:BB:AA\""), "each worker draws the countries in its own session")
    }
}
