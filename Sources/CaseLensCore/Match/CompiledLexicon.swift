/// A lexicon compiled for matching: its vocabulary, every pattern compiled element by element,
/// and three automata over them. Immutable: build once, share across threads.
///
/// The patterns are split by when their matches are needed, because the context words are far
/// more frequent than rule wording and would otherwise keep most partial matches open:
/// - `automaton`: rule patterns only, the candidates; scanned over the whole text.
/// - `recordCues`: the record cues the record reader uses (people, harm, outcomes, plans);
///   scanned over the whole text, since the record is read as a whole.
/// - `context`: exceptions, unless-in-sentence, negation and speech cues; only ever consulted
///   around a candidate, so scanned only over the stretches of text around candidates.
public struct CompiledLexicon: Sendable {
    public let lexicon: Lexicon
    public let vocabulary: Vocabulary
    /// Rule patterns: finds rule candidates.
    public let automaton: Automaton
    /// Record cues, for reading the record as a whole.
    public let recordCues: Automaton
    /// Exceptions, unless-in-sentence, negation and speech cues, for judging candidates.
    public let context: Automaton
    /// Every pattern, exception and cue, by the index the automata report.
    let patterns: PatternTable
    /// The record's word lists (titles, family words, field labels …) for the record reader.
    let recordWords: RecordWords
    /// Exchanges a man's and a woman's words, for records where a woman harms a man.
    let genderExchange: GenderExchange
    /// Reads a written agreement in a parent's own voice as about that parent.
    let firstPersonExchange: PersonExchange
    /// Reads a letter to a parent ("Dear Ms Lane,") as about that parent.
    let secondPersonExchange: PersonExchange
    /// False when read from a snapshot's core only: the rules then carry no patterns as written,
    /// exceptions or examples, and role classes and cues are empty. Checking needs none of them.
    public let hasSources: Bool

    /// Compiles every rule pattern, exception and context cue. Errors name the rule's file and line.
    public init(_ lexicon: Lexicon) throws(LexiconError) {
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer() } catch {
            throw LexiconError(file: "ICU", line: 0, message: "\(error)")
        }
        var compiler = PatternCompiler(vocabulary: Vocabulary(), tokenizer: tokenizer,
                                       morphology: lexicon.morphology, roles: lexicon.roles)
        var patterns: [CompiledPattern] = []
        func add(_ pattern: Pattern, _ purpose: MatchPurpose, file: String) throws(LexiconError) {
            do {
                patterns.append(CompiledPattern(elements: try compiler.compile(pattern), purpose: purpose,
                                                roles: CompiledPattern.roles(of: pattern)))
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
        // The record reader's words get ids too, so a token's kind is read by its id.
        RecordWords.intern(lexicon.record, into: &compiler.vocabulary)
        for word in ExchangeLists.words(in: lexicon.record) { compiler.vocabulary.intern(Array(word.utf8)) }
        self.lexicon = lexicon
        self.vocabulary = compiler.vocabulary
        self.patterns = PatternTable(patterns)
        let size = compiler.vocabulary.count
        self.automaton = Automaton(patterns: patterns, vocabularySize: size, stage: .candidates)
        self.recordCues = Automaton(patterns: patterns, vocabularySize: size, stage: .recordCues)
        self.context = Automaton(patterns: patterns, vocabularySize: size, stage: .context)
        self.recordWords = RecordWords(lexicon.record, vocabulary: compiler.vocabulary)
        self.genderExchange = GenderExchange(lexicon.record, vocabulary: compiler.vocabulary)
        (self.firstPersonExchange, self.secondPersonExchange) = Self.personExchanges(lexicon.record, compiler.vocabulary)
        self.hasSources = true
    }

    /// Parts already compiled (from a snapshot).
    init(lexicon: Lexicon, vocabulary: Vocabulary, patterns: PatternTable,
         automata: (rules: Automaton, recordCues: Automaton, context: Automaton), hasSources: Bool) {
        self.lexicon = lexicon; self.vocabulary = vocabulary; self.patterns = patterns
        self.automaton = automata.rules; self.recordCues = automata.recordCues; self.context = automata.context
        self.recordWords = RecordWords(lexicon.record, vocabulary: vocabulary)
        self.genderExchange = GenderExchange(lexicon.record, vocabulary: vocabulary)
        (self.firstPersonExchange, self.secondPersonExchange) = Self.personExchanges(lexicon.record, vocabulary)
        self.hasSources = hasSources
    }

    private static func personExchanges(_ cues: RecordCues, _ vocabulary: Vocabulary) -> (first: PersonExchange, second: PersonExchange) {
        (PersonExchange(cues, list: ExchangeLists.firstPerson, vocabulary: vocabulary),
         PersonExchange(cues, list: ExchangeLists.secondPerson, agreement: ExchangeLists.secondPersonAgreement, vocabulary: vocabulary))
    }
}

extension CompiledLexicon {
    /// Every rule pattern written out as plain phrases (word-set steps expanded, at most `cap`
    /// phrases per sequence); sequences with gaps or word classes are skipped. The benchmark's
    /// yardstick (`rg -F -f`) searches these.
    public func literalPhrases(cap: Int = 8) -> [String] {
        var out = Set<String>()
        for pattern in patterns.all {
            guard case .rule = pattern.purpose else { continue }
            var phrases: [[String]] = [[]]
            var ok = true
            for alternatives in pattern.elements {
                var next: [[String]] = []
                for alt in alternatives.prefix(cap) {
                    var words: [[String]] = [[]]
                    for item in alt {
                        switch item.kind {
                        case .token(let id): words = words.map { $0 + [vocabulary.word(id)] }
                        case .tokens(let ids): words = words.flatMap { w in ids.prefix(cap).map { w + [vocabulary.word($0)] } }
                        default: ok = false
                        }
                    }
                    next += phrases.flatMap { p in words.map { p + $0 } }
                }
                phrases = Array(next.prefix(cap))
                if !ok { break }
            }
            if ok { for p in phrases where !p.isEmpty { out.insert(p.joined(separator: " ").replacingOccurrences(of: " '", with: "'").replacingOccurrences(of: " n't", with: "n't")) } }
        }
        return out.sorted()
    }
}
