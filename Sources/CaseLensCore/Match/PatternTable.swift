import Synchronization

/// A compiled lexicon's patterns: each pattern's purpose and role classes, and its elements
/// (alternatives of item sequences). Patterns share their distinct elements (a role class or a
/// family expands once). Read from a snapshot, an element is decoded the first time the judge
/// asks for it: checking one note touches a few dozen of several thousand, and decoding them all
/// was most of `check`'s start-up.
final class PatternTable: Sendable {
    /// Why each pattern exists.
    let purposes: [MatchPurpose]
    /// Each pattern's role class per top-level element (see `CompiledPattern.roles`).
    let roles: [[String?]]
    /// Each pattern's elements, as indices of distinct elements.
    private let references: [[Int32]]
    /// The distinct elements as snapshot bytes: element `i` is `blob[offsets[i]..<offsets[i + 1]]`.
    private let blob: FrozenArray<UInt8>
    private let offsets: FrozenArray<UInt32>
    /// Distinct elements decoded so far.
    private let decoded: Mutex<[[[Item]]?]>

    var count: Int { purposes.count }

    /// The elements of pattern `i`.
    func elements(_ i: Int) -> [[[Item]]] {
        references[i].map { element(Int($0)) }
    }

    /// Every pattern, whole (for compiling automata and writing snapshots).
    var all: [CompiledPattern] {
        (0..<count).map { CompiledPattern(elements: elements($0), purpose: purposes[$0], roles: roles[$0]) }
    }

    /// Distinct element `i`, decoded on first use.
    private func element(_ i: Int) -> [[Item]] {
        if let e = decoded.withLock({ $0[i] }) { return e }
        let e = Self.decode(blob, from: Int(offsets[i]), to: Int(offsets[i + 1]))
        decoded.withLock { $0[i] = e }
        return e
    }

    /// Decodes one element; the bytes were checked when the table was read.
    private static func decode(_ blob: FrozenArray<UInt8>, from start: Int, to end: Int) -> [[Item]] {
        withExtendedLifetime(blob) {
            var r = SnapshotReader(UnsafeRawBufferPointer(start: blob.base, count: blob.count), from: start, to: end)
            guard let e = try? r.lists(Item.self) else { preconditionFailure("a checked pattern element did not decode") }
            return e
        }
    }

    /// Patterns compiled from a lexicon, laid out as in a snapshot (every element decoded).
    convenience init(_ patterns: [CompiledPattern]) {
        var w = SnapshotWriter()
        Self.write(patterns, to: &w)
        // Written just now by the same code, so reading it back cannot fail.
        let bytes = w.bytes
        let read = bytes.withUnsafeBytes { raw in
            var r = SnapshotReader(raw)
            return Result { () throws(SnapshotError) in
                try PatternTable(from: &r, rules: Int.max, vocabularySize: Int(Int32.max), eager: true)
            }
        }
        guard case .success(let table) = read else { preconditionFailure("a pattern table did not read back: \(read)") }
        self.init(purposes: table.purposes, roles: table.roles, references: table.references, blob: table.blob,
                  offsets: table.offsets, decoded: table.decoded.withLock { $0 })
    }

    private init(purposes: [MatchPurpose], roles: [[String?]], references: [[Int32]], blob: FrozenArray<UInt8>,
                 offsets: FrozenArray<UInt32>, decoded: [[[Item]]?]) {
        self.purposes = purposes; self.roles = roles; self.references = references
        self.blob = blob; self.offsets = offsets; self.decoded = Mutex(decoded)
    }
}

/// In a snapshot: the distinct elements' byte offsets and bytes, then each pattern as its element
/// numbers, purpose and roles.
extension PatternTable {
    static func write(_ patterns: [CompiledPattern], to w: inout SnapshotWriter) {
        var numbers: [[[Item]]: Int] = [:], distinct: [[[Item]]] = []
        let references = patterns.map { p in
            p.elements.map { e -> Int in
                if let n = numbers[e] { return n }
                numbers[e] = distinct.count; distinct.append(e)
                return distinct.count - 1
            }
        }
        var blob = SnapshotWriter(), offsets: [UInt32] = [0]
        for alternatives in distinct {
            blob.lists(alternatives)
            offsets.append(UInt32(blob.bytes.count))
        }
        w.array(offsets); w.array(blob.bytes)
        w.int(patterns.count)
        for (p, elements) in zip(patterns, references) {
            w.int(elements.count); for e in elements { w.int(e) }
            w.value(p.purpose)
            w.strings(p.roles.map { $0 ?? "" })
        }
    }

