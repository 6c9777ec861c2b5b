/// A lexicon compiled for matching: its vocabulary, every pattern expanded into sequences, and
/// one automaton over them. Immutable: build once, share across threads.
public struct CompiledLexicon: Sendable {
    public let lexicon: Lexicon
    public let vocabulary: Vocabulary
    public let automaton: Automaton
    let sequences: [Sequence]

    /// Compiles every rule pattern, exception and context cue. Errors name the rule's file and line.
    public init(_ lexicon: Lexicon) throws(LexiconError) {
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer() } catch {
            throw LexiconError(file: "ICU", line: 0, message: "\(error)")
        }
        var compiler = PatternCompiler(vocabulary: Vocabulary(), tokenizer: tokenizer,
                                       morphology: lexicon.morphology, roles: lexicon.roles)
        var sequences: [Sequence] = []
        func add(_ pattern: Pattern, _ purpose: MatchPurpose, file: String) throws(LexiconError) {
            do {
                for items in try compiler.expand(pattern) {
                    let literals = items.reduce(0) { n, item in
                        switch item.kind { case .token, .tokens: return n + (item.family == nil ? 2 : 1); default: return n }
                    }
                    sequences.append(Sequence(items: items, purpose: purpose, literals: literals))
                }
            } catch {
                throw LexiconError(file: file, line: pattern.line, message: "bad pattern \"\(pattern.source)\": \(error.message)")
            }
        }
        for (i, rule) in lexicon.rules.enumerated() {
            for p in rule.patterns { try add(p, .rule(i), file: rule.file) }
            for p in rule.exceptions { try add(p, .exception(i), file: rule.file) }
            for p in rule.unlessInSentence { try add(p, .unless(i), file: rule.file) }
        }
        for p in lexicon.negationCues { try add(p, .negation, file: "lexicons/context.yaml") }
        for p in lexicon.speechCues { try add(p, .speech, file: "lexicons/context.yaml") }
        for (cue, patterns) in lexicon.record.all {
            for p in patterns { try add(p, .cue(cue), file: "lexicons/record.yaml") }
        }
        self.lexicon = lexicon
        self.vocabulary = compiler.vocabulary
        self.sequences = sequences
        self.automaton = Automaton(sequences: sequences, vocabularySize: compiler.vocabulary.count)
    }
}

extension CompiledLexicon {
    /// Every rule pattern written out as plain phrases (word-set steps expanded, at most `cap`
    /// phrases per sequence); sequences with gaps or word classes are skipped. The benchmark's
    /// yardstick (`rg -F -f`) searches these.
    public func literalPhrases(cap: Int = 8) -> [String] {
        var out = Set<String>()
        for seq in sequences {
            guard case .rule = seq.purpose else { continue }
            var phrases: [[String]] = [[]]
            var ok = true
            for item in seq.items {
                switch item.kind {
                case .token(let id): phrases = phrases.map { $0 + [vocabulary.word(id)] }
                case .tokens(let ids): phrases = phrases.flatMap { p in ids.map { p + [vocabulary.word($0)] } }
                default: ok = false
                }
                if !ok { break }
                if phrases.count > cap { phrases = Array(phrases.prefix(cap)) }
            }
            if ok { for p in phrases { out.insert(p.joined(separator: " ").replacingOccurrences(of: " '", with: "'").replacingOccurrences(of: " n't", with: "n't")) } }
        }
        return out.sorted()
    }
}
