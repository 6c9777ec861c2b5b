/// The eight kinds of wording CaseLens finds. A rule belongs to exactly one.
public enum Category: String, CaseIterable, Sendable, Codable, Comparable {
    case victimBlaming = "victim-blaming"
    case victimTasked = "victim-tasked"
    case mutualising
    case minimising
    case perpetratorExcuse = "perpetrator-excuse"
    case absentPerpetrator = "absent-perpetrator"
    case doubting
    case pathologising

    public static func < (a: Category, b: Category) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How much a finding matters. `info` findings (attributed quotes) are noted, never scored.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    case info, low, medium, high

    public var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Whether a negation just before a match cancels it.
public enum NegationPolicy: String, Sendable {
    case cancels, ignored
}

/// A condition on the whole record that a rule's match also needs.
public enum RuleCondition: String, Sendable {
    /// A court or police outcome (conviction, guilty plea, finding of fact, caution) about the same
    /// matter is recorded before the match, by entry date or by position.
    case priorOutcome = "prior-outcome"
    /// The match starts in a stretch of a plan, list or letter that the record reader read as a
    /// task set for the adult victim (`TaskSpan`): "Sophie to keep her phone charged and «call
    /// 999 if Callum becomes aggressive»", "What we need you to do: 1. «End your relationship»".
    /// For patterns that carry no subject of their own.
    case victimTask = "victim-task"
}

/// A file-level signal: a finding about the record as a whole.
public enum RecordSignal: String, Sendable {
    /// The plan sets the victim protective actions and the person causing harm none.
    case planImbalance = "plan-imbalance"
    /// Abuse is recorded, but the person causing it is never named, or never the subject of any
    /// action, assessment or contact.
    case unnamed
}

/// One lexicon rule: patterns that find a wording, and everything a writer needs to fix it.
public struct Rule: Sendable {
    public var id: String
    public var category: Category
    public var severity: Severity
    public var patterns: [Pattern]
    /// A match overlapping one of these in the same sentence is cancelled.
    public var exceptions: [Pattern]
    /// A match is cancelled when one of these is anywhere in its sentence.
    public var unlessInSentence: [Pattern]
    public var negation: NegationPolicy
    /// A whole-record condition the match also needs, if any.
    public var requires: RuleCondition? = nil
    /// For file-level rules (`scope: file`): the signal that raises them. Such rules have no patterns.
    public var signal: RecordSignal? = nil
    public var message: String
    public var why: String
    /// Replacement template for the matched words, or nil when no safe replacement exists.
    public var suggestion: String?
    /// The suggestion stands for the whole clause the match opens (`replaces: clause`): when the
    /// match stops inside it ("call the police if he «» returns", "no contact with «» Ryan"),
    /// the words it replaces run on to the clause's end.
    public var replacesClause: Bool = false
    public var source: String
    /// Sentences that must produce a finding of this rule.
    public var flagExamples: [String]
    /// Sentences that must not.
    public var passExamples: [String]
    /// Where the rule is defined: lexicon file and line.
    public var file: String
    public var line: Int
}

/// A rule in a snapshot comes in two parts: what checking needs (`write`), and its patterns as
/// written and its examples (`writeSources`), read only to explain, test or recompile.
extension Rule: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.token(category); w.token(severity)
        w.token(negation); w.optionalToken(requires); w.optionalToken(signal)
        w.string(message); w.string(why); w.optional(suggestion); w.bool(replacesClause); w.string(source); w.string(file); w.int(line)
    }
    /// Reads the checking part; patterns, exceptions and examples stay empty until `readSources`.
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        id = try r.string(); category = try r.token(); severity = try r.token()
        negation = try r.token(); requires = try r.optionalToken(); signal = try r.optionalToken()
        message = try r.string(); why = try r.string(); suggestion = try r.optional(); replacesClause = try r.bool(); source = try r.string()
        file = try r.string(); line = try r.int()
        patterns = []; exceptions = []; unlessInSentence = []; flagExamples = []; passExamples = []
    }
    func writeSources(to w: inout SnapshotWriter) {
        w.values(patterns); w.values(exceptions); w.values(unlessInSentence); w.strings(flagExamples); w.strings(passExamples)
    }
    mutating func readSources(from r: inout SnapshotReader) throws(SnapshotError) {
        patterns = try r.values(); exceptions = try r.values(); unlessInSentence = try r.values()
        flagExamples = try r.strings(); passExamples = try r.strings()
    }
}
