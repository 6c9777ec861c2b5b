/// Runs the pipeline on one document: tokenise → match → judge in context → score.
/// Holds a tokenizer, so use one per thread; the compiled lexicon is shared.
public final class Checker {
    public let compiled: CompiledLexicon
    private let tokenizer: Tokenizer

    public init(_ compiled: CompiledLexicon) throws {
        self.compiled = compiled
        self.tokenizer = try Tokenizer()
    }

    /// Checks one document.
    public func check(_ document: Document) -> FileReport {
        var text = tokenizer.tokenize(document.bytes, vocabulary: compiled.vocabulary)
        compiled.recordWords.markNotNames(&text.tokens, in: document.bytes)
        let candidates = compiled.automaton.scan(text.tokens)
        var judge = Judge(document: document, tokens: text.tokens, compiled: compiled)
        let findings = judge.findings(from: candidates, recordCues: compiled.recordCues.scan(text.tokens))
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

    /// Tokens of a document (for tests and tools).
    public func tokens(_ document: Document) -> [Token] {
        var tokens = tokenizer.tokenize(document.bytes, vocabulary: compiled.vocabulary).tokens
        compiled.recordWords.markNotNames(&tokens, in: document.bytes)
        return tokens
    }
}
