import CaseLensICU

/// Sentence boundaries of one document, computed on demand with ICU's sentence-break rules
/// (English, with abbreviation suppressions) over the text with wrapped lines joined.
/// Only the sentences around reported matches are ever computed.
public final class SentenceIndex {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let iterator: OpaquePointer?
    private var cache: [Range<Int>] = []

    public init(_ document: Document) {
        let unwrapped = LineBreaks.unwrapped(document.bytes)
        buffer = .allocate(capacity: max(unwrapped.count, 1))
        _ = buffer.initialize(from: unwrapped)
        var err: Int32 = 0
        let it = cl_sentences_open(&err)
        if let it {
            buffer.withMemoryRebound(to: CChar.self) { c in
                _ = cl_sentences_set_utf8(it, c.baseAddress, Int64(unwrapped.count))
            }
        }
        iterator = it
    }

    deinit {
        if let iterator { cl_sentences_close(iterator) }
        buffer.deallocate()
    }

    /// The sentence containing byte `offset`, trimmed of surrounding white space.
    public func sentence(containing offset: Int) -> Range<Int> {
        if let hit = cache.last(where: { $0.contains(offset) }) { return hit }
        var s: Int32 = 0, e: Int32 = 0
        guard let iterator, cl_sentences_around(iterator, Int32(offset), &s, &e) == 0 else {
            return 0..<buffer.count
        }
        var lo = Int(s), hi = Int(e)
        while lo < hi && Self.isSpace(buffer[lo]) { lo += 1 }
        while hi > lo && Self.isSpace(buffer[hi - 1]) { hi -= 1 }
        let r = lo..<max(hi, lo)
        cache.append(r)
        if cache.count > 64 { cache.removeFirst(32) }
        return r
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
}
