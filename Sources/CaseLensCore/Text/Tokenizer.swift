import CaseLensICU

/// The words of a document, in order, with the document's word count.
public struct TokenizedText: Sendable {
    public var tokens: [Token]
    /// Words as a reader counts them (clitics such as 's are not counted apart).
    public var wordCount: Int
}

/// Errors from the ICU layer.
public struct ICUError: Error, CustomStringConvertible {
    public let code: Int32
    public let what: String
    public var description: String { "ICU could not \(what) (error \(code))" }
}

/// Splits UTF-8 text into word tokens with ICU's word-break rules (UAX #29), folds each with
/// Unicode case folding, and records quotation and the punctuation between words.
/// Not thread-safe: use one per thread.
public final class Tokenizer {
    private let words: OpaquePointer
    /// Folding buffer (a raw pointer: an array property would be checked for uniqueness on every write).
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
    private static let scratchCapacity = 1024

    public init() throws {
        var err: Int32 = 0
        guard let w = cl_words_open(&err) else { throw ICUError(code: err, what: "open a word iterator") }
        words = w
    }

    deinit { cl_words_close(words); scratch.deallocate() }

    /// Segment with ICU alone (no ASCII fast path): for the differential test and comparisons.
    public var icuOnly = false

    /// Tokenises `bytes`, looking each folded word up in `vocabulary`.
    ///
    /// Word boundaries are ICU's (UAX #29). Runs of pure-ASCII text between white space go through
    /// `ASCIIWords`, a transcription of ICU's rules for ASCII that yields exactly ICU's words (a test
    /// compares both over the whole corpus), and runs whose only non-ASCII characters are Latin
    /// letters and common punctuation through `LatinWords`, the same rules for those; any other
    /// run goes to ICU.
    public func tokenize(_ bytes: [UInt8], vocabulary: Vocabulary) -> TokenizedText {
        guard !bytes.isEmpty else { return TokenizedText(tokens: [], wordCount: 0) }
        return bytes.withUnsafeBufferPointer { b in
            vocabulary.withLookup { words in
                var out = TokenSequence(b)
                if icuOnly { icuWords(0, b.count, words, &out); return out.finish() }
                let n = b.count
                var i = 0
                while i < n {
                    while i < n && ASCIIWords.isSpace(b[i]) { i += 1 }
                    let chunk = i
                    let ascii: Bool
                    (i, ascii) = ASCIIWords.chunkEnd(b, from: i)
                    if chunk == i { break }
                    if !ascii {
                        let latin = LatinWords.words(b, from: chunk, to: i) { add($0, $1, words, &out) }
                        if !latin { icuWords(chunk, i, words, &out) }
                        continue
                    }
                    var p = chunk
                    while p < i {
                        guard let word = ASCIIWords.word(b, from: p, limit: i) else { p += 1; continue }
                        if word.hasApostrophe {
                            add(p, word.end, words, &out)
                        } else {
                            // Hashed while read: look it up folding as it compares, without a copy.
                            let n = word.end - p
                            let id = n > Self.longestWord ? Vocabulary.unknown
                                : words.find(b.baseAddress! + p, n, hash: word.hash, folding: ASCIIWords.folded)
                            out.append(p, word.end, id: id, flags: out.flags(ofWord: p, word.end))
                        }
                        p = word.end
                    }
                }
                return out.finish()
            }
        }
    }

    /// Adds ICU's words of `b[from..<to]`.
    private func icuWords(_ from: Int, _ to: Int, _ words: Vocabulary.Lookup, _ out: inout TokenSequence) {
        out.bytes.withMemoryRebound(to: CChar.self) { c in
            _ = cl_words_set_utf8(self.words, c.baseAddress! + from, Int64(to - from))
        }
        var s: Int32 = 0, e: Int32 = 0
        while cl_words_next(self.words, &s, &e) >= 0 { add(from + Int(s), from + Int(e), words, &out) }
    }

    /// Adds the word `start..<end`, as two tokens when it ends in a clitic.
    @inline(__always)
    private func add(_ start: Int, _ end: Int, _ words: Vocabulary.Lookup, _ out: inout TokenSequence) {
        let b = out.bytes
        let flags = out.flags(ofWord: start, end)
        let split = Self.cliticStart(b, start, end)
        if split > start {
            out.append(start, split, id: lookup(b, start, split, words), flags: flags)
            out.append(split, end, id: lookup(b, split, end, words), flags: flags.intersection(.quoted), counted: false)
        } else {
            out.append(start, end, id: lookup(b, start, end, words), flags: flags)
        }
    }

