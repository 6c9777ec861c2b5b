import Foundation
import CaseLensCore

/// The whole-record signals the summary counts, by the rule ids that raise them.
public enum HealthSignal: String, CaseIterable, Sendable {
    case planImbalance = "victim-tasked.plan-imbalance"
    case unnamed = "absent-perpetrator.unnamed"
    case allegedAfterOutcome = "doubting.alleged-after-outcome"

    /// What the signal means, for the reader.
    public var label: String {
        switch self {
        case .planImbalance: "Plan sets protective actions for the victim and none for the person causing harm"
        case .unnamed: "Abuse recorded, but the person causing it is never named or never the subject of action"
        case .allegedAfterOutcome: "\u{201C}Alleged\u{201D} used after a conviction or court finding"
        }
    }
}

/// The numbers of a health check, gathered one record at a time (memory stays flat: counts, a
/// score histogram and the 20 lowest-scoring records).
public struct HealthCheck: Sendable {
    /// How many of the lowest-scoring records, phrases and rules to keep.
    public static let topCount = 20

    public var records = 0
    public var words = 0
    /// Records with at least one counted high finding.
    public var recordsWithHigh = 0
    /// Counted findings by category id.
    public var byCategory: [String: Int] = [:]
    public var bySeverity: [Severity: Int] = [:]
    /// Counted findings and records per rule.
    public var byRule: [String: (category: String, findings: Int, records: Int)] = [:]
    /// Counted findings per phrase (lower case, spaces collapsed) and rule.
    public var byPhrase: [PhraseKey: Int] = [:]
    /// How each phrase was written (spaces collapsed), with counts: the commonest is shown.
    public var phraseForms: [PhraseKey: [String: Int]] = [:]
    /// Records per score, 0...100.
    public var scores = [Int](repeating: 0, count: 101)
    /// Records showing each signal.
    public var signals: [HealthSignal: Int] = [:]
    /// Records with no counted finding.
    public var clean = 0
    /// Records that keep the person causing harm's own words as attributed quotes.
    public var quotedEvidence = 0
    /// Findings in attributed quotes (not counted).
    public var quotedFindings = 0
    /// Records known to name / not name the person causing harm (nil entries are unknown).
    public var namingKnown = 0
    public var naming = 0
    /// The lowest-scoring records with a counted finding, lowest first (at most `topCount`).
    public private(set) var lowest: [LowRecord] = []
    /// Inputs that could not be read, when the summary ran the audit itself.
    public var skipped: Int?

    public init() {}

    /// A phrase as counted.
    public struct PhraseKey: Hashable, Sendable {
        public var phrase: String
        public var rule: String
    }

    /// One of the lowest-scoring records.
    public struct LowRecord: Sendable, Equatable {
        public var id: String
        public var score: Int
        public var words: Int
        public var high: Int
        public var medium: Int
        public var low: Int
        /// The rule found most often in the record.
        public var topRule: String
    }

    public var countedFindings: Int { bySeverity.values.reduce(0, +) }

    /// Adds one record.
    public mutating func add(_ r: SummaryRecord) {
        records += 1
        words += r.words
        scores[max(0, min(100, r.score))] += 1
        var counted = 0, quoted = 0
        var sev: [Severity: Int] = [:]
        var rulesHere: [String: Int] = [:]
        for f in r.findings {
            guard f.counted else { quoted += 1; continue }
            counted += 1
            sev[f.severity, default: 0] += 1
            byCategory[f.category, default: 0] += 1
            bySeverity[f.severity, default: 0] += 1
            rulesHere[f.rule, default: 0] += 1
            var entry = byRule[f.rule] ?? (f.category, 0, 0)
            entry.findings += 1
            byRule[f.rule] = entry
            if let t = f.text {
                let key = PhraseKey(phrase: Self.normalised(t), rule: f.rule)
                byPhrase[key, default: 0] += 1
                phraseForms[key, default: [:]][Self.collapsed(t), default: 0] += 1
            }
        }
        for rule in rulesHere.keys { byRule[rule]?.records += 1 }
        for s in HealthSignal.allCases where rulesHere[s.rawValue] != nil { signals[s, default: 0] += 1 }
        if sev[.high] != nil { recordsWithHigh += 1 }
        if counted == 0 { clean += 1 }
        if quoted > 0 { quotedEvidence += 1 }
        quotedFindings += quoted
        if let n = r.namesPersonCausingHarm { namingKnown += 1; if n { naming += 1 } }
        if counted > 0 {
            let top = rulesHere.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
            let low = LowRecord(id: r.id, score: r.score, words: r.words, high: sev[.high] ?? 0, medium: sev[.medium] ?? 0,
                                low: sev[.low] ?? 0, topRule: top)
            insertLowest(low)
        }
    }

