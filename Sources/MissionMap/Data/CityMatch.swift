import GeoKit

/// What a city name found in a country: the capital, a hand-made city, or GeoNames' cities.
///
/// The capital and the hand-made cities (`cities.csv`) come first. Then the rule for
/// GeoNames' cities: a name matches a city's name or ASCII name (primary) or one of its alternate
/// names, ignoring case and accents. Primary matches are taken alone if there are any (a
/// user who writes "Sydney" means the city called Sydney, not one also known as Sydney).
/// Among the matches left, one that has at least `dominance` times the people of every
/// other wins ("Frankfurt" is Frankfurt am Main, 650,000, not Frankfurt (Oder), 57,000):
/// a post is far likelier in the large city, and asking would only be noise. Otherwise the
/// name is ambiguous, an error listing the candidates: no guess puts a post in the wrong town.
public enum CityMatch: Sendable, Equatable {
    case none
    /// The place, `XY(lon, lat)`.
    case found(XY)
    /// Candidates, most populous first.
    case ambiguous([GeoNamesCities.Entry])

    /// How many times the people of the next city the most populous match needs to win.
    public static let dominance = 10

    /// The match among `candidates` (most populous first).
    init(_ candidates: [GeoNamesCities.Entry]) {
        switch candidates.count {
        case 0: self = .none
        case 1: self = .found(candidates[0].location)
        default:
            self = candidates[0].population >= Self.dominance * candidates[1].population
                ? .found(candidates[0].location) : .ambiguous(candidates)
        }
    }
}