    /// The folded form of each word of `text`, as patterns see it.
    public func foldedWords(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        let tokens = tokenize(bytes, vocabulary: Vocabulary()).tokens
        return bytes.withUnsafeBufferPointer { b in tokens.map { fold(b, Int($0.start), Int($0.end)) } }
    }

    /// The folded form of one token of `bytes`, as a string.
    public func foldedText(_ bytes: [UInt8], _ token: Token) -> String {
        bytes.withUnsafeBufferPointer { b in String(decoding: fold(b, Int(token.start), Int(token.end)), as: UTF8.self) }
    }

    /// The folded bytes of `b[s..<e]`.
    func fold(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8] {
        let n = foldIntoScratch(b, s, e).count
        return Array(UnsafeBufferPointer(start: scratch, count: n))
    }

    @inline(__always)
    private func lookup(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ words: Vocabulary.Lookup) -> Int32 {
        let (n, hash) = foldIntoScratch(b, s, e)
        if n == 0 { return Vocabulary.unknown }
        return words.find(UnsafePointer(scratch), n, hash: hash)
    }

    /// Words longer than this (in bytes) are never in the vocabulary.
    private static let longestWord = 200

    /// Folds into `scratch`: ASCII lower-cased inline, anything else through ICU NFKC_Casefold.
    /// Returns the folded length and its `Vocabulary.hash`.
    @inline(__always)
    private func foldIntoScratch(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (count: Int, hash: Int) {
        let n = e - s
        if n > Self.longestWord { return (0, 0) }
        var ascii = true
        var h = Vocabulary.hashSeed
        for k in 0..<n {
            let c = b[s + k]
            if c >= 0x80 { ascii = false; break }
            let f = ASCIIWords.folded(c)
            scratch[k] = f
            h = Vocabulary.hashStep(h, f)
        }
        if ascii { return (n, Vocabulary.hashEnd(h)) }
        let m = scratch.withMemoryRebound(to: CChar.self, capacity: Self.scratchCapacity) { d in
            b.withMemoryRebound(to: CChar.self) { src in
                cl_fold_utf8(src.baseAddress! + s, Int32(n), d, Int32(Self.scratchCapacity))
            }
        }
        return m <= 0 ? (0, 0) : (Int(m), Vocabulary.hash(UnsafePointer(scratch), Int(m)))
    }

    @inline(__always)
    static func startsUpper(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let c = b[s]
        if c < 0x80 { return c >= 0x41 && c <= 0x5A }
        return b.withMemoryRebound(to: CChar.self) { cl_starts_upper($0.baseAddress! + s, Int32(e - s)) } != 0
    }

    /// Where an English clitic ('s, n't, 've, 're, 'll, 'd, 'm; straight or curly apostrophe)
    /// begins in the word `b[s..<e]`, or `s` when there is none.
    @inline(__always)
    static func cliticStart(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let n = e - s
        if n < 3 { return s }
        func lower(_ i: Int) -> UInt8 { let c = b[i]; return (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        // Find the apostrophe before a short alphabetic tail.
        var tailLen = 0
        var i = e - 1
        while i > s && tailLen < 3 {
            let c = lower(i)
            if c >= 0x61 && c <= 0x7A { tailLen += 1; i -= 1 } else { break }
        }
        guard tailLen >= 1, i > s else { return s }
        var apostropheStart = -1
        if b[i] == 0x27 { apostropheStart = i }
        else if i >= s + 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80 && (b[i] == 0x99) { apostropheStart = i - 2 }
        guard apostropheStart > s else { return s }
        let tail = (i + 1..<e).map { lower($0) }
        switch tail {
        case [0x73], [0x64], [0x6D], [0x76, 0x65], [0x72, 0x65], [0x6C, 0x6C]:     // s d m ve re ll
            return apostropheStart
        case [0x74]:                                                                // n't
            if apostropheStart - 1 > s && lower(apostropheStart - 1) == 0x6E { return apostropheStart - 1 }
            return s
        default:
            return s
        }
    }
}
