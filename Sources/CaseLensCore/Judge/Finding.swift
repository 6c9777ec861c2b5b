/// One thing CaseLens found: the shape every output renders (see the findings schema).
public struct Finding: Sendable, Equatable {
    public enum Scope: String, Sendable { case span, file }

    public var rule: String
    public var category: Category
    public var severity: Severity
    public var scope: Scope
    /// 1-based line and column (Unicode scalars) of `start`; nil for file-level findings.
    public var line: Int?
    public var column: Int?
    /// UTF-8 byte range `[start, end)` in the input; nil for file-level findings.
    public var start: Int?
    public var end: Int?
    /// Exactly the input's bytes `[start, end)`.
    public var text: String?
    public var message: String
    /// Replacement for `[start, end)`, or nil where no safe replacement exists.
    public var suggestion: String?
    /// The whole sentence reworded, or nil.
    public var rewrite: String?
    /// nil, or "quoted" for attributed quotation (reported as `info`).
    public var context: String?
    /// Byte range of the sentence the finding is in (not part of the JSON schema).
    public var sentence: Range<Int>?

    public init(rule: String, category: Category, severity: Severity, scope: Scope, line: Int? = nil, column: Int? = nil,
                start: Int? = nil, end: Int? = nil, text: String? = nil, message: String, suggestion: String? = nil,
                rewrite: String? = nil, context: String? = nil, sentence: Range<Int>? = nil) {
        self.rule = rule; self.category = category; self.severity = severity; self.scope = scope
        self.line = line; self.column = column; self.start = start; self.end = end; self.text = text
        self.message = message; self.suggestion = suggestion; self.rewrite = rewrite; self.context = context
        self.sentence = sentence
    }
}

/// The result of checking one record: its findings, word count and score.
public struct FileReport: Sendable {
    /// Path, `-` for standard input, or a record id.
    public var file: String
    public var words: Int
    public var score: Int
    public var findings: [Finding]
    /// Problems with the input that did not stop the check (e.g. invalid UTF-8 replaced).
    public var warnings: [String]
    /// What reading the whole record found: people and roles, outcomes, plan actions.
    public var record: RecordModel?

    public init(file: String, words: Int, score: Int, findings: [Finding], warnings: [String] = []) {
        self.file = file; self.words = words; self.score = score; self.findings = findings; self.warnings = warnings
    }

    /// The most severe finding's severity that counts (quoted findings don't), or nil.
    public var worstSeverity: Severity? {
        findings.filter { $0.context == nil }.map(\.severity).max()
    }
}