    private mutating func insertLowest(_ r: LowRecord) {
        func before(_ a: LowRecord, _ b: LowRecord) -> Bool {
            if a.score != b.score { return a.score < b.score }
            let fa = a.high + a.medium + a.low, fb = b.high + b.medium + b.low
            if fa != fb { return fa > fb }
            return PathOrder.less(a.id, b.id)
        }
        if lowest.count == Self.topCount, let last = lowest.last, !before(r, last) { return }
        let i = lowest.firstIndex { before(r, $0) } ?? lowest.count
        lowest.insert(r, at: i)
        if lowest.count > Self.topCount { lowest.removeLast() }
    }

    /// A phrase as grouped: lower case, curly apostrophes straightened, white space collapsed.
    static func normalised(_ s: String) -> String {
        collapsed(s.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
    }

    static func collapsed(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    /// How a phrase is shown: its commonest form; on a tie the one in lower case ("failed to
    /// protect" over the sentence-initial "Failed to protect").
    public func display(_ key: PhraseKey) -> String {
        guard let forms = phraseForms[key] else { return key.phrase }
        return forms.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? key.phrase
    }

    // MARK: - Derived numbers (the renderers and tests use these, so they always agree)

    /// Categories in the documented order, then any others (from newer lexicons) by name.
    public var categories: [String] {
        let known = Category.allCases.map(\.rawValue)
        return known + byCategory.keys.filter { !known.contains($0) }.sorted()
    }

    /// Counted findings per 1,000 words.
    public func perThousandWords(_ count: Int) -> Double { words == 0 ? 0 : Double(count) * 1000 / Double(words) }

    /// Share of records, 0...1.
    public func share(_ count: Int) -> Double { records == 0 ? 0 : Double(count) / Double(records) }

    /// The median score, or nil with no records.
    public var medianScore: Double? {
        guard records > 0 else { return nil }
        func nth(_ k: Int) -> Int {                                   // 0-based k-th smallest
            var seen = 0
            for (score, n) in scores.enumerated() { seen += n; if seen > k { return score } }
            return 100
        }
        return records % 2 == 1 ? Double(nth(records / 2)) : Double(nth(records / 2 - 1) + nth(records / 2)) / 2
    }

    public var meanScore: Double? {
        guard records > 0 else { return nil }
        return Double(scores.enumerated().reduce(0) { $0 + $1.offset * $1.element }) / Double(records)
    }

    /// The score histogram: bins 0–9, 10–19, ..., 90–99, and 100 alone (100 = nothing found).
    public var histogram: [(label: String, count: Int)] {
        var bins: [(String, Int)] = (0..<10).map { b in ("\(b * 10)–\(b * 10 + 9)", scores[(b * 10)...(b * 10 + 9)].reduce(0, +)) }
        bins.append(("100", scores[100]))
        return bins
    }

    /// The most frequent phrases as shown, most frequent first (ties by phrase, then rule).
    public var topPhrases: [(phrase: String, rule: String, count: Int)] {
        byPhrase.sorted { a, b in
            a.value != b.value ? a.value > b.value : (a.key.phrase, a.key.rule) < (b.key.phrase, b.key.rule)
        }.prefix(Self.topCount).map { (display($0.key), $0.key.rule, $0.value) }
    }

    /// The most frequent rules, most findings first (ties by id).
    public var topRules: [(rule: String, category: String, findings: Int, records: Int)] {
        byRule.sorted { a, b in a.value.findings != b.value.findings ? a.value.findings > b.value.findings : a.key < b.key }
            .prefix(Self.topCount).map { ($0.key, $0.value.category, $0.value.findings, $0.value.records) }
    }
}
