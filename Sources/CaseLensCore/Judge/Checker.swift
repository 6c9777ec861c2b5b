/// Runs the pipeline on one document: tokenise → match → judge in context → score.
/// Holds a tokenizer, so use one per thread; the compiled lexicon is shared.
public final class Checker {
    public let compiled: CompiledLexicon
    private let tokenizer: Tokenizer
    /// One lazily built deterministic automaton per automaton of the lexicon, kept from document
    /// to document (see `LazyDFA`): a batch pays for each of their states once. Used once the
    /// checker has read `dfaAfterTokens` tokens: before that its states would mostly be built,
    /// not reused, and one short note (`caselens check`) is faster with the exact scan alone.
    private lazy var dfas = (rules: LazyDFA(compiled.automaton), cues: LazyDFA(compiled.recordCues),
                             context: LazyDFA(compiled.context))
    private var tokensRead = 0
    /// The patterns' elements, read once by this checker's thread.
    private let elements: PatternElements
    static let dfaAfterTokens = 20_000

    public init(_ compiled: CompiledLexicon) throws {
        self.compiled = compiled
        self.tokenizer = try Tokenizer()
        self.elements = PatternElements(compiled.patterns)
    }

    /// Checks one document.
    public func check(_ document: Document) -> FileReport {
        var text = tokenizer.tokenize(document.bytes, vocabulary: compiled.vocabulary)
        compiled.recordWords.markNotNames(&text.tokens, in: document.bytes)
        tokensRead += text.tokens.count
        let dfas = tokensRead >= Self.dfaAfterTokens ? self.dfas : nil
        // The record cues first: how the record reads decides which tokens the rules are scanned on.
        let cues = dfas.map { compiled.recordCues.scan(text.tokens, using: $0.cues) } ?? compiled.recordCues.scan(text.tokens)
        var judge = Judge(document: document, tokens: text.tokens, compiled: compiled, context: dfas?.context,
                          elements: elements)
        judge.readRecord(recordCues: cues)
        let ruleTokens = exchanged(text.tokens, for: judge.record, in: document)
        let scanned = ruleTokens ?? text.tokens
        let matches = dfas.map { compiled.automaton.scan(scanned, using: $0.rules) } ?? compiled.automaton.scan(scanned)
        let findings = judge.findings(from: matches, ruleTokens: ruleTokens)
        var warnings: [String] = []
        if document.hasInvalidUTF8 {
            warnings.append("input is not valid UTF-8; invalid bytes were read as U+FFFD (offsets still refer to the original bytes)")
        }
        if text.wordCount == 0 { warnings.append("no words to check (the input is empty or only white space and punctuation)") }
        var report = FileReport(file: document.name, words: text.wordCount,
                                score: Score.of(findings: findings, words: text.wordCount),
                                findings: findings, warnings: warnings)
        report.record = judge.record
        return report
    }

    /// The tokens the rules read a record on, when they are not the tokens as written (nil).
    private func exchanged(_ tokens: [Token], for record: RecordModel, in document: Document) -> [Token]? {
        guard record.womanHarmsMan || record.declaration != nil || record.addressee != nil else { return nil }
        var ruleTokens = tokens
        // A letter to her: "you have not followed the safety plan" is about her.
        if let a = record.addressee {
            ruleTokens = compiled.secondPersonExchange.apply(ruleTokens, from: a.token, woman: a.woman)
        }
        // A written agreement in her own voice: "I will not allow Kyle into my home" is hers.
        if let d = record.declaration {
            ruleTokens = compiled.firstPersonExchange.apply(ruleTokens, from: d.token, woman: d.woman ?? true)
        }
        // The rules are written for the common case, a man harming a woman: read this record
        // with the sexes' words exchanged ("he needs to protect the children" sets the victim a task).
        if record.womanHarmsMan {
            ruleTokens = compiled.genderExchange.apply(ruleTokens, words: compiled.recordWords, bytes: document.bytes)
        }
        return ruleTokens
    }

    /// The deterministic automata's statistics so far, by automaton (for the benchmark).
    public var scanStatistics: [(String, LazyDFA)] { [("rules", dfas.rules), ("cues", dfas.cues), ("context", dfas.context)] }

    /// Tokens of a document (for tests and tools).
    public func tokens(_ document: Document) -> [Token] {
        var tokens = tokenizer.tokenize(document.bytes, vocabulary: compiled.vocabulary).tokens
        compiled.recordWords.markNotNames(&tokens, in: document.bytes)
        return tokens
    }
}
