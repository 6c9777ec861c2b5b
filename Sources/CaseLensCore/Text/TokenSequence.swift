/// The tokens of one `tokenize` call as they are added, with what the gaps between them say.
/// Tokens go into a buffer of their own until `finish`: appending to an array checks that it is
/// not shared, a call per token.
struct TokenSequence {
    let bytes: UnsafeBufferPointer<UInt8>
    private var tokens: UnsafeMutablePointer<Token>
    private var count = 0, capacity: Int
    private var wordCount = 0
    var separators = SeparatorState()
    /// The previous word's bytes (for abbreviations before a full stop).
    var previousStart = 0, previousEnd = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        capacity = bytes.count / 5 + 16
        tokens = .allocate(capacity: capacity)
    }

    /// The tokens as an array; the buffer is freed.
    mutating func finish() -> TokenizedText {
        let text = TokenizedText(tokens: Array(UnsafeBufferPointer(start: tokens, count: count)), wordCount: wordCount)
        tokens.deinitialize(count: count)
        tokens.deallocate()
        count = 0; capacity = 0
        return text
    }

    /// The flags of the next word, `start..<end`: what lies in the gap before it, and whether it
    /// is a number or capitalised.
    @inline(__always)
    mutating func flags(ofWord start: Int, _ end: Int) -> TokenFlags {
        var flags = separators.scan(bytes, from: previousEnd, to: start, previousWord: previousStart..<previousEnd)
        let first = bytes[start]
        if first >= 0x30 && first <= 0x39 { flags.insert(.number) }
        if Tokenizer.startsUpper(bytes, start, end) { flags.insert(.capitalised) }
        return flags
    }

    /// Appends a token; `counted` when it begins a word (a clitic split off one does not).
    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, id: Int32, flags: TokenFlags, counted: Bool = true) {
        if count == capacity { grow() }
        (tokens + count).initialize(to: Token(start: Int32(start), end: Int32(end), id: id, flags: flags))
        count += 1
        if counted { wordCount += 1; previousStart = start }
        previousEnd = end
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: tokens, count: count)
        tokens.deallocate()
        tokens = larger
        capacity *= 2
    }
}
