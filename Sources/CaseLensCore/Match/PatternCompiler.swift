/// What one step of a compiled pattern accepts.
enum ItemKind: Hashable, Sendable {
    case token(Int32)
    case tokens([Int32])          // sorted ids: any one of these words
    case name                     // a capitalised word
    case any                      // any word
    case gap(Int)                 // skip 0...n words
}

/// One step of a compiled pattern, with the top-level pattern element it came from.
struct Item: Hashable, Sendable {
    var kind: ItemKind
    /// 1-based index of the pattern's top-level element (for `{N}` in suggestions).
    var element: Int
    /// The family's lemma when the step came from `~lemma`.
    var family: String?
}

/// Why a compiled sequence exists: a rule's pattern, one of its exceptions, or a context cue.
public enum MatchPurpose: Sendable, Equatable {
    case rule(Int)
    case exception(Int)
    case unless(Int)
    case negation
    case speech
    case cue(RecordCue)

    /// Which of a compiled lexicon's automata finds matches for this purpose (nil: none does).
    var stage: MatchStage? {
        switch self {
        case .rule: .candidates
        case .exception, .unless, .negation, .speech: .context
        // Doubt words are compiled (so a bad one is still reported) but nothing reads their matches.
        case .cue(let c): c == .doubt ? nil : .recordCues
        }
    }
}

/// The automata of a compiled lexicon (see `CompiledLexicon`).
enum MatchStage: Sendable {
    case candidates, recordCues, context
}

/// A pattern compiled for matching: for each top-level element, its alternatives as concrete
/// step sequences (an empty alternative means the element is optional).
struct CompiledPattern: Sendable {
    var elements: [[[Item]]]
    var purpose: MatchPurpose
    /// For each top-level element that is a role class (`@victim`, optional or not), its name, and
    /// "name" for `<Name>`: the judge checks whom those words refer to in the record.
    var roles: [String?] = []

    init(elements: [[[Item]]], purpose: MatchPurpose, roles: [String?] = []) {
        self.elements = elements; self.purpose = purpose; self.roles = roles
    }

    /// The role class of each top-level element of `pattern`, or nil.
    static func roles(of pattern: Pattern) -> [String?] {
        func role(_ element: PatternElement) -> String? {
            switch element {
            case .role(let name), .optional(.role(let name)): return name
            case .anyName, .optional(.anyName): return "name"
            // "(@victim|<Name>)": the victim's words or a name, whichever matched.
            case .group(let alternatives), .optional(.group(let alternatives)):
                let roles = alternatives.map { $0.count == 1 ? role($0[0]) : nil }
                guard roles.allSatisfy({ $0 != nil }) else { return nil }
                return roles.contains("victim") && roles.allSatisfy({ $0 == "victim" || $0 == "name" }) ? "victim"
                    : roles.contains("perpetrator") && roles.allSatisfy({ $0 == "perpetrator" || $0 == "name" }) ? "perpetrator"
                    : roles.allSatisfy({ $0 == "name" }) ? "name" : nil
            default: return nil
            }
        }
        return pattern.elements.map(role)
    }
}

/// Expands parsed patterns into concrete sequences over vocabulary ids.
struct PatternCompiler {
    static let maxExpansions = 50_000

    var vocabulary: Vocabulary
    let tokenizer: Tokenizer
    let morphology: Morphology
    let roles: [String: [Pattern]]
    private var wordCache: [String: [Int32]] = [:]
    private var roleCache: [String: [[Item]]] = [:]
    /// Expansions of roles and families as used at a given element index.
    private var elementCache: [String: [[Item]]] = [:]

    init(vocabulary: Vocabulary, tokenizer: Tokenizer, morphology: Morphology, roles: [String: [Pattern]]) {
        self.vocabulary = vocabulary; self.tokenizer = tokenizer; self.morphology = morphology; self.roles = roles
    }

