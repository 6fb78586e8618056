import Testing
@testable import MissionMap

/// The bundled log read month by month from 1990 to 2025, both directions: what its figures
/// may and may not do.
@Suite(.tags(.unit, .bundledData)) struct HistoricalRecordTests {
    let network: Network
    let months: [Day]
    /// Every post's status at each month's end (nil: it did not exist yet).
    let statuses: [String: [PostStatus?]]
    init() throws {
        network = try MissionsLog.load(file: Repo.data.missions, gazetteer: Repo.data.gazetteer())
        let months = (1990...2025).flatMap { year in
            (1...12).map { month in Day(year: year, month: month, day: Day(year: year, month: month, day: 1)!.daysInMonth)! }
        }
        var statuses = Dictionary(uniqueKeysWithValues: network.posts.map { ($0.id, [PostStatus?](repeating: nil, count: months.count)) })
        for sender in network.senders.map(\.iso2) {
            for (i, month) in months.enumerated() {
                for state in network.snapshot(sender: sender, asOf: month).posts { statuses[state.post.id]![i] = state.status }
            }
        }
        self.months = months
        self.statuses = statuses
    }

    func series(_ post: Post) -> [PostStatus?] {
        statuses[post.id]!
    }

    @Test func everyRiseIsAnOpeningOrAReturnNeverAFirstAttestation() throws {
        var rises = 0
        for post in network.posts {
            let statuses = series(post)
            for i in 1..<months.count where statuses[i] == .open && statuses[i - 1] != .open {
                // From unknown to open is the first evidence arriving, which the unknown count
                // already held; any other rise must rest on an opening or a return.
                guard statuses[i - 1] != .unknown else { continue }
                rises += 1
                let cause = post.events.filter { $0.date.knownBy > months[i - 1] && $0.date.knownBy <= months[i] }
                #expect(cause.contains { $0.kind == .opened || $0.kind == .resumed },
                        "\(post.id) turns open by \(months[i]) from \(statuses[i - 1].map(\.rawValue) ?? "nothing") on \(cause.map(\.kind.rawValue))")
                #expect(cause.allSatisfy { !$0.source.isEmpty })
            }
        }
        #expect(rises > 20, "the series has openings and returns to check: \(rises)")
    }

    @Test func noHostThatOnlyEverHadCoverIsEverClosed() throws {
        let coverOnly = network.posts.filter { post in
            post.events.allSatisfy { [.accredited, .accreditationEnded, .planned].contains($0.kind) }
        }
        #expect(coverOnly.count > 10)
        for post in coverOnly {
            #expect(!series(post).contains(.closed), "\(post.id)")
        }
        // Kenya lost its cover with Kampala in Oct 2023, Jordan's ended with its ties in 2018.
        let kenya = try #require(network.posts.first { $0.id == "KP-KE" })
        #expect(series(kenya)[months.firstIndex(of: Day(year: 2024, month: 2, day: 29)!)!] == .uncovered)
        #expect(network.snapshot(sender: "KP", asOf: Day(year: 2024, month: 2, day: 1)!).countryStatuses["KE"] == .uncovered)
    }

    @Test func foreignEmbassiesInPyongyangFallInCOVIDAndNeverRiseByAttestation() throws {
        func open(_ date: String) throws -> [String] {
            try network.senders.map(\.iso2).filter { sender in
                network.snapshot(sender: sender, asOf: try #require(Day(date))).posts.contains {
                    $0.post.host.iso2 == "KP" && $0.post.type == .embassy && $0.status == .open
                }
            }
        }
        #expect(try open("2019-12-31").count == 24)
        #expect(try open("2021-10-11").sorted() == ["CN", "CU", "EG", "LA", "MN", "PS", "RU", "SY", "VN"])
        #expect(try open("2024-12-17").count == 15)
        let counts = try ["2019-12-31", "2020-06-30", "2020-12-31", "2021-06-30", "2021-12-31"].map { try open($0).count }
        #expect(counts == counts.sorted(by: >), "the exodus only ever shrinks the count: \(counts)")
    }

    @Test func everyPublishedCountAgreesWithTheLog() throws {
        let counts = try PublishedCount.load(file: Repo.data.publishedCounts, gazetteer: network.gazetteer)
        #expect(counts.count >= 40)
        #expect(Set(counts.map(\.direction)) == [.abroad, .inHost])
        #expect(counts.map(\.date.year).min()! <= 1995 && counts.map(\.date.year).max()! >= 2025)
        for r in Reconciliation.of(counts, in: network) {
            #expect(r.agrees, "line \(r.count.line): \(r.count.date) published \(r.count.figure), log \(r.tool) + \(r.unknown) unknown, ±\(r.count.tolerance)")
            if r.count.tolerance > 0 { #expect(!r.count.note.isEmpty, "a tolerance says why (line \(r.count.line))") }
        }
    }

    @Test func exactSourcesAreMetExactly() throws {
        let counts = try PublishedCount.load(file: Repo.data.publishedCounts, gazetteer: network.gazetteer)
        let rows = Reconciliation.of(counts, in: network)
        func row(_ date: String, _ figure: Int) throws -> Reconciliation {
            try #require(rows.first { $0.count.date.description == date && $0.count.figure == figure && $0.count.scope.types == nil && $0.count.scope.regions == nil })
        }
        for (date, figure) in [("2023-10-01", 53), ("2024-01-30", 44), ("2023-11-03", 49)] {
            let r = try row(date, figure)
            #expect(r.tool == figure && r.unknown == 0 && r.count.tolerance == 0, "\(date)")
        }
    }
}

