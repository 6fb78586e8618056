import Testing

/// Every subcommand's help shows how to call it: at least one example line naming the command.
@Suite(.tags(.endToEnd)) struct HelpTests {
    static let commands = ["export", "render", "summary", "changes", "timeline", "page", "reconcile", "validate", "gallery"]

    @Test(arguments: commands)
    func helpHasExamples(command: String) throws {
        let help = try CLI.missionmap([command, "--help"])
        #expect(help.status == 0)
        // swift-argument-parser prints the discussion, where the examples are, above the options.
        let examples = help.stdout.split(separator: "\n").filter { $0.hasPrefix("  missionmap \(command)") }
        #expect(!examples.isEmpty, "\(command) --help has no example")
        #expect(help.stdout.contains("Example"), "\(command) --help")
    }
}
