extension Snapshot.Query {
    /// Whose posts, as headings name them: "Sweden (SE)", or "Foreign posts in North Korea (KP)"
    /// (", Chongjin" for a city), so that summaries and changes head a host view alike.
    var title: String {
        switch self {
        case .sender(let sender): "\(sender.name) (\(sender.iso2))"
        case .host(let host, let city): "Foreign posts in \(host.name) (\(host.iso2))\(city.map { ", \($0)" } ?? "")"
        }
    }
}