    /// Reads what `write` wrote; every purpose must name one of `rules` rules. With `eager`
    /// (always, unless the reader borrows the embedded snapshot, checked when it was built),
    /// every element is decoded now and its words checked against a vocabulary of
    /// `vocabularySize` words.
    convenience init(from r: inout SnapshotReader, rules: Int, vocabularySize: Int, eager: Bool) throws(SnapshotError) {
        let offsets: FrozenArray<UInt32> = try r.frozenArray()
        let blob: FrozenArray<UInt8> = try r.frozenArray()
        guard offsets.count >= 1, offsets.count < 1 << 24, offsets.first == 0, Int(offsets.last!) == blob.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw SnapshotError(message: "corrupt pattern element offsets")
        }
        let distinctCount = offsets.count - 1
        var decoded = [[[Item]]?](repeating: nil, count: distinctCount)
        if eager {
            try withExtendedLifetime(blob) { () throws(SnapshotError) in
                for i in 0..<distinctCount {
                    var e = SnapshotReader(UnsafeRawBufferPointer(start: blob.base, count: blob.count),
                                           from: Int(offsets[i]), to: Int(offsets[i + 1]))
                    let alternatives: [[Item]] = try e.lists()
                    guard e.isAtEnd, alternatives.allSatisfy({ $0.allSatisfy { $0.kind.fits(vocabularySize: vocabularySize) } }) else {
                        throw SnapshotError(message: "a pattern's word is not in the vocabulary")
                    }
                    decoded[i] = alternatives
                }
            }
        }
        let n = try r.int()
        guard n >= 0 && n < 1 << 24 else { throw SnapshotError(message: "corrupt pattern count \(n)") }
        var purposes: [MatchPurpose] = [], roles: [[String?]] = [], references: [[Int32]] = []
        purposes.reserveCapacity(n); roles.reserveCapacity(n); references.reserveCapacity(n)
        for _ in 0..<n {
            let count = try r.int()
            guard count >= 0 && count < 1 << 16 else { throw SnapshotError(message: "corrupt pattern length \(count)") }
            var elements: [Int32] = []
            elements.reserveCapacity(count)
            for _ in 0..<count {
                let e = try r.int()
                guard e >= 0 && e < distinctCount else { throw SnapshotError(message: "corrupt pattern element \(e)") }
                elements.append(Int32(e))
            }
            let purpose: MatchPurpose = try r.value()
            switch purpose {
            case .rule(let i), .exception(let i), .unless(let i):
                guard i >= 0 && i < rules else { throw SnapshotError(message: "a pattern names rule \(i) of \(rules)") }
            case .negation, .speech, .cue: break
            }
            references.append(elements); purposes.append(purpose)
            roles.append(try r.strings().map { $0.isEmpty ? nil : $0 })
        }
        self.init(purposes: purposes, roles: roles, references: references, blob: blob, offsets: offsets, decoded: decoded)
    }
}

/// One thread's view of a `PatternTable`'s elements: each pattern's, kept once asked for, so the
/// judge reads them without taking the table's lock for every candidate. Not thread-safe: a
/// `Checker` holds its own.
final class PatternElements {
    private let table: PatternTable
    private var byPattern: [[[[Item]]]?]

    init(_ table: PatternTable) { self.table = table; byPattern = Array(repeating: nil, count: table.count) }

    /// The elements of pattern `i`.
    subscript(_ i: Int) -> [[[Item]]] {
        if let e = byPattern[i] { return e }
        let e = table.elements(i)
        byPattern[i] = e
        return e
    }
}
