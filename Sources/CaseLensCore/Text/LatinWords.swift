/// ICU's word boundaries (as `ASCIIWords` reads them) for a run of text without white space
/// whose non-ASCII characters are all Latin letters (U+00C0–U+017F and ª µ º) or common
/// punctuation: curly single quotes, which join letters and digits as '.' and '\'' do
/// (Word_Break MidNumLet), and curly double quotes, dashes, bullets, the ellipsis, £, € and °,
/// which join nothing. Names such as "Zoë" and "Chloé", "Sophie’s" and “quoted” words are most of
/// the non-ASCII text in case records; any other character sends the run to ICU.
enum LatinWords {
    enum Class { case letter, digit, underscore, midNumLet, midNum, other }

    /// The class and length of the character at `p` (before `end`), or nil when the run must go
    /// to ICU.
    @inline(__always)
    static func character(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> (Class, Int)? {
        let c = b[p]
        if c < 0x80 {
            if ASCIIWords.isLetter(c) { return (.letter, 1) }
            if ASCIIWords.isDigit(c) { return (.digit, 1) }
            switch c {
            case 0x5F: return (.underscore, 1)
            case 0x2E, 0x27: return (.midNumLet, 1)
            case 0x2C, 0x3B: return (.midNum, 1)
            case 0x40: return nil                                   // '@': ICU's own rules
            default: return (.other, 1)
            }
        }
        if c >= 0xC2 && c <= 0xC5 {
            guard p + 1 < end, b[p + 1] & 0xC0 == 0x80 else { return nil }
            let scalar = UInt32(c & 0x1F) << 6 | UInt32(b[p + 1] & 0x3F)
            switch scalar {
            case 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17F: return (.letter, 2)
            case 0xA3, 0xB0: return (.other, 2)                     // £ °
            default: return nil
            }
        }
        if c == 0xE2 {
            guard p + 2 < end, b[p + 1] == 0x80 || b[p + 1] == 0x82, b[p + 2] & 0xC0 == 0x80 else { return nil }
            if b[p + 1] == 0x82 { return b[p + 2] == 0xAC ? (.other, 3) : nil }      // €
            switch b[p + 2] {
            case 0x98, 0x99: return (.midNumLet, 3)                 // ‘ ’
            case 0x93, 0x94, 0x9C, 0x9D, 0xA2, 0xA6: return (.other, 3)   // – — “ ” • …
            default: return nil
            }
        }
        return nil
    }

    /// Calls `word` with each word of `b[from..<to]` in order and returns true; returns false,
    /// having called nothing, when a character there must go to ICU.
    static func words(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ word: (Int, Int) -> Void) -> Bool {
        var p = from
        while p < to {
            guard let (_, n) = character(b, p, to) else { return false }
            p += n
        }
        p = from
        while p < to {
            let (first, n) = character(b, p, to)!
            guard first == .letter || first == .digit || first == .underscore else { p += n; continue }
            var last = first
            var q = p + n
            while q < to {
                let (c, m) = character(b, q, to)!
                if c == .letter || c == .digit || c == .underscore { last = c; q += m; continue }
                guard c == .midNumLet || c == .midNum, q + m < to else { break }
                let (next, l) = character(b, q + m, to)!
                let joins = last == .letter ? c == .midNumLet && next == .letter : last == .digit && next == .digit
                guard joins else { break }
                last = next
                q += m + l
            }
            // A lone '_' is not a word.
            if !(q == p + 1 && first == .underscore) { word(p, q) }
            p = q
        }
        return true
    }
}
