/// Every rule CaseLens applies, with the role classes, word families and context cues they use.
public struct Lexicon: Sendable {
    public var rules: [Rule]
    /// Role classes by name (`victim`, `perpetrator`, ...): each a list of patterns.
    public var roles: [String: [Pattern]]
    public var morphology: Morphology
    /// Words that, just before a match, cancel it (for rules with `negation: cancels`).
    public var negationCues: [Pattern]
    /// Words that mark a sentence as attributing speech, so quoted words in it are evidence.
    public var speechCues: [Pattern]
    /// Words for reading a record as a whole (`record.yaml`).
    public var record = RecordCues()

    public init(rules: [Rule] = [], roles: [String: [Pattern]] = [:], morphology: Morphology = Morphology(),
                negationCues: [Pattern] = [], speechCues: [Pattern] = []) {
        self.rules = rules; self.roles = roles; self.morphology = morphology
        self.negationCues = negationCues; self.speechCues = speechCues
    }

    /// The rule with this id, if any.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// Adds `other` on top of this lexicon: rules with an existing id replace it, new rules are
    /// appended, role entries and cues are added, family entries replace those of the same word.
    public mutating func overlay(_ other: Lexicon) {
        for r in other.rules {
            if let i = rules.firstIndex(where: { $0.id == r.id }) { rules[i] = r } else { rules.append(r) }
        }
        for (name, entries) in other.roles { roles[name, default: []] += entries }
        for (word, entry) in other.morphology.entries { morphology.entries[word] = entry }
        negationCues += other.negationCues
        speechCues += other.speechCues
        record.overlay(other.record)
    }
}

/// A lexicon that cannot be used: the file, line and column, and what is wrong.
public struct LexiconError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int = 1, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A lexicon in a snapshot, in two parts like its rules: what checking needs (rules, families,
/// record cues), then the sources (rule patterns and examples, role classes, negation and speech
/// cues), which only compiling, explaining and testing read.
extension Lexicon: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.values(rules); w.value(morphology); w.value(record) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        rules = try r.values(); morphology = try r.value(); record = try r.value()
        roles = [:]; negationCues = []; speechCues = []
    }
    func writeSources(to w: inout SnapshotWriter) {
        for rule in rules { rule.writeSources(to: &w) }
        w.dictionary(roles) { $0.values($1) }; w.values(negationCues); w.values(speechCues)
    }
    mutating func readSources(from r: inout SnapshotReader) throws(SnapshotError) {
        for i in rules.indices { try rules[i].readSources(from: &r) }
        roles = try r.dictionary { (r: inout SnapshotReader) throws(SnapshotError) in try r.values(Pattern.self) }
        negationCues = try r.values(); speechCues = try r.values()
    }
}
