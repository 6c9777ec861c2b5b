/// A compiled lexicon as bytes. `lexicon-embed` writes the built-in lexicon's snapshot into the
/// binary at build time, so start-up reads it instead of parsing YAML and compiling patterns.
///
/// Layout: magic string, format, the core's length (8 bytes), the core (what checking needs:
/// rules' wording and conditions, families, record cues, vocabulary, compiled patterns, the three
/// automata), then the sources (rules' patterns as written and examples, role classes, negation
/// and speech cues). A checker reads the core only, so it can even be given just the snapshot's
/// first `coreEnd(header:)` bytes. The automata's tables are aligned raw arrays, read in place
/// from a snapshot embedded in the binary.
extension CompiledLexicon {
    static let snapshotMagic = "CaseLens lexicon snapshot"
    /// Bump when any `SnapshotCodable` layout changes.
    static let snapshotFormat = 9

    /// The snapshot bytes, with the sources when this lexicon has them. Deterministic: the same
    /// lexicon gives the same bytes.
    public func snapshot() -> [UInt8] {
        var w = SnapshotWriter()
        w.string(Self.snapshotMagic); w.int(Self.snapshotFormat)
        let length = w.placeholder(), coreStart = w.bytes.count
        w.value(lexicon); w.value(vocabulary); PatternTable.write(patterns.all, to: &w)
        for a in [automaton, recordCues, context] { w.value(a) }
        w.patch(length, w.bytes.count - coreStart)
        if hasSources { lexicon.writeSources(to: &w) }
        return w.bytes
    }

    /// Where the core ends, read from a snapshot's first bytes (at least `headerSize` of them,
    /// or all of a shorter snapshot).
    public static func coreEnd(header bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> Int {
        var r = SnapshotReader(bytes)
        return try r.header()
    }

    /// How many bytes `coreEnd(header:)` needs at most.
    public static let headerSize = 64

    /// Reads a snapshot written by `snapshot()` of the same format: the core only, or with
    /// `sources` also the rules' patterns and examples (for explaining, testing, recompiling).
    /// With `borrowing`, `bytes` must be the snapshot embedded in the binary (valid and unchanged
    /// for the life of the process, verified at build time): the automata then read their tables
    /// in place, and their entries are not checked again.
    public init(snapshot bytes: UnsafeRawBufferPointer, sources: Bool = true, borrowing: Bool = false) throws(SnapshotError) {
        var r = SnapshotReader(bytes, borrowing: borrowing)
        let coreEnd = try r.header()
        var lexicon: Lexicon = try r.value()
        let vocabulary: Vocabulary = try r.value()
        let patterns = try PatternTable(from: &r, rules: lexicon.rules.count, vocabularySize: vocabulary.count, eager: !borrowing)
        let automata = (rules: try r.value(Automaton.self), recordCues: try r.value(Automaton.self), context: try r.value(Automaton.self))
        guard r.offset == coreEnd else { throw SnapshotError(message: "the core does not end where its length says") }
        guard borrowing || [automata.rules, automata.recordCues, automata.context].allSatisfy({ $0.fits(vocabularySize: vocabulary.count, patterns: patterns.count) }) else {
            throw SnapshotError(message: "the automata do not fit the patterns and vocabulary")
        }
        if sources {
            try lexicon.readSources(from: &r)
            guard r.isAtEnd else { throw SnapshotError(message: "unexpected bytes after the sources") }
        }
        self.init(lexicon: lexicon, vocabulary: vocabulary, patterns: patterns, automata: automata, hasSources: sources)
    }
}

extension SnapshotReader {
    /// Checks the magic string and format and returns the offset where the core ends.
    mutating func header() throws(SnapshotError) -> Int {
        guard (try? string()) == CompiledLexicon.snapshotMagic else { throw SnapshotError(message: "not a lexicon snapshot") }
        let format = try int()
        guard format == CompiledLexicon.snapshotFormat else {
            throw SnapshotError(message: "format \(format), this build reads format \(CompiledLexicon.snapshotFormat)")
        }
        let length = try fixedInt()
        guard length <= Int.max - offset else { throw SnapshotError(message: "corrupt core length") }
        return offset + length
    }
}
