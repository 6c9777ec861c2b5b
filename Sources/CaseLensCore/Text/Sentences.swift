import CaseLensICU

/// ICU's sentence iterator (English, with abbreviation suppressions), opened once and lent to one
/// `SentenceIndex` after another: opening it costs more than finding a note's sentences.
/// Not thread-safe: use one per thread (a `Checker` holds one).
public final class SentenceBreaker {
    fileprivate let iterator: OpaquePointer?
    /// The index whose text the iterator holds.
    fileprivate weak var holder: SentenceIndex?

    public init() {
        var err: Int32 = 0
        iterator = cl_sentences_open(&err)
    }

    deinit { if let iterator { cl_sentences_close(iterator) } }
}

/// Sentence boundaries of one document, computed on demand with ICU's sentence-break rules
/// (English, with abbreviation suppressions) over the text with wrapped lines joined.
/// Only the sentences around reported matches are ever computed.
public final class SentenceIndex {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let count: Int
    private let breaker: SentenceBreaker
    private var cache: [Range<Int>] = []

    public init(_ document: Document, breaker: SentenceBreaker = SentenceBreaker()) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(document.bytes.count, 1))
        document.bytes.withUnsafeBufferPointer { LineBreaks.unwrap($0, into: buffer) }
        self.buffer = buffer
        count = document.bytes.count
        self.breaker = breaker
    }

    deinit { buffer.deallocate() }

    /// The breaker's iterator, set to this index's text if another index had it.
    private func iterator() -> OpaquePointer? {
        guard let it = breaker.iterator else { return nil }
        if breaker.holder !== self {
            buffer.withMemoryRebound(to: CChar.self) { c in _ = cl_sentences_set_utf8(it, c.baseAddress, Int64(count)) }
            breaker.holder = self
        }
        return it
    }

    /// The sentence containing byte `offset`, trimmed of surrounding white space.
    public func sentence(containing offset: Int) -> Range<Int> {
        if let hit = cache.last(where: { $0.contains(offset) }) { return hit }
        guard let (s, e) = icuSentence(containing: offset) else { return 0..<buffer.count }
        var (lo, hi) = Self.unsuppressed(UnsafeBufferPointer(buffer), s..<e, containing: offset)
        while lo < hi && Self.isSpace(buffer[lo]) { lo += 1 }
        while hi > lo && Self.isSpace(buffer[hi - 1]) { hi -= 1 }
        let r = lo..<max(hi, lo)
        cache.append(r)
        if cache.count > 64 { cache.removeFirst(32) }
        return r
    }

    /// ICU's boundaries from the start of the text on, read forward, up to the last one asked
    /// for: a record's passes look up sentence after sentence, and reading on from the last
    /// boundary costs ICU less than placing its iterator anew each time. `complete`: the last one
    /// is the end of the text.
    private var bounds: [Int32] = [0]
    private var complete = false
    /// An offset further than this many bytes past the last boundary read is looked up where it
    /// is instead (a long text with a match near its end).
    static let readAhead = 1 << 16

    /// ICU's sentence around byte `offset`: the last boundary at or before it and the next one.
    private func icuSentence(containing offset: Int) -> (Int, Int)? {
        guard offset >= 0, offset < count, let iterator = iterator() else { return nil }
        if offset >= Int(bounds[bounds.count - 1]) && !complete {
            if offset - Int(bounds[bounds.count - 1]) > Self.readAhead {
                var s: Int32 = 0, e: Int32 = 0
                guard cl_sentences_around(iterator, Int32(offset), &s, &e) == 0 else { return nil }
                return (Int(s), Int(e))
            }
            var next = cl_sentences_following(iterator, bounds[bounds.count - 1])
            while next >= 0 {
                bounds.append(next)
                if Int(next) > offset { break }
                next = cl_sentences_next(iterator)
            }
            if next < 0 { complete = true }
        }
        // The last boundary at or before `offset`.
        var lo = 0, hi = bounds.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(bounds[mid]) <= offset { lo = mid } else { hi = mid }
        }
        return lo + 1 < bounds.count ? (Int(bounds[lo]), Int(bounds[lo + 1])) : nil
    }

    /// The part of ICU's sentence `range` that holds `offset`, once breaks ICU suppressed by
    /// mistake are put back. Its abbreviation list is matched on word endings, so "DAPP." and
    /// "ICPC." pass for "pp." and "PC.", and "the app." for "pp.". A full stop after a word of
    /// three or more characters that is all capitals (an acronym) or all lower-case, followed by
    /// spaces and a capital letter, ends a sentence. Titles ("Mrs.", "Prof.") keep ICU's reading.
    static func unsuppressed(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, containing offset: Int) -> (Int, Int) {
        var lo = range.lowerBound, hi = range.upperBound
        var i = range.lowerBound
        while i < range.upperBound - 2 {
            defer { i += 1 }
            guard b[i] == 0x2E else { continue }
            var j = i + 1
            while j < range.upperBound && (b[j] == 0x20 || b[j] == 0x0A) { j += 1 }
            guard j > i + 1, j < range.upperBound, b[j] >= 0x41 && b[j] <= 0x5A else { continue }
            var w = i, upper = 0, lower = 0, other = 0
            while w > range.lowerBound {
                let c = b[w - 1]
                if c >= 0x41 && c <= 0x5A { upper += 1 } else if c >= 0x61 && c <= 0x7A { lower += 1 }
                else if (c >= 0x30 && c <= 0x39) || c == 0x26 { other += 1 } else { break }
                w -= 1
            }
            guard i - w >= 3, (lower == 0 && upper >= 2) || (upper == 0 && other == 0) else { continue }
            if offset < j { hi = i + 1; break }
            lo = j
        }
        return (lo, hi)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
}