    /// Each element's alternatives; throws for unknown roles, patterns that can match nothing,
    /// or elements with too many alternatives.
    mutating func compile(_ pattern: Pattern) throws(PatternSyntaxError) -> [[[Item]]] {
        var out: [[[Item]]] = []
        for (i, element) in pattern.elements.enumerated() {
            let alternatives = try expand(element, index: i + 1).map(Self.mergeGaps)
            if alternatives.count > Self.maxExpansions {
                throw PatternSyntaxError(message: "element \(i + 1) expands to more than \(Self.maxExpansions) word sequences; split the pattern", column: 1)
            }
            out.append(alternatives)
        }
        if out.allSatisfy({ $0.contains { $0.isEmpty } }) {
            throw PatternSyntaxError(message: "pattern can match no words (every element is optional)", column: 1)
        }
        if let f = pattern.elements.first, case .gap = f { throw PatternSyntaxError(message: "a pattern cannot start with a gap", column: 1) }
        if let l = pattern.elements.last, case .gap = l { throw PatternSyntaxError(message: "a pattern cannot end with a gap", column: 1) }
        return out
    }

    /// Expands one pattern (used for role entries): every sequence it can match.
    mutating func expand(_ pattern: Pattern) throws(PatternSyntaxError) -> [[Item]] {
        var result: [[Item]] = [[]]
        for (i, element) in pattern.elements.enumerated() {
            let alternatives = try expand(element, index: i + 1)
            result = result.flatMap { prefix in alternatives.map { prefix + $0 } }
            if result.count > Self.maxExpansions {
                throw PatternSyntaxError(message: "expands to more than \(Self.maxExpansions) word sequences", column: 1)
            }
        }
        if result.contains(where: { $0.isEmpty }) {
            throw PatternSyntaxError(message: "can match no words (every element is optional)", column: 1)
        }
        return result.map(Self.mergeGaps)
    }

    private mutating func expand(_ element: PatternElement, index: Int) throws(PatternSyntaxError) -> [[Item]] {
        switch element {
        case .literal(let text):
            let ids = words(text)
            if ids.isEmpty { throw PatternSyntaxError(message: "'\(text)' has no letters or digits", column: 1) }
            return [ids.map { Item(kind: .token($0), element: index) }]
        case .family(let lemma):
            let cacheKey = "~\(lemma)#\(index)"
            if let hit = elementCache[cacheKey] { return hit }
            var single: [Int32] = []
            var multi: [[Item]] = []
            for form in morphology.forms(of: lemma) {
                let ids = words(form.word)
                if ids.count == 1 { single.append(ids[0]) }
                else if ids.count > 1 { multi.append(ids.map { Item(kind: .token($0), element: index, family: lemma) }) }
            }
            let set = Array(Set(single)).sorted()
            let result = [[Item(kind: set.count == 1 ? .token(set[0]) : .tokens(set), element: index, family: lemma)]] + multi
            elementCache[cacheKey] = result
            return result
        case .role(let name):
            let cacheKey = "@\(name)#\(index)"
            if let hit = elementCache[cacheKey] { return hit }
            guard let entries = roles[name] else {
                throw PatternSyntaxError(message: "unknown role '@\(name)' (known: \(roles.keys.sorted().map { "@" + $0 }.joined(separator: ", ")))", column: 1)
            }
            if roleCache[name] == nil {
                var out: [[Item]] = []
                for entry in entries {
                    do { out += try expand(entry) } catch {
                        throw PatternSyntaxError(message: "in role @\(name), entry \"\(entry.source)\": \(error.message)", column: error.column)
                    }
                }
                roleCache[name] = out
            }
            let seqs = roleCache[name]!.map { $0.map { var item = $0; item.element = index; return item } }
            let result = Self.mergeSingles(seqs, element: index)
            elementCache[cacheKey] = result
            return result
        case .anyName: return [[Item(kind: .name, element: index)]]
        case .anyWord: return [[Item(kind: .any, element: index)]]
        case .gap(let n): return [[Item(kind: .gap(n), element: index)]]
        case .group(let alternatives):
            var out: [[Item]] = []
            for alt in alternatives {
                var partial: [[Item]] = [[]]
                for e in alt {
                    let exp = try expand(e, index: index)
                    partial = partial.flatMap { p in exp.map { p + $0 } }
                }
                out += partial
            }
            return Self.mergeSingles(out, element: index)
        case .optional(let inner):
            return try expand(inner, index: index) + [[]]
        }
    }