@Suite(.tags(.unit)) struct PublishedCountFileTests {
    func load(_ rows: String) throws -> [PublishedCount] {
        let table = try CSVTable(text: "date,direction,sender,host,scope,figure,tolerance,source,note\n" + rows, file: "counts.csv", required: PublishedCount.columns)
        return try table.records.map { try PublishedCount(record: $0, file: table.file, gazetteer: Fixture.gazetteer) }
    }

    func error(_ rows: String) -> String? {
        do { _ = try load(rows); return nil } catch { return (error as? DataError)?.description }
    }

    @Test func scopesParseAndFilter() throws {
        let c = try #require(try load("2020-01-01,abroad,AA,,status=open|suspended;type=embassy;region=Europe;country=CC;except=BB,3,1,s,\n").first)
        #expect(c.scope.statuses == [.open, .suspended] && c.scope.types == [.embassy])
        #expect(c.scope.regions == ["Europe"] && c.scope.countries == ["CC"] && c.scope.except == ["BB"])
        #expect(c.direction == .abroad && c.country.iso2 == "AA" && c.figure == 3 && c.tolerance == 1)
    }

    @Test func badRowsAreErrorsAtTheirLine() {
        #expect(error("2020-02-30,abroad,AA,,,1,0,s,\n") == "counts.csv:2: error: invalid date '2020-02-30': expected YYYY-MM-DD")
        #expect(error("2020-01-01,sideways,AA,,,1,0,s,\n")?.contains("unknown direction 'sideways'") == true)
        #expect(error("2020-01-01,abroad,AA,,colour=red,1,0,s,\n")?.contains("unknown scope key 'colour'") == true)
        #expect(error("2020-01-01,abroad,AA,,,0x10,0,s,\n")?.contains("figure must be a whole number") == true)
        #expect(error("2020-01-01,in-host,,ZZ,,1,0,s,\n")?.contains("in-host needs a known host") == true)
        #expect(error("2020-01-01,abroad,AA,,,1,0,,\n") == "counts.csv:2: error: every published count needs its source")
    }

    @Test func theLogsRangeWidensWithUnknownPosts() throws {
        let network = try Fixture.network("""
        AA-BB,2021,attested,AA,BB,,embassy,,,,s1,
        AA-CC,2019-01-01,opened,AA,CC,,embassy,,,,s2,
        BB-CC,2019-01-01,opened,BB,CC,,embassy,,,,s3,
        """)
        let counts = try load("""
        2020-01-01,abroad,AA,,,2,0,s,
        2020-01-01,abroad,AA,,,3,0,s,
        2020-01-01,abroad,AA,,,3,1,s,
        2020-01-01,in-host,,CC,,2,0,s,
        2020-01-01,in-host,,CC,region=Oceania,0,0,s,

        """)
        let rows = Reconciliation.of(counts, in: network)
        #expect(rows.map(\.tool) == [1, 1, 1, 2, 0] && rows.map(\.unknown) == [1, 1, 1, 0, 0])
        #expect(rows.map(\.agrees) == [true, false, true, true, true])
        #expect(rows.map(\.verdict) == ["within the unknown", "differs", "within tolerance", "exact", "exact"])
    }
}
