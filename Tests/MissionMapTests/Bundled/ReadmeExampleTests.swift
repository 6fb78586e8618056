import Foundation
import Testing
@testable import MissionMap

/// The missions-log example in the README is a working file.
@Suite(.tags(.unit, .bundledData)) struct ReadmeExampleTests {
    @Test func exampleLoadsAndSpainIsCoveredFromRome() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```csv\n").dropFirst().first?.components(separatedBy: "```").first)
        let gazetteer = try Gazetteer(capitalsFile: Repo.data.capitals, citiesFile: Repo.data.cities)
        let network = try MissionsLog.load(table: CSVTable(text: block, file: "README.md", required: MissionsLog.requiredColumns), gazetteer: gazetteer)
        #expect(network.warnings.isEmpty)
        let madrid = try #require(network.snapshot(sender: "KP", asOf: Day("2024-01-01")!).post(id: "KP-ES-MADRID"))
        #expect(madrid.status == .crossAccredited && madrid.accreditedFrom == "KP-IT-ROME")
    }
}
