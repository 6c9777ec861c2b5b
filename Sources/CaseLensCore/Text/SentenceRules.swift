import CaseLensICU

/// Unicode's sentence-break classes (UAX #29), numbered as ICU's `USentenceBreak`.
enum SentenceClass: UInt8 {
    case other = 0, aTerm, close, format, lower, numeric, oLetter, sep, sp, sTerm, upper, cr, extend, lf, sContinue

    /// Each code point below U+3000 (Latin, Greek, Cyrillic, general punctuation: nearly every
    /// character of a case record), read from ICU's property data once.
    private static let table: [SentenceClass] = (0..<0x3000).map(icuClass)

    private static func icuClass(_ c: UInt32) -> SentenceClass {
        SentenceClass(rawValue: UInt8(truncatingIfNeeded: cl_sentence_break_class(Int32(bitPattern: c)))) ?? .other
    }

    static func of(_ c: UInt32) -> SentenceClass { c < 0x3000 ? table[Int(c)] : icuClass(c) }

    /// Absorbed into the character before it (rule SB5).
    var isIgnorable: Bool { self == .extend || self == .format }
    /// A paragraph separator: a sentence always ends after one (SB4).
    var isParaSep: Bool { self == .sep || self == .cr || self == .lf }
    /// A sentence terminator, "." or "!?"-like (SATerm).
    var isTerm: Bool { self == .aTerm || self == .sTerm }
}

/// Unicode's sentence-break rules (UAX #29, SB1–SB11) followed by ICU's English abbreviation
/// suppressions ("en@ss=standard"), read over UTF-8 bytes: the same boundaries as ICU's sentence
/// iterator (differential tests hold them to it), without its UTF-16 copy and rule tables. A
/// record's sentences are read forward, one boundary after another.
struct SentenceRules {
    let text: UnsafeBufferPointer<UInt8>
    let exceptions: SentenceExceptions

    /// Bytes that can neither end a sentence nor start anything the rules look at: ASCII other
    /// than "." "!" "?" CR and LF.
    private static let quiet: [Bool] = (0..<256).map { b in
        b < 0x80 && b != 0x2E && b != 0x21 && b != 0x3F && b != 0x0D && b != 0x0A
    }

    /// The first boundary after boundary `start` (the text's end when there is no other).
    func boundary(after start: Int) -> Int {
        var n = ruleBoundary(after: start)
        while n < text.count && exceptions.suppresses(text, breakAt: n) { n = ruleBoundary(after: n) }
        return n
    }

    /// The first boundary after `start` by the Unicode rules alone.
    func ruleBoundary(after start: Int) -> Int {
        let n = text.count
        var i = start
        while i < n {
            if Self.quiet[Int(text[i])] { i += 1; continue }
            let (k, len) = character(at: i)
            if k.isParaSep { return paragraphEnd(k, at: i, len) }
            guard k.isTerm else { i += len; continue }
            // A terminator: what follows it decides.
            var j = skipIgnorable(i + len)
            if j >= n { return n }
            var (m, mlen) = character(at: j)
            if k == .aTerm {
                if m == .numeric { i = j; continue }                                          // SB6
                if m == .upper, let p = classBefore(i, from: start), p == .upper || p == .lower {  // SB7
                    i = j; continue
                }
            }
            while m == .close {                                                               // SB9
                j = skipIgnorable(j + mlen)
                if j >= n { return n }
                (m, mlen) = character(at: j)
            }
            while m == .sp {                                                                  // SB10
                j = skipIgnorable(j + mlen)
                if j >= n { return n }
                (m, mlen) = character(at: j)
            }
            if m.isParaSep { return paragraphEnd(m, at: j, mlen) }                            // SB11
            if m == .sContinue || m.isTerm { i = j; continue }                               // SB8a
            if k == .aTerm && lowerCaseFollows(j) { i = j; continue }                        // SB8
            return j                                                                          // SB11
        }
        return n
    }

    /// The end of a paragraph separator: CR LF is one (SB3).
    private func paragraphEnd(_ k: SentenceClass, at i: Int, _ len: Int) -> Int {
        k == .cr && i + 1 < text.count && text[i + 1] == 0x0A ? i + 2 : i + len
    }

    /// SB8: after a full stop, no break when the next letter is lower case, whatever other
    /// characters (digits, punctuation, spaces) come first.
    private func lowerCaseFollows(_ from: Int) -> Bool {
        var k = from
        while k < text.count {
            let (c, len) = character(at: k)
            switch c {
            case .lower: return true
            case .oLetter, .upper, .sep, .cr, .lf, .aTerm, .sTerm: return false
            default: k += len
            }
        }
        return false
    }

    /// The first character at or after `i` that is not absorbed by the one before it.
    private func skipIgnorable(_ i: Int) -> Int {
        var j = i
        while j < text.count {
            let (c, len) = character(at: j)
            guard c.isIgnorable else { break }
            j += len
        }
        return j
    }

    /// The class of the last character before byte `i` that is not absorbed, not looking before
    /// `start` (nil there).
    private func classBefore(_ i: Int, from start: Int) -> SentenceClass? {
        var p = i
        while p > start {
            let q = max(UTF8Scalar.start(before: p, in: text), start)
            let (c, _) = character(at: q)
            if !c.isIgnorable { return c }
            p = q
        }
        return nil
    }

    /// The class and UTF-8 length of the character at byte `i`.
    @inline(__always)
    func character(at i: Int) -> (SentenceClass, Int) {
        let b = text[i]
        if b < 0x80 { return (SentenceClass.of(UInt32(b)), 1) }
        let (scalar, len) = UTF8Scalar.decode(text, at: i)
        return (SentenceClass.of(scalar), len)
    }
}

/// One code point read from UTF-8 bytes.
enum UTF8Scalar {
    /// The code point at byte `i` and its length; an ill-formed byte reads as U+FFFD, one byte long.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        let len: Int, lead: UInt32, least: UInt32
        if c & 0xE0 == 0xC0 { len = 2; lead = UInt32(c & 0x1F); least = 0x80 }
        else if c & 0xF0 == 0xE0 { len = 3; lead = UInt32(c & 0x0F); least = 0x800 }
        else if c & 0xF8 == 0xF0 { len = 4; lead = UInt32(c & 0x07); least = 0x10000 }
        else { return (0xFFFD, 1) }
        guard i + len <= b.count else { return (0xFFFD, 1) }
        var scalar = lead
        for k in 1..<len {
            let d = b[i + k]
            guard d & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            scalar = scalar << 6 | UInt32(d & 0x3F)
        }
        guard scalar >= least, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return (0xFFFD, 1) }
        return (scalar, len)
    }

    /// The start of the character that ends just before byte `i` (`i - 1` for an ill-formed byte).
    static func start(before i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var q = i - 1
        while q > 0 && b[q] & 0xC0 == 0x80 && i - q < 4 { q -= 1 }
        return decode(b, at: q).1 == i - q ? q : i - 1
    }
}
