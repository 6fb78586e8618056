import Foundation

/// An RFC 7946 checker independent of the writer: it parses the written text with
/// Foundation and lists every rule a geometry breaks.
enum GeoJSONChecker {
    struct Report {
        var features: [[String: Any]] = []
        var problems: [String] = []
    }

    static func check(_ text: String, decimals: Int = 6) throws -> Report {
        var report = Report()
        guard let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              json["type"] as? String == "FeatureCollection",
              let features = json["features"] as? [[String: Any]] else {
            report.problems.append("not a FeatureCollection")
            return report
        }
        report.features = features
        var all: [[Double]] = []
        for feature in features {
            let id = feature["id"] as? String ?? "?"
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
                report.problems.append("\(id): no geometry")
                continue
            }
            let coordinates = geometry["coordinates"]
            var lines: [[[Double]]] = []
            var polygons: [[[[Double]]]] = []
            switch type {
            case "Point": lines = [[coordinates as? [Double] ?? []]]
            case "LineString": lines = [coordinates as? [[Double]] ?? []]
            case "MultiLineString": lines = coordinates as? [[[Double]]] ?? []
            case "Polygon": polygons = [coordinates as? [[[Double]]] ?? []]
            case "MultiPolygon": polygons = coordinates as? [[[[Double]]]] ?? []
            default: report.problems.append("\(id): unexpected type \(type)")
            }
            for line in lines where type != "Point" && line.count < 2 {
                report.problems.append("\(id): a line with \(line.count) positions")
            }
            for polygon in polygons {
                for (index, ring) in polygon.enumerated() {
                    if ring.count < 4 { report.problems.append("\(id): ring with \(ring.count) positions") }
                    if ring.first != ring.last { report.problems.append("\(id): ring not closed") }
                    // Shoelace sum: positive for counter-clockwise.
                    let area = zip(ring, ring.dropFirst()).reduce(0.0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] }
                    if index == 0 && area <= 0 { report.problems.append("\(id): exterior ring not counter-clockwise") }
                    if index > 0 && area >= 0 { report.problems.append("\(id): hole not clockwise") }
                }
                lines += polygon
            }
            for line in lines {
                for p in line {
                    if p.count != 2 || !p.allSatisfy(\.isFinite) { report.problems.append("\(id): bad position \(p)") }
                    if abs(p[0]) > 180 || abs(p[1]) > 90 { report.problems.append("\(id): position out of range \(p)") }
                }
                for (a, b) in zip(line, line.dropFirst()) {
                    if a == b { report.problems.append("\(id): repeated position \(a)") }
                    if abs(a[0] - b[0]) > 180 { report.problems.append("\(id): segment crosses the antimeridian \(a) -> \(b)") }
                }
                all += line
            }
        }
        // Precision: no coordinate has more decimals than asked for.
        let number = try NSRegularExpression(pattern: #"-?\d+\.(\d+)"#)
        let geometryText = text.components(separatedBy: "\"coordinates\":").dropFirst().map { $0.prefix { $0 != "}" } }.joined()
        let ns = geometryText as NSString
        for match in number.matches(in: geometryText, range: NSRange(location: 0, length: ns.length))
        where match.range(at: 1).length > decimals {
            report.problems.append("a coordinate with more than \(decimals) decimals: \(ns.substring(with: match.range))")
            break
        }
        if let bbox = json["bbox"] as? [Double], bbox.count == 4 {
            let outside = all.filter { $0.count == 2 && ($0[0] < bbox[0] || $0[1] < bbox[1] || $0[0] > bbox[2] || $0[1] > bbox[3]) }
            if !outside.isEmpty { report.problems.append("\(outside.count) positions outside the bbox") }
            let tight = [all.map { $0[0] }.min(), all.map { $0[1] }.min(), all.map { $0[0] }.max(), all.map { $0[1] }.max()]
            if tight.compactMap({ $0 }) != bbox { report.problems.append("bbox \(bbox) is not the extent \(tight)") }
        } else if !features.isEmpty {
            report.problems.append("no bbox on the collection")
        }
        return report
    }
}
