/// The edit distance between two strings in characters, counting an insertion, deletion,
/// substitution or swap of two neighbours as one edit (optimal string alignment), so that
/// typing slips like "Spian" are one edit from "Spain". Used for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    // d[i][j]: distance between the first i characters of a and the first j of b.
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}

/// The candidate within a typing slip of `key` (at most a third of its length in edits),
/// nearest first, ties broken alphabetically; nil if none is that close. Each candidate costs
/// one edit distance, and none is computed where the lengths alone rule a match out, nor for a
/// key longer than any name (a 4,000-character cell is not a misspelling, and measuring it
/// against every name took seconds).
func closestMatch(to key: String, among candidates: some Sequence<String>) -> String? {
    let length = key.count
    guard length >= 3, length <= 64 else { return nil }
    let limit = max(1, length / 3)
    var best: (distance: Int, name: String)?
    for candidate in candidates where abs(candidate.count - length) <= limit {
        let d = editDistance(key, candidate)
        if d <= limit, best.map({ (d, candidate) < ($0.distance, $0.name) }) ?? true { best = (d, candidate) }
    }
    return best?.name
}

/// A name without its vowels after the first letter ("iceland" -> "iclnd"), for "did you mean"
/// hints to names typed without them ("islnd"), which are too many edits from the full name.
func consonantSkeleton(_ name: String) -> String {
    guard let first = name.first else { return name }
    return String(first) + name.dropFirst().filter { !"aeiouy ".contains($0) }
}
