/// Decides which line breaks end a unit of text. Hard-wrapped exports put newlines inside
/// sentences ("failed to\nprotect"); those are spaces. A blank line, a newline after a short line
/// (a heading, a form field, a list item) or before a list marker ends the unit.
public enum LineBreaks {
    /// A line shorter than this (in bytes, trailing spaces trimmed) followed by a capitalised line
    /// is a heading, form field or list item rather than a wrapped line.
    public static let shortLine = 40

    /// True when the newline at `p` ends a unit of text (a "structural" newline): the next line
    /// is blank, starts with a list marker or a "Label:" field, the line ends with a colon, or a
    /// short line is followed by one starting with a capital. A next line starting in lower case
    /// always continues the sentence.
    @inline(__always)
    static func isStructural(_ b: UnsafeBufferPointer<UInt8>, newlineAt p: Int) -> Bool {
        // The next line.
        var q = p + 1
        while q < b.count && (b[q] == 0x20 || b[q] == 0x09) { q += 1 }
        if q >= b.count { return true }
        let c = b[q]
        if c == 0x0A || c == 0x0D { return true }
        if c >= 0x61 && c <= 0x7A { return false }                                         // lower case: a wrap
        if c == 0x2D || c == 0x2A || c == 0x3E || c == 0x23 || c == 0x7C { return true }   // - * > # |
        if c == 0xE2 && q + 2 < b.count && b[q + 1] == 0x80 &&
            (b[q + 2] == 0xA2 || b[q + 2] == 0x93 || b[q + 2] == 0x94) { return true }  // • – —
        if c == 0xC2 && q + 1 < b.count && b[q + 1] == 0xB7 { return true }              // ·
        if c >= 0x30 && c <= 0x39 {                                                        // 1. 2) 10.
            var r = q
            while r < b.count && b[r] >= 0x30 && b[r] <= 0x39 { r += 1 }
            if r < b.count && (b[r] == 0x2E || b[r] == 0x29) && (r + 1 >= b.count || b[r + 1] == 0x20 || b[r + 1] == 0x09) { return true }
        }
        // "Label: value" at the start of the next line.
        var r = q
        while r < b.count && r - q < 30 && b[r] != 0x0A {
            if b[r] == 0x3A { if r + 1 >= b.count || b[r + 1] == 0x20 || b[r + 1] == 0x0A || b[r + 1] == 0x0D { return true } }
            if b[r] == 0x2E || b[r] == 0x2C { break }
            r += 1
        }
        // The line that ends here: its length and its last character.
        var s = p
        var content = 0
        var last: UInt8 = 0
        while s > 0 && b[s - 1] != 0x0A {
            s -= 1
            let ch = b[s]
            if content == 0 && (ch == 0x20 || ch == 0x09 || ch == 0x0D) { continue }
            if content == 0 { last = ch }
            content += 1
            if content >= shortLine { break }
        }
        if last == 0x3A { return true }
        return content < shortLine
    }

    /// A copy of `bytes` of the same length in which every newline that is not structural (and a
    /// CR before it) is a space: what the sentence iterator reads.
    public static func unwrapped(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            bytes.withUnsafeBufferPointer { unwrap($0, into: out) }
            count = bytes.count
        }
    }

    /// Writes `unwrapped(b)` into `out`, which holds at least `b.count` bytes.
    static func unwrap(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        guard let from = b.baseAddress, let to = out.baseAddress else { return }
        to.update(from: from, count: b.count)
        var p = 0
        while let n = ByteSearch.firstIndex(of: 0x0A, in: b, from: p) {
            p = n + 1
            let blankBefore = n > 0 && lineIsBlank(b, endingAt: n)
            if blankBefore || isStructural(b, newlineAt: n) { continue }
            to[n] = 0x20
            if n > 0 && b[n - 1] == 0x0D { to[n - 1] = 0x20 }
        }
    }

    static func lineIsBlank(_ b: UnsafeBufferPointer<UInt8>, endingAt p: Int) -> Bool {
        var s = p
        while s > 0 && b[s - 1] != 0x0A {
            s -= 1
            let c = b[s]
            if c != 0x20 && c != 0x09 && c != 0x0D { return false }
        }
        return true
    }
}
