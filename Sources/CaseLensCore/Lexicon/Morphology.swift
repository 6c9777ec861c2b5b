/// The grammatical form of a word in its family.
public enum WordForm: String, Sendable {
    case base, s, past, participle, ing, derived
}

/// Irregular or derived forms of one family, from `families.yaml`.
public struct FamilyEntry: Sendable, Equatable {
    public var s: String?
    public var past: String?
    public var participle: String?
    public var ing: String?
    public var also: [String] = []
    public init(s: String? = nil, past: String? = nil, participle: String? = nil, ing: String? = nil, also: [String] = []) {
        self.s = s; self.past = past; self.participle = participle; self.ing = ing; self.also = also
    }
}

/// English word families: the regular -s, -ed and -ing forms made by spelling rules, overridden
/// and extended by `families.yaml`.
public struct Morphology: Sendable {
    public var entries: [String: FamilyEntry]

    public init(entries: [String: FamilyEntry] = [:]) { self.entries = entries }

    /// Every form of `lemma`, with its grammatical form, base first, without duplicates.
    public func forms(of lemma: String) -> [(word: String, form: WordForm)] {
        let e = entries[lemma] ?? FamilyEntry()
        let past = e.past ?? Self.regularPast(lemma)
        var out: [(String, WordForm)] = [
            (lemma, .base),
            (e.s ?? Self.regularS(lemma), .s),
            (past, .past),
            (e.participle ?? past, .participle),
            (e.ing ?? Self.regularIng(lemma), .ing),
        ]
        out += e.also.map { ($0, .derived) }
        var seen = Set<String>()
        return out.filter { seen.insert($0.0).inserted }
    }

    /// The form `word` has in the family of `lemma`. A spelling shared by several forms ("hit")
    /// reads as past or participle before base, since case notes record what happened.
    public func form(of word: String, lemma: String) -> WordForm? {
        for f in [WordForm.past, .participle, .ing, .s, .base] where inflect(lemma, as: f) == word { return f }
        return (entries[lemma]?.also ?? []).contains(word) ? .derived : nil
    }

    /// `lemma` in the given form (`derived` gives the base).
    public func inflect(_ lemma: String, as form: WordForm) -> String {
        let e = entries[lemma] ?? FamilyEntry()
        switch form {
        case .base, .derived: return lemma
        case .s: return e.s ?? Self.regularS(lemma)
        case .past: return e.past ?? Self.regularPast(lemma)
        case .participle: return e.participle ?? e.past ?? Self.regularPast(lemma)
        case .ing: return e.ing ?? Self.regularIng(lemma)
        }
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func regularS(_ w: String) -> String {
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") { return w + "es" }
        if endsConsonantY(w) { return String(w.dropLast()) + "ies" }
        return w + "s"
    }

    static func regularPast(_ w: String) -> String {
        if w.hasSuffix("e") { return w + "d" }
        if endsConsonantY(w) { return String(w.dropLast()) + "ied" }
        if doublesFinal(w) { return w + String(w.last!) + "ed" }
        return w + "ed"
    }

    static func regularIng(_ w: String) -> String {
        if w.hasSuffix("ie") { return String(w.dropLast(2)) + "ying" }
        if w.hasSuffix("e") && !w.hasSuffix("ee") && !w.hasSuffix("ye") && !w.hasSuffix("oe") && w.count > 2 {
            return String(w.dropLast()) + "ing"
        }
        if doublesFinal(w) { return w + String(w.last!) + "ing" }
        return w + "ing"
    }

    static func endsConsonantY(_ w: String) -> Bool {
        let c = Array(w)
        return c.count >= 2 && c[c.count - 1] == "y" && !vowels.contains(c[c.count - 2])
    }

    /// One-syllable consonant-vowel-consonant words double their last letter: stop → stopped.
    static func doublesFinal(_ w: String) -> Bool {
        let c = Array(w)
        guard c.count >= 3 else { return false }
        let last = c[c.count - 1], mid = c[c.count - 2], before = c[c.count - 3]
        guard !vowels.contains(last), !"wxy".contains(last), vowels.contains(mid), !vowels.contains(before) else { return false }
        var groups = 0
        var inVowel = false
        for ch in c {
            let v = vowels.contains(ch)
            if v && !inVowel { groups += 1 }
            inVowel = v
        }
        return groups == 1
    }
}

extension FamilyEntry: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.optional(s); w.optional(past); w.optional(participle); w.optional(ing); w.strings(also)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        s = try r.optional(); past = try r.optional(); participle = try r.optional(); ing = try r.optional()
        also = try r.strings()
    }
}

extension Morphology: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.dictionary(entries) { $0.value($1) } }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        entries = try r.dictionary { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(FamilyEntry.self) }
    }
}
