import Foundation
import GeoKit
import Testing
@testable import MissionMap

/// The types of the Lowy index and OpenStreetMap beyond the first seven: a high commission is
/// an embassy in every embassy figure yet named as itself by type; an interests section and a
/// liaison office are drawn with the representative offices.
@Suite(.tags(.unit)) struct PostTypeTests {
    typealias Squares = SummaryAnalysisTests

    /// A New Zealand-like sender SS: an embassy in AA, a high commission in BB (a Commonwealth
    /// member), an interests section in EE and a liaison office in CC.
    static let csv = """
    post_id,date,event,sender,host,type,accredited_from,source
    SS-AA,2020-01-01,opened,SS,AA,embassy,,s
    SS-BB,2020-01-01,opened,SS,BB,high-commission,,s
    SS-EE,2020-01-01,opened,SS,EE,interests-section,,s
    SS-CC,2020-01-01,opened,SS,CC,liaison-office,,s
    """

    static func snapshot(_ csv: String = csv) throws -> Snapshot {
        let network = try MissionsLog.load(table: CSVTable(text: csv, file: "nz.csv"), gazetteer: Squares.gazetteer)
        return network.snapshot(sender: "SS", asOf: Day("2022-01-01")!)
    }

    @Test func highCommissionIsAnEmbassyNamedAsItself() throws {
        let session = try GeoSession()
        let geography = try Geography(boundaries: Squares.boundaries(session), session: session)
        let summary = try Summary(Self.snapshot(), gazetteer: Squares.gazetteer, geography: geography)
        #expect(summary.totals.byType == [.embassy: 1, .highCommission: 1, .interestsSection: 1, .liaisonOffice: 1])
        #expect(summary.totals.open == 4)
        // Every one of them represents SS to its host: four resident hosts.
        #expect(summary.world.countriesResident == 4)
        let heading = SummaryFormatter.heading(summary)
        #expect(heading.contains("; embassies (incl. high commissions) 2\n"), "\(heading)")
        let json = try SummaryFormatter.json(summary)
        #expect(json.contains("\"high-commission\":1") || json.contains("\"high-commission\" : 1"), "\(json)")
        let csv = SummaryFormatter.csv([summary])
        #expect(csv.split(separator: "\n")[0].contains("open_high-commission"))
        // A log without a high commission keeps its line as it was.
        let plain = try Summary(Self.snapshot(Self.csv.replacingOccurrences(of: "high-commission", with: "embassy")),
                                gazetteer: Squares.gazetteer, geography: geography)
        #expect(!SummaryFormatter.heading(plain).contains("incl. high commissions"))
    }

    @Test func publishedCountOfEmbassiesTakesInHighCommissions() throws {
        let snapshot = try Self.snapshot()
        var embassies = PublishedCount.Scope()
        embassies.types = [.embassy]
        #expect(Reconciliation.figure(of: embassies, in: snapshot).tool == 2)
        var byName = PublishedCount.Scope()
        byName.types = [.highCommission]
        #expect(Reconciliation.figure(of: byName, in: snapshot).tool == 1)
        var offices = PublishedCount.Scope()
        offices.types = [.interestsSection, .liaisonOffice]
        #expect(Reconciliation.figure(of: offices, in: snapshot).tool == 2)
    }

    @Test func everyTypeIsBilateralButTheMissionsToOrganisations() {
        #expect(PostType.allCases.filter { !$0.isBilateral } == [.permanentMission])
        #expect(PostType.allCases.filter(\.isEmbassy) == [.embassy, .highCommission])
        // Every type has a marker shape, once.
        #expect(SVGMapRenderer.shapes.flatMap { $0 }.sorted { $0.rawValue < $1.rawValue } == PostType.allCases.sorted { $0.rawValue < $1.rawValue })
    }

    @Test func mapLegendNamesTheTypes() throws {
        let session = try GeoSession()
        let svg = try SVGMapRenderer(width: 900).render(Self.snapshot(), gazetteer: Squares.gazetteer,
                                                         boundaries: Squares.boundaries(session), session: session)
        #expect(svg.contains(">Embassy, high commission</text>"), "legend row of the circles")
        #expect(svg.contains(">Interests section, liaison office</text>"), "legend row of the triangles")
        #expect(svg.contains("class=\"post open high-commission\""))
        #expect(svg.contains("Beeland: high commission, open"), "tooltip")
        // A sender whose only embassy-level post is a high commission: the row is its own name.
        let onlyHC = try Self.snapshot(Self.csv.split(separator: "\n").filter { !$0.contains(",embassy,") }.joined(separator: "\n"))
        let svg2 = try SVGMapRenderer(width: 900).render(onlyHC, gazetteer: Squares.gazetteer, boundaries: Squares.boundaries(session), session: session)
        #expect(svg2.contains(">High commission</text>"))
        // A high commission is drawn as an embassy is: a circle.
        #expect(svg2.contains("<circle class=\"post open high-commission\""))
    }

    @Test func geoJSONTypeProperty() throws {
        let text = try GeoJSONWriter().string(Self.snapshot())
        for type in ["high-commission", "interests-section", "liaison-office", "embassy"] {
            #expect(text.contains("\"type\":\"\(type)\""), "\(type)")
        }
    }
}
