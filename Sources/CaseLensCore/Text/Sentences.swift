/// Sentence boundaries of one document, by ICU's sentence-break rules (English, with abbreviation
/// suppressions; `SentenceRules`) over the text with wrapped lines joined. Boundaries are read
/// forward from the start, only as far as the last sentence asked for.
public final class SentenceIndex {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The joined text: `buffer` without its spare byte.
    private let text: UnsafeBufferPointer<UInt8>
    private var cache: [Range<Int>] = []
    /// The boundaries read so far, from the start of the text on; `complete`: the last one is
    /// the end of the text.
    private var bounds: [Int] = [0]
    private var complete = false

    public init(_ document: Document) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(document.bytes.count, 1))
        document.bytes.withUnsafeBufferPointer { LineBreaks.unwrap($0, into: buffer) }
        self.buffer = buffer
        text = UnsafeBufferPointer(start: buffer.baseAddress, count: document.bytes.count)
    }

    deinit { buffer.deallocate() }

    /// The sentence containing byte `offset`, trimmed of surrounding white space.
    public func sentence(containing offset: Int) -> Range<Int> {
        if let hit = cache.last(where: { $0.contains(offset) }) { return hit }
        guard let (s, e) = ruleSentence(containing: offset) else { return 0..<text.count }
        var (lo, hi) = Self.unsuppressed(text, s..<e, containing: offset)
        while lo < hi && Self.isSpace(text[lo]) { lo += 1 }
        while hi > lo && Self.isSpace(text[hi - 1]) { hi -= 1 }
        let r = lo..<max(hi, lo)
        cache.append(r)
        if cache.count > 64 { cache.removeFirst(32) }
        return r
    }

    /// The sentence around byte `offset` by the rules: the last boundary at or before it and the
    /// next one.
    private func ruleSentence(containing offset: Int) -> (Int, Int)? {
        guard offset >= 0, offset < text.count else { return nil }
        if offset >= bounds[bounds.count - 1] && !complete {
            let rules = SentenceRules(text: text, exceptions: .english)
            var last = bounds[bounds.count - 1]
            while last <= offset && last < text.count {
                last = rules.boundary(after: last)
                bounds.append(last)
            }
            if last >= text.count { complete = true }
        }
        // The last boundary at or before `offset`.
        var lo = 0, hi = bounds.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if bounds[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo + 1 < bounds.count ? (bounds[lo], bounds[lo + 1]) : nil
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
