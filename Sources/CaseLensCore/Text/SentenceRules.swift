import CaseLensICU

/// Unicode's sentence-break classes (UAX #29), numbered as ICU's `USentenceBreak`.
enum SentenceClass: UInt8 {
    case other = 0, aTerm, close, format, lower, numeric, oLetter, sep, sp, sTerm, upper, cr, extend, lf, sContinue

    /// Each code point below `tableSize` (Latin, Greek, Cyrillic, general punctuation: nearly
    /// every character of a case record), read from ICU's property data once.
    /// Written once, before any read, then only read.
    nonisolated(unsafe) static let table: UnsafePointer<SentenceClass> = {
        let t = UnsafeMutablePointer<SentenceClass>.allocate(capacity: tableSize)
        for c in 0..<tableSize { t[c] = icuClass(UInt32(c)) }
        return UnsafePointer(t)
    }()
    static let tableSize = 0x3000

    private static func icuClass(_ c: UInt32) -> SentenceClass {
        SentenceClass(rawValue: UInt8(truncatingIfNeeded: cl_sentence_break_class(Int32(bitPattern: c)))) ?? .other
    }

    static func of(_ c: UInt32) -> SentenceClass { c < tableSize ? table[Int(c)] : icuClass(c) }

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
    /// `SentenceClass.table`, in a local.
    private let table = SentenceClass.table

    init(text: UnsafeBufferPointer<UInt8>, exceptions: SentenceExceptions) {
        self.text = text; self.exceptions = exceptions
    }

    /// Bytes that can neither end a sentence nor start anything the rules look at: ASCII other
    /// than "." "!" "?" CR and LF.
    @inline(__always)
    private static func isQuiet(_ b: UInt8) -> Bool {
        b < 0x80 && b != 0x2E && b != 0x21 && b != 0x3F && b != 0x0D && b != 0x0A
    }

    /// True when none of the eight bytes of `x` is one `isQuiet` refuses.
    @inline(__always)
    private static func allQuiet(_ x: UInt64) -> Bool {
        (x & 0x8080_8080_8080_8080) | ByteSearch.matches(x, 0x2E) | ByteSearch.matches(x, 0x21) | ByteSearch.matches(x, 0x3F)
            | ByteSearch.matches(x, 0x0A) | ByteSearch.matches(x, 0x0D) == 0
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
        guard let base = text.baseAddress else { return n }
        var i = start
        while i < n {
            // Eight quiet bytes at a time, then one at a time.
            while i + 8 <= n && Self.allQuiet(ByteSearch.word(text, at: i)) { i += 8 }
            while i < n && Self.isQuiet(base[i]) { i += 1 }
            if i >= n { break }
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
        if b < 0x80 { return (table[Int(b)], 1) }
        let (scalar, len) = UTF8Scalar.decode(text, at: i)
        return (scalar < SentenceClass.tableSize ? table[Int(scalar)] : SentenceClass.of(scalar), len)
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
