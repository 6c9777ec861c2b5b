/// Reads the bytes between two words: breaks, hyphens and quotation marks.
struct SeparatorState {
    var doubleOpen = false
    var singleOpen = false

    /// Abbreviations after which a full stop does not end a sentence.
    /// Each packed as its bytes in a `UInt64` (see `isAbbreviation`).
    static let abbreviations: Set<UInt64> = Set(["mr", "mrs", "ms", "dr", "prof", "st", "rev", "e.g", "i.e",
        "etc", "approx", "no", "vs", "ref", "tel", "dob", "d.o.b", "cllr", "sgt", "pc", "insp", "det"].map { word in
            word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    /// The flags the gap `b[s..<e]` gives the word after it.
    @inline(__always)
    mutating func scan(_ b: UnsafeBufferPointer<UInt8>, from s: Int, to e: Int, previousWord: Range<Int>) -> TokenFlags {
        // The common case, one space: no break, quotation unchanged.
        if e == s + 1 && b[s] == 0x20 { return doubleOpen || singleOpen ? .quoted : [] }
        return scanGap(b, from: s, to: e, previousWord: previousWord)
    }

    @inline(never)
    private mutating func scanGap(_ b: UnsafeBufferPointer<UInt8>, from s: Int, to e: Int, previousWord: Range<Int>) -> TokenFlags {
        var flags: TokenFlags = []
        var newlines = 0
        var p = s
        var sawSpace = false
        var sawOther = false
        var hyphens = 0
        while p < e {
            let c = b[p]
            switch c {
            case 0x0A:
                if newlines > 0 && LineBreaks.lineIsBlank(b, endingAt: p) { flags.insert(.hardBreak); doubleOpen = false; singleOpen = false }
                else if LineBreaks.isStructural(b, newlineAt: p) { flags.insert(.hardBreak) }
                newlines += 1; sawSpace = true
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
                sawSpace = true
            case 0x2E, 0x21, 0x3F:                                          // . ! ?
                if c == 0x2E && p == s && isAbbreviation(b, previousWord) { /* "Mr. Khan": not a sentence end */ }
                else if c == 0x2E && p == s && isInitial(b, previousWord, gapEnd: e) { /* "A. to leave": an initial */ }
                else { flags.insert(.hardBreak) }
            case 0x22:                                                       // "
                // An inch mark after a number ("6'3\"", "14\"") opens no quotation.
                if !(doubleOpen == false && p > 0 && (isDigit(b[p - 1]) || (b[p - 1] == 0x27 && p > 1 && isDigit(b[p - 2])))) {
                    doubleOpen.toggle()
                }
                sawOther = true
            case 0x27:                                                       // '
                if singleOpen && p == s { singleOpen = false; sawOther = true }
                else if p == e - 1 && (p == s ? s == 0 : isOpeningContext(b[p - 1])) { singleOpen = true; sawOther = true }
                else if !isPluralPossessive(b, at: p, gapStart: s) { sawOther = true }
            case 0x2D:
                hyphens += 1
            case 0xC2 where p + 1 < e && b[p + 1] == 0xA0:                   // no-break space
                sawSpace = true; p += 1
            case 0xE2 where p + 2 < e && b[p + 1] == 0x80:
                switch b[p + 2] {
                case 0x9C: doubleOpen = true; sawOther = true               // “
                case 0x9D: doubleOpen = false; sawOther = true              // ”
                case 0x98: singleOpen = true; sawOther = true               // ‘
                case 0x99:                                                   // ’
                    if singleOpen && p == s { singleOpen = false; sawOther = true }
                    else if !isPluralPossessive(b, at: p, gapStart: s) { sawOther = true }
                case 0x90, 0x91: hyphens += 1                                // ‐ ‑
                case 0xA8, 0xA9: flags.insert(.hardBreak)                    // line/paragraph separator
                default: sawOther = true
                }
                p += 2
            default:
                sawOther = true
            }
            p += 1
        }
        if hyphens > 0 && (sawSpace || sawOther || hyphens > 1) { sawOther = true }
        if sawOther && !flags.contains(.hardBreak) { flags.insert(.softBreak) }
        if doubleOpen || singleOpen { flags.insert(.quoted) }
        return flags
    }

    /// An apostrophe right after a word ending in "s" and before a space: the plural possessive
    /// of "the parents' communication", part of the phrase rather than a break in it.
    private func isPluralPossessive(_ b: UnsafeBufferPointer<UInt8>, at p: Int, gapStart s: Int) -> Bool {
        let after = b[p] == 0x27 ? p + 1 : p + 3
        return p == s && s > 0 && b[s - 1] | 0x20 == 0x73 && after < b.count && b[after] == 0x20
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private func isOpeningContext(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x28 || c == 0x5B || c == 0x22 || c == 0x3A
    }

    /// A capital letter on its own, its full stop, spaces and a lower-case word: an initial
    /// standing for a name ("Plan: A. to leave the relationship", "A. then said"), not a
    /// sentence end.
    static func isInitial(_ b: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, gapEnd e: Int) -> Bool {
        guard word.count == 1, b[word.lowerBound] >= 0x41, b[word.lowerBound] <= 0x5A, e < b.count, b[e] >= 0x61, b[e] <= 0x7A,
              word.upperBound + 1 < e else { return false }
        return (word.upperBound + 1..<e).allSatisfy { b[$0] == 0x20 }
    }

    private func isInitial(_ b: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, gapEnd e: Int) -> Bool { Self.isInitial(b, word, gapEnd: e) }

    private func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count > 0 && word.count <= 6 else { return false }
        var w: UInt64 = 0
        for i in word { let c = b[i]; w = w << 8 | UInt64((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c) }
        return Self.abbreviations.contains(w)
    }
}
