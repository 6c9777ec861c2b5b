import CaseLensCore
import CaseLensSnapshot

/// The lexicon built into the binary: `lexicons/*.yaml`, parsed and compiled at build time by
/// `lexicon-embed` and embedded as a snapshot (raw bytes, read in place), so start-up takes
/// milliseconds, not a compile.
public enum BuiltInLexicon {
    /// The compiled built-in lexicon. For checking, leave `sources` off: only the snapshot's core
    /// is decoded (see `CompiledLexicon.hasSources`). Turn it on to explain rules or recompile.
    public static func compiled(sources: Bool = false) throws(LexiconError) -> CompiledLexicon {
        do {
            return try CompiledLexicon(snapshot: snapshot, sources: sources, borrowing: true)
        } catch {
            throw LexiconError(file: "built-in lexicon", line: 0, message: "\(error) (rebuild caselens)")
        }
    }

    /// The embedded snapshot: read-only data of the binary, valid for the life of the process.
    static var snapshot: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: caselens_snapshot_bytes(), count: caselens_snapshot_count())
    }

    /// The built-in rules with their patterns and examples, role classes, families and cues.
    public static func lexicon() throws(LexiconError) -> Lexicon { try compiled(sources: true).lexicon }

    /// The built-in lexicon with each directory's files laid over it in order (`--lexicon DIR`).
    public static func load(extraDirectories: [String]) throws(LexiconError) -> Lexicon {
        var lexicon = try lexicon()
        for dir in extraDirectories { lexicon.overlay(try LexiconLoader.directory(dir)) }
        return lexicon
    }

    /// The same, compiled: the snapshot itself when there are no extra directories (its core
    /// only, unless `sources` is asked for).
    public static func compiled(extraDirectories: [String], sources: Bool = false) throws(LexiconError) -> CompiledLexicon {
        if extraDirectories.isEmpty { return try compiled(sources: sources) }
        return try CompiledLexicon(try load(extraDirectories: extraDirectories))
    }
}
