/// ICU's word-break rules (UAX #29 as ICU 72 implements them) restricted to ASCII text without
/// white space. Letters and digits join (WB5, WB8–WB10); '.' and '\'' join letters on both sides
/// (WB6–7) and '.', '\'', ',' and ';' join digits on both sides (WB11–12); '_' joins anything
/// word-like (WB13a–b). ':' does not join (ICU's rules differ from UAX #29 there). A lone '_' is
/// not a word. Runs containing '@' go to ICU, whose rules treat it specially.
enum ASCIIWords {
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// The end of the run of non-white-space bytes starting at `i` (the first white-space byte,
    /// or the end), and whether the run is ASCII without '@' (words `word` can read).
    /// Eight bytes at a time while none of them is white space, another control byte, non-ASCII
    /// or '@'.
    @inline(__always)
    static func chunkEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, ascii: Bool) {
        var i = start
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 of each byte that is below 0x21, at or above 0x80, or '@'. Borrows can only
            // mark bytes after a marked one, so the lowest mark is exact.
            let high: UInt64 = 0x8080_8080_8080_8080
            let below = (x &- 0x2121_2121_2121_2121) & ~x & high
            let at = x ^ 0x4040_4040_4040_4040
            let marks = below | (x & high) | ((at &- 0x0101_0101_0101_0101) & ~at & high)
            if marks == 0 { i += 8; continue }
            i += marks.littleEndian.trailingZeroBitCount / 8
            break
        }
        var ascii = true
        while i < n && !isSpace(b[i]) { if b[i] >= 0x80 || b[i] == 0x40 { ascii = false }; i += 1 }
        return (i, ascii)
    }

    /// ASCII lower case: what Unicode case folding makes of an ASCII byte.
    @inline(__always) static func folded(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }

    /// A word read by `word(_:from:limit:)`.
    struct Word {
        /// Where it ends.
        var end: Int
        /// `Vocabulary.hash` of its folded bytes.
        var hash: Int
        /// An apostrophe joins two of its letters or digits (so it may end in a clitic).
        var hasApostrophe: Bool
    }

    /// The word starting at `p`, hashed as it is read, or nil when the byte at `p` does not start
    /// a word.
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, from p: Int, limit: Int) -> Word? {
        let c = b[p]
        guard isLetter(c) || isDigit(c) || c == 0x5F else { return nil }
        // Classes: 1 letter, 2 digit, 3 underscore.
        var last: UInt8 = isLetter(c) ? 1 : isDigit(c) ? 2 : 3
        var h = Vocabulary.hashStep(Vocabulary.hashSeed, folded(c))
        var apostrophe = false
        var j = p + 1
        while j < limit {
            let x = b[j]
            if isLetter(x) { last = 1; h = Vocabulary.hashStep(h, x | 0x20); j += 1; continue }
            if isDigit(x) || x == 0x5F { last = isDigit(x) ? 2 : 3; h = Vocabulary.hashStep(h, x); j += 1; continue }
            guard j + 1 < limit else { break }
            let next = b[j + 1]
            let joins = last == 1 ? (x == 0x2E || x == 0x27) && isLetter(next)
                : last == 2 && (x == 0x2E || x == 0x27 || x == 0x2C || x == 0x3B) && isDigit(next)
            guard joins else { break }
            h = Vocabulary.hashStep(Vocabulary.hashStep(h, x), folded(next))
            apostrophe = apostrophe || x == 0x27
            j += 2
        }
        if j == p + 1 && c == 0x5F { return nil }
        return Word(end: j, hash: Vocabulary.hashEnd(h), hasApostrophe: apostrophe)
    }
}