    /// Alternatives that are single literal words collapse into one `tokens` step.
    private static func mergeSingles(_ alts: [[Item]], element: Int) -> [[Item]] {
        var singles: [Int32] = []
        var rest: [[Item]] = []
        for alt in alts {
            if alt.count == 1, alt[0].family == nil, case .token(let id) = alt[0].kind { singles.append(id) }
            else { rest.append(alt) }
        }
        let set = Array(Set(singles)).sorted()
        if set.isEmpty { return rest }
        return [[Item(kind: set.count == 1 ? .token(set[0]) : .tokens(set), element: element)]] + rest
    }

    /// Merges adjacent gaps.
    static func mergeGaps(_ seq: [Item]) -> [Item] {
        var out: [Item] = []
        for item in seq {
            if case .gap(let n) = item.kind, let last = out.last, case .gap(let m) = last.kind {
                out[out.count - 1].kind = .gap(min(n + m, PatternParser.maxGap))
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// Vocabulary ids of the words of `text`, folded as text is.
    private mutating func words(_ text: String) -> [Int32] {
        if let hit = wordCache[text] { return hit }
        // A clitic written alone ('s, n't) is one token, as the tokenizer splits it off words.
        if text.utf8.count <= 6 {
            let clitic = text.lowercased().replacingOccurrences(of: "’", with: "'")
            if ["'s", "n't", "'d", "'m", "'ve", "'re", "'ll"].contains(clitic) {
                let id = vocabulary.intern(Array(clitic.utf8))
                wordCache[text] = [id]
                return [id]
            }
        }
        let ids = tokenizer.foldedWords(of: text).map { vocabulary.intern($0) }
        wordCache[text] = ids
        return ids
    }
}

extension ItemKind: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        switch self {
        case .token(let id): w.int(0); w.int(Int(id))
        case .tokens(let ids): w.int(1); w.array(ids)
        case .name: w.int(2)
        case .any: w.int(3)
        case .gap(let n): w.int(4); w.int(n)
        }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.int() {
        case 0: self = .token(Int32(truncatingIfNeeded: try r.int()))
        case 1: self = .tokens(try r.array())
        case 2: self = .name
        case 3: self = .any
        case 4: self = .gap(try r.int())
        case let tag: throw SnapshotError(message: "unknown item tag \(tag)")
        }
    }
}

extension Item: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.value(kind); w.int(element); w.optional(family) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        kind = try r.value(); element = try r.int(); family = try r.optional()
    }
}

extension MatchPurpose: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        switch self {
        case .rule(let i): w.int(0); w.int(i)
        case .exception(let i): w.int(1); w.int(i)
        case .unless(let i): w.int(2); w.int(i)
        case .negation: w.int(3)
        case .speech: w.int(4)
        case .cue(let c): w.int(5); w.token(c)
        }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.int() {
        case 0: self = .rule(try r.int())
        case 1: self = .exception(try r.int())
        case 2: self = .unless(try r.int())
        case 3: self = .negation
        case 4: self = .speech
        case 5: self = .cue(try r.token())
        case let tag: throw SnapshotError(message: "unknown match purpose tag \(tag)")
        }
    }
}

extension ItemKind {
    /// Whether every word it takes is in a vocabulary of `vocabularySize` words.
    func fits(vocabularySize: Int) -> Bool {
        switch self {
        case .token(let id): return id >= 0 && id < vocabularySize
        case .tokens(let ids): return ids.allSatisfy { $0 >= 0 && $0 < vocabularySize }
        case .name, .any, .gap: return true
        }
    }
}
