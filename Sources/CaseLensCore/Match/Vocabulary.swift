/// Interns the case-folded words that lexicon patterns use to dense integer ids.
/// Text tokens are looked up without allocating; a word no pattern uses gets `Vocabulary.unknown`,
/// so the table never grows while scanning.
public struct Vocabulary: Sendable {
    public static let unknown: Int32 = -1

    private var arena: [UInt8] = []
    private var offsets: [Int32] = [0]          // word i is arena[offsets[i]..<offsets[i+1]]
    private var slots: [Int32]                  // open addressing: word id or -1
    private var mask: Int

    public init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    /// Number of distinct words.
    public var count: Int { offsets.count - 1 }

    /// The folded word of an id.
    public func word(_ id: Int32) -> String {
        let i = Int(id)
        return String(decoding: arena[Int(offsets[i])..<Int(offsets[i + 1])], as: UTF8.self)
    }

    /// The id of a folded word, adding it if new.
    @discardableResult
    public mutating func intern(_ folded: [UInt8]) -> Int32 {
        precondition(!folded.isEmpty, "empty word")
        let found = lookup(folded)
        if found != Self.unknown { return found }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: folded)
        offsets.append(Int32(arena.count))
        insert(id, hash: folded.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) })
        return id
    }

    /// The id of a folded word, or `unknown`.
    @inline(__always)
    public func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 { lookup(p, n, hash: Self.hash(p, n)) }

    /// The id of a folded word given as bytes, or `unknown` (also for no bytes).
    public func lookup(_ folded: [UInt8]) -> Int32 {
        folded.withUnsafeBufferPointer { b in b.baseAddress.map { lookup($0, b.count) } ?? Self.unknown }
    }

    /// The id of a folded word whose `hash` is known, or `unknown`.
    @inline(__always)
    public func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, hash: Int) -> Int32 {
        withLookup { $0.find(p, n, hash: hash) }
    }

    /// Calls `body` with a view of the table for many look-ups (no array access per probe).
    @inline(__always)
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        arena.withUnsafeBufferPointer { a in
            offsets.withUnsafeBufferPointer { o in
                slots.withUnsafeBufferPointer { s in body(Lookup(arena: a, offsets: o, slots: s, mask: mask)) }
            }
        }
    }

    /// The vocabulary's arrays through raw pointers, valid inside `withLookup`.
    struct Lookup {
        let arena: UnsafeBufferPointer<UInt8>
        let offsets: UnsafeBufferPointer<Int32>
        let slots: UnsafeBufferPointer<Int32>
        let mask: Int

        /// The id of the word whose bytes are `fold` of `p[0..<n]` and whose `Vocabulary.hash` is
        /// `hash`, or `unknown` (`fold` lets a caller look up text it has not copied folded).
        @inline(__always)
        func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: Int, folding fold: (UInt8) -> UInt8 = { $0 }) -> Int32 {
            var slot = hash & mask
            while true {
                let id = slots[slot]
                if id < 0 { return Vocabulary.unknown }
                let s = Int(offsets[Int(id)]), e = Int(offsets[Int(id) + 1])
                if e - s == n {
                    var k = 0
                    while k < n && arena[s + k] == fold(p[k]) { k += 1 }
                    if k == n { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes, then mixed: `hashEnd` of `hashStep` over each byte from `hashSeed`
    /// (so a caller can hash while it folds).
    @inline(__always)
    public static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var h = hashSeed
        for k in 0..<n { h = hashStep(h, p[k]) }
        return hashEnd(h)
    }
    public static let hashSeed: UInt64 = 0xcbf29ce484222325
    @inline(__always) public static func hashStep(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100000001b3 }
    @inline(__always) public static func hashEnd(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    private mutating func insert(_ id: Int32, hash: Int) {
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count {
            let s = Int(offsets[id]), e = Int(offsets[id + 1])
            let h = arena.withUnsafeBufferPointer { Self.hash($0.baseAddress! + s, e - s) }
            insert(Int32(id), hash: h)
        }
    }
}

extension Vocabulary: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.array(arena); w.array(offsets); w.array(slots); w.int(mask) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        arena = try r.array(); offsets = try r.array(); slots = try r.array(); mask = try r.int()
        guard slots.count == mask + 1, slots.count.nonzeroBitCount == 1, offsets.first == 0,
              offsets.last.map(Int.init) == arena.count, slots.allSatisfy({ $0 < offsets.count - 1 }) else {
            throw SnapshotError(message: "inconsistent vocabulary")
        }
    }
}
