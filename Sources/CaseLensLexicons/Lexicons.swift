import CaseLensCore

/// The lexicon built into the binary: `lexicons/*.yaml`, parsed and compiled at build time by
/// `lexicon-embed` and embedded as a snapshot (base64), so start-up takes milliseconds, not a compile.
public enum BuiltInLexicon {
    /// The compiled built-in lexicon. For checking, leave `sources` off: only the snapshot's core
    /// is decoded (see `CompiledLexicon.hasSources`). Turn it on to explain rules or recompile.
    public static func compiled(sources: Bool = false) throws(LexiconError) -> CompiledLexicon {
        do {
            // A long string literal lives in the binary's read-only data for the life of the process.
            let text = UnsafeBufferPointer(start: embeddedSnapshot.utf8Start, count: embeddedSnapshot.utf8CodeUnitCount)
            let bytes: [UInt8]
            if sources { bytes = try decode(text) } else {
                // The core is a prefix: read its length from the header, then decode only that far.
                let header = try decode(UnsafeBufferPointer(rebasing: text.prefix(Base64.characters(for: CompiledLexicon.headerSize))))
                let coreEnd = try header.withUnsafeBytes { (b) throws(SnapshotError) in try CompiledLexicon.coreEnd(header: b) }
                bytes = try decode(UnsafeBufferPointer(rebasing: text.prefix(Base64.characters(for: coreEnd))))
            }
            return try bytes.withUnsafeBytes { (b) throws(SnapshotError) in try CompiledLexicon(snapshot: b, sources: sources) }
        } catch {
            throw LexiconError(file: "built-in lexicon", line: 0, message: "\(error) (rebuild caselens)")
        }
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

    private static func decode(_ text: UnsafeBufferPointer<UInt8>) throws(SnapshotError) -> [UInt8] {
        guard let bytes = Base64.decode(text) else { throw SnapshotError(message: "the embedded snapshot is not base64") }
        return bytes
    }
}

/// Standard base64 (with padding), decoded straight from the embedded literal's bytes.
enum Base64 {
    private static let values: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Characters that encode the first `bytes` bytes (whole groups of four).
    static func characters(for bytes: Int) -> Int { (bytes + 2) / 3 * 4 }

    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        let padding = text.suffix(2).filter { $0 == UInt8(ascii: "=") }.count
        let count = text.count / 4 * 3 - padding
        let quads = text.count / 4
        var bad: UInt8 = 0
        let out = values.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                guard let t = table.baseAddress, let o = out.baseAddress, let p = text.baseAddress else { initialized = 0; return }
                // Every whole quad but the last: four lookups, three bytes, no branches.
                for q in 0..<max(quads - 1, 0) {
                    let i = q &* 4
                    let a = t[Int(p[i])], b = t[Int(p[i &+ 1])], c = t[Int(p[i &+ 2])], d = t[Int(p[i &+ 3])]
                    bad |= a | b | c | d          // a character outside the alphabet looks up 0xFF
                    let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    let j = q &* 3
                    o[j] = UInt8(truncatingIfNeeded: v >> 16); o[j &+ 1] = UInt8(truncatingIfNeeded: v >> 8); o[j &+ 2] = UInt8(truncatingIfNeeded: v)
                }
                // The last quad, with its padding.
                if quads > 0 {
                    let i = (quads - 1) * 4
                    var v: UInt32 = 0
                    for k in 0..<4 {
                        let x = k >= 4 - padding ? 0 : t[Int(p[i + k])]
                        bad |= x
                        v = v << 6 | UInt32(x & 0x3F)
                    }
                    let j = (quads - 1) * 3
                    for k in 0..<3 where j + k < count { o[j + k] = UInt8(truncatingIfNeeded: v >> (16 - 8 * UInt32(k))) }
                }
                initialized = count
            }
        }
        return bad & 0xC0 == 0 ? out : nil
    }
}
