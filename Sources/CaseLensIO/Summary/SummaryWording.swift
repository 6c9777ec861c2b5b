import CaseLensCore
import Foundation

/// What the summary says, shared by the Markdown and HTML renderers so both read the same. The
/// framing is a critical friend to the service: patterns in the system, not blame of workers.
public enum SummaryWording {
    public static let title = "Recording health check: domestic abuse"

    public static let framing = """
    This health check reads how the records describe domestic abuse and the people in it. It is \
    written as a critical friend to the service: the patterns below grow out of templates, forms, \
    workload, training and habits of language shared across a team, and the questions they raise \
    are for the system, not judgements of the workers who wrote these records. Each finding is a \
    prompt to look again, not a verdict: read it in its record before acting on it.
    """

    public static let categoriesNote = """
    Rates per 1,000 words let teams and periods of different sizes be compared. Words quoted and \
    attributed to someone (the person causing harm's own words, recorded as evidence) are good \
    recording and are not counted.
    """

    public static let scoresNote = "Each record scores 0–100; 100 means nothing was found."

    public static let signalsNote = "What a record does as a whole, beyond single phrases."

    public static let goodPracticeNote = "What the records already do well, and worth saying so in supervision and team meetings."

    public static let lowestNote = """
    Where a second look would help most. Low scores often point to a template, a form or a \
    process as much as to one record; this list is a starting point for supervision and quality \
    assurance, not a ranking of staff.
    """

    public static let redactedNote = "Case text is left out of this summary (--redact): phrases are shown as rules and categories only."

    public static let howToRead = [
        "Scores: penalty = 1000 × (5 × high + 3 × medium + 1 × low) / max(words, 200) + 10 × whole-record findings; score = round(100 × e^(−penalty / 40)).",
        "Severity: high (change before the record is shared), medium (should change), low (consider).",
        "CaseLens is automated and can be wrong both ways: it misses wording it has no rule for, and flags wording that is right in context. Use `caselens explain RULE` for why a rule matters and better wording.",
    ]

    /// A short description of each category (from the findings guide).
    /// One row of the category table, shared by the HTML and Markdown summaries.
    public struct CategoryRow { public var category: String; public var findings: Int; public var rate: Double }

    /// The category table's rows, in category order.
    public static func categoryRows(_ c: HealthCheck) -> [CategoryRow] {
        c.categories.map { cat in
            let n = c.byCategory[cat] ?? 0
            return CategoryRow(category: cat, findings: n, rate: c.perThousandWords(n))
        }
    }

    /// The whole-record signal table's rows: the signal, how many records show it, and their share.
    public static func signalRows(_ c: HealthCheck) -> [(signal: HealthSignal, count: Int, share: String)] {
        HealthSignal.allCases.map { s in
            let n = c.signals[s] ?? 0
            return (s, n, percent(c.share(n)))
        }
    }

    /// The good-practice lines: a count to emphasise, then the rest of the sentence.
    public static func goodPractice(_ c: HealthCheck) -> [(count: String, text: String)] {
        var lines = [
            (count(c.clean), "records (\(percent(c.share(c.clean)))) have no counted findings."),
            (count(c.quotedEvidence), "records (\(percent(c.share(c.quotedEvidence)))) keep the person causing harm\u{2019}s own words as attributed quotes: evidence, recorded as said."),
        ]
        if c.namingKnown > 0 {
            lines.append((count(c.naming), "of the \(count(c.namingKnown)) records that record abuse (\(percent(Double(c.naming) / Double(c.namingKnown)))) say who the person causing harm is."))
        }
        return lines
    }

    public static func describe(category: String) -> String {
        switch category {
        case "victim-blaming": "holds the adult victim responsible for the abuse or for protecting the children from it"
        case "victim-tasked": "sets the victim to manage the abuser's behaviour"
        case "mutualising": "tells one person's abuse as a shared conflict"
        case "minimising": "makes the abuse sound small"
        case "perpetrator-excuse": "explains the abuse away"
        case "absent-perpetrator": "leaves the person causing harm out of the sentence"
        case "doubting": "casts doubt on the victim's account"
        case "pathologising": "labels the victim's responses as deficits"
        default: "other"
        }
    }

    // MARK: - Numbers as written

    /// 12345 → "12,345".
    public static func count(_ n: Int) -> String { TextFormatter.grouped(n) }

    /// One decimal place: "7.2".
    public static func rate(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A share as a whole percentage: "32%", "<1%" for a small non-zero share.
    public static func percent(_ share: Double) -> String {
        if share > 0 && share < 0.005 { return "<1%" }
        return "\(Int((share * 100).rounded()))%"
    }

    /// A signed change: "+1.5", "−0.3", "0.0".
    public static func change(_ x: Double, decimals: Int = 1) -> String {
        let s = String(format: "%.\(decimals)f", abs(x))
        if Double(s) == 0 { return s }
        return (x > 0 ? "+" : "\u{2212}") + s
    }

    /// A signed change of a share in percentage points: "+5 pts".
    public static func points(_ x: Double) -> String {
        let p = Int((x * 100).rounded())
        return p == 0 ? "0 pts" : (p > 0 ? "+\(p) pts" : "\u{2212}\(-p) pts")
    }

    /// A median score: "74" or "74.5".
    public static func score(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
}

/// Changes since a previous audit: per category (findings per 1,000 words) and per signal (share
/// of records).
public struct HealthComparison: Sendable {
    public var now: HealthCheck
    public var before: HealthCheck

    public init(now: HealthCheck, before: HealthCheck) { self.now = now; self.before = before }

    public var categories: [(category: String, before: Double, now: Double)] {
        var all = now.categories
        for c in before.categories where !all.contains(c) { all.append(c) }
        return all.map { c in (c, before.perThousandWords(before.byCategory[c] ?? 0), now.perThousandWords(now.byCategory[c] ?? 0)) }
    }

    public var signals: [(signal: HealthSignal, before: Double, now: Double)] {
        HealthSignal.allCases.map { s in (s, before.share(before.signals[s] ?? 0), now.share(now.signals[s] ?? 0)) }
    }
}
