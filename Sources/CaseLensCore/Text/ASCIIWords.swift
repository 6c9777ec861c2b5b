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
    /// or the end), and whether the run is ASCII without '@' (words `wordEnd` can read).
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

    /// The end of the word starting at `p`, or 0 when the byte at `p` does not start a word.
    @inline(__always)
    static func wordEnd(_ b: UnsafeBufferPointer<UInt8>, from p: Int, limit: Int) -> Int {
        let c = b[p]
        guard isLetter(c) || isDigit(c) || c == 0x5F else { return 0 }
        // Classes: 1 letter, 2 digit, 3 underscore.
        var last: UInt8 = isLetter(c) ? 1 : isDigit(c) ? 2 : 3
        var j = p + 1
        while j < limit {
            let x = b[j]
            if isLetter(x) { last = 1; j += 1; continue }
            if isDigit(x) { last = 2; j += 1; continue }
            if x == 0x5F { last = 3; j += 1; continue }
            if j + 1 < limit {
                let next = b[j + 1]
                if last == 1 && (x == 0x2E || x == 0x27) && isLetter(next) { j += 2; last = 1; continue }
                if last == 2 && (x == 0x2E || x == 0x27 || x == 0x2C || x == 0x3B) && isDigit(next) { j += 2; last = 2; continue }
            }
            break
        }
        if j == p + 1 && c == 0x5F { return 0 }
        return j
    }
}
