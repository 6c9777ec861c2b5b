/// The words used to read a record as a whole (from `record.yaml`): form fields that name
/// people, kinship words, titles, harm verbs, court outcomes, doubt words, plan headings, action
/// verbs, agencies and abuse terms.
public struct RecordCues: Sendable {
    /// Form-field labels by role (`perpetrator`, `victim`, `child`, `professional`), lower-case.
    public var fields: [String: [String]] = [:]
    public var kinship: [Pattern] = []
    public var titles: [Pattern] = []
    /// Titles that mark a professional ("DC Morley", "Dr Khan").
    public var professionalTitles: [String] = []
    public var harmVerbs: [Pattern] = []
    public var harmedCues: [Pattern] = []
    public var outcomes: [Pattern] = []
    public var outcomeNegations: [Pattern] = []
    public var doubtWords: [Pattern] = []
    public var newMatter: [Pattern] = []
    /// Words that put an outcome in another matter ("for assaulting a former partner"): it does
    /// not make "alleged" wrong about this record's abuse.
    public var otherMatter: [Pattern] = []
    /// Words that speak of such another matter where "alleged" stands ("his alleged assault on
    /// his former partner"): there an outcome in another matter counts.
    public var otherMatterMentions: [Pattern] = []
    public var planHeadings: [Pattern] = []
    public var actionVerbs: [Pattern] = []
    public var agencies: [Pattern] = []
    public var abuseTerms: [Pattern] = []
    /// Grammar words the reader reads sentences with, by list (`RecordWords.grammarLists` names
    /// them: "passive_aux", "object_marker" …), lower-case.
    public var grammar: [String: [String]] = [:]
    /// Family words by their canonical form: "father" → ["dad", "daddy"].
    public var kinEquivalents: [String: [String]] = [:]

    public init() {}

    /// Every cue list with its kind, for compiling.
    var all: [(RecordCue, [Pattern])] {
        let professional = professionalTitles.compactMap { try? PatternParser.parse($0) }
        return [(.kinship, kinship), (.title, titles + professional), (.harmVerb, harmVerbs), (.harmed, harmedCues), (.outcome, outcomes),
         (.outcomeNegation, outcomeNegations), (.doubt, doubtWords), (.newMatter, newMatter),
         (.planHeading, planHeadings), (.actionVerb, actionVerbs), (.agency, agencies), (.abuseTerm, abuseTerms),
         (.otherMatter, otherMatter), (.otherMatterMention, otherMatterMentions)]
    }

    mutating func overlay(_ o: RecordCues) {
        for (k, v) in o.fields { fields[k, default: []] += v }
        kinship += o.kinship; titles += o.titles; professionalTitles += o.professionalTitles; harmVerbs += o.harmVerbs; harmedCues += o.harmedCues; outcomes += o.outcomes
        outcomeNegations += o.outcomeNegations; doubtWords += o.doubtWords; newMatter += o.newMatter; otherMatter += o.otherMatter; otherMatterMentions += o.otherMatterMentions
        planHeadings += o.planHeadings; actionVerbs += o.actionVerbs; agencies += o.agencies; abuseTerms += o.abuseTerms
        for (k, v) in o.grammar { grammar[k, default: []] += v }
        for (k, v) in o.kinEquivalents { kinEquivalents[k, default: []] += v }
    }
}

/// The kind of a record cue match.
public enum RecordCue: String, Sendable, CaseIterable {
    case kinship, title, harmVerb, harmed, outcome, outcomeNegation, doubt, newMatter, otherMatter, otherMatterMention, planHeading, actionVerb, agency, abuseTerm

    /// The case's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .kinship: 0
        case .title: 1
        case .harmVerb: 2
        case .harmed: 3
        case .outcome: 4
        case .outcomeNegation: 5
        case .doubt: 6
        case .newMatter: 7
        case .otherMatter: 8
        case .otherMatterMention: 9
        case .planHeading: 10
        case .actionVerb: 11
        case .agency: 12
        case .abuseTerm: 13
        }
    }

    // Compared and hashed by case, not by the raw String (as a raw-valued enum otherwise is).
    public static func == (a: RecordCue, b: RecordCue) -> Bool { a.ordinal == b.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

extension RecordCues: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.dictionary(fields) { $0.strings($1) }
        for list in [kinship, titles] { w.values(list) }
        w.strings(professionalTitles)
        for list in [harmVerbs, harmedCues, outcomes, outcomeNegations, doubtWords, newMatter, otherMatter, otherMatterMentions,
                     planHeadings, actionVerbs, agencies, abuseTerms] { w.values(list) }
        w.dictionary(grammar) { $0.strings($1) }
        w.dictionary(kinEquivalents) { $0.strings($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        fields = try r.dictionary { (r: inout SnapshotReader) throws(SnapshotError) in try r.strings() }
        kinship = try r.values(); titles = try r.values()
        professionalTitles = try r.strings()
        harmVerbs = try r.values(); harmedCues = try r.values(); outcomes = try r.values()
        outcomeNegations = try r.values(); doubtWords = try r.values(); newMatter = try r.values(); otherMatter = try r.values(); otherMatterMentions = try r.values()
        planHeadings = try r.values(); actionVerbs = try r.values(); agencies = try r.values(); abuseTerms = try r.values()
        grammar = try r.dictionary { (r: inout SnapshotReader) throws(SnapshotError) in try r.strings() }
        kinEquivalents = try r.dictionary { (r: inout SnapshotReader) throws(SnapshotError) in try r.strings() }
    }
}
