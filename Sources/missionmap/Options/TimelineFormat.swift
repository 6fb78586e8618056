import ArgumentParser
import MissionMap

/// What `timeline` writes: the summary's four text formats, or a chart.
enum TimelineFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, markdown, svg

    /// The text format, for all but the chart.
    var text: SummaryFormatter.Format? {
        SummaryFormatter.Format(rawValue: rawValue)
    }
}
