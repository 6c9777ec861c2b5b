/// One word of the text: its exact byte range, its vocabulary id (of its case-folded form) and
/// what lies between it and the previous word.
public struct Token: Sendable, Equatable {
    /// UTF-8 byte range `[start, end)` in the document.
    public var start: Int32
    public var end: Int32
    /// Vocabulary id of the case-folded word, or `Vocabulary.unknown`.
    public var id: Int32
    public var flags: TokenFlags

    public init(start: Int32, end: Int32, id: Int32, flags: TokenFlags) {
        self.start = start; self.end = end; self.id = id; self.flags = flags
    }
}

/// Facts about a token and the gap before it.
public struct TokenFlags: OptionSet, Sendable, Equatable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Starts with an upper-case letter.
    public static let capitalised = TokenFlags(rawValue: 1)
    /// Lies inside quotation marks.
    public static let quoted = TokenFlags(rawValue: 2)
    /// A sentence end or paragraph break lies before it: no pattern spans the gap.
    public static let hardBreak = TokenFlags(rawValue: 4)
    /// Punctuation lies before it: adjacent pattern words may not span the gap, gaps may.
    public static let softBreak = TokenFlags(rawValue: 8)
    /// A number rather than a word.
    public static let number = TokenFlags(rawValue: 16)
    /// Capitalised, but a word that is never a name ("The", "He", "Monday": record.yaml's
    /// `not_name`), so a pattern's `<Name>` does not take it.
    public static let notName = TokenFlags(rawValue: 32)

    /// Whether a pattern's `<Name>` may take the token.
    @inline(__always) var mayBeName: Bool { rawValue & 0b10_0001 == 1 }
}

extension Array where Element == Token {
    /// The index of the first token that starts at or after byte `offset`, or nil (tokens are in
    /// text order: a binary search).
    func firstIndex(startingAtOrAfter offset: Int) -> Int? {
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) / 2; if Int(self[mid].start) < offset { lo = mid + 1 } else { hi = mid } }
        return lo < count ? lo : nil
    }
}

extension Array where Element == Token {
    /// True when a line break lies between token `k - 1` and token `k` of `bytes`: a name never
    /// runs across one ("Father: Jason Webb⏎Jason Webb kicked" holds two names, not "Webb Jason
    /// Webb"). Reads only the bytes between the two words.
    func lineBreak(before k: Int, in bytes: [UInt8]) -> Bool {
        guard k > 0, k < count else { return false }
        var p = Int(self[k - 1].end)
        let e = Int(self[k].start)
        while p < e { if bytes[p] == 0x0A || bytes[p] == 0x0D { return true }; p += 1 }
        return false
    }
}

extension Token {
    /// True when the token is the clitic "'s" or "’s" of `bytes` (read on its bytes: callers ask
    /// this of every word they walk past).
    func isPossessive(in b: [UInt8]) -> Bool {
        let s = Int(start), e = Int(end)
        guard e > s, b[e - 1] | 0x20 == 0x73 else { return false }
        return (e - s == 2 && b[s] == 0x27) || (e - s == 4 && b[s] == 0xE2 && b[s + 1] == 0x80 && b[s + 2] == 0x99)
    }
}
