/// A match of one compiled pattern over tokens `first...last` (inclusive token indices).
public struct RawMatch: Sendable, Equatable {
    /// Index of the compiled pattern.
    public var pattern: Int32
    public var first: Int32
    public var last: Int32
}

/// Patterns of a lexicon compiled into one nondeterministic automaton over token ids. Each
/// pattern element is a small trie of its alternatives (word sets, names, any word, gaps); the
/// elements are joined by epsilon edges, so a pattern costs the sum of its elements, not their
/// product. Patterns share their first element's trie from the root. Scanning keeps the set of
/// partial matches alive at each token, so the cost per token depends on how many partial matches
/// are open, not on how many rules there are. Immutable after building: share it across threads.
///
/// A compiled lexicon builds three of these (see `CompiledLexicon`), so that the frequent context
/// words (negation, speech verbs, record cues) do not keep partial matches open in the scan that
/// finds rule candidates. Outputs are indices into the lexicon's full pattern list whichever
/// automaton finds them.
///
/// The scan (`Scanner`) opens a partial match in a state only when the next token can continue
/// it, which it looks up in a per-state table of the words the state's epsilon closure can take
/// (most arrivals, at a name or at "the", "she", open nothing); a gap opens a state only if one of
/// the tokens it may skip to can continue it. Each state's data sits in one record (`State`), its
/// lists in one array, and the hashed transitions in another, read through raw pointers.
public struct Automaton: Sendable {
    /// One record per state (see `State`).
    var states = FrozenArray<State>([])
    /// The states' lists (closure members, outputs, name, any-word and gap children, token-edge
    /// targets), one after another.
    var lists = FrozenArray<Int32>([])
    /// Hashed token transitions and look-ahead, in one array: the `hashTable` of (node, token id)
    /// edge keys with their targets' range in `lists` (offset << 32 | count), then the root's
    /// ranges by token id (`vocabularySize`), then at `followBase` the look-ahead `hashTable`:
    /// (node, token id) with the range in `lists` of the positions, in the node's closure list,
    /// of the states that have an edge on that word.
    var wide = FrozenArray<UInt64>([])
    var edgeMask = 0, followMask = 0, followBase = 0
    /// Exact word sets, one bit per vocabulary id, of states with more than `bitmapThreshold`
    /// words, where a signature would let most words through.
    var bitmaps = FrozenArray<UInt64>([])
    static let bitmapThreshold = 8
    var nodeCount = 1
    var rootHasName = false, rootHasAny = false

    /// What a state's transitions take (`State.steps`), and what its closure's take
    /// (`State.closureSteps`, with `endsOrSkips`).
    static let stepsOnToken: Int32 = 1, stepsOnName: Int32 = 2, stepsOnAny: Int32 = 4
    /// Some state of the closure ends a pattern or has a gap.
    static let endsOrSkips: Int32 = 8

    /// A word's bit in a signature: one bit per word (hashed) a state has an edge on, so most
    /// words without one are turned away without probing the hashed tables, which do not fit in
    /// a fast cache.
    @inline(__always) static func signature(_ id: Int32) -> UInt64 { 1 << ((UInt64(UInt32(id)) &* 0x9E3779B97F4A7C15) >> 58) }

    /// Number of states.
    public var stateCount: Int { nodeCount }

    /// Number of word ids the root's table covers (the vocabulary's size when compiled).
    var vocabularySize: Int { followBase - 2 * (edgeMask + 1) }

    /// Compiles the patterns of one stage (all when nil); matches report their index in `patterns`.
    init(patterns: [CompiledPattern], vocabularySize: Int, stage: MatchStage? = nil) {
        var nameEdges: [[Int32]] = [[]]
        var anyEdges: [[Int32]] = [[]]
        var gapChildren: [[(n: Int8, node: Int32)]] = [[]]
        var outputs: [[Int32]] = [[]]
        var children: [[ItemKind: Int32]] = [[:]]
        var epsilons: [[Int32]] = [[]]
        var tokenEdges: [UInt64: [Int32]] = [:]
        func newNode() -> Int32 {
            children.append([:]); nameEdges.append([]); anyEdges.append([]); gapChildren.append([])
            outputs.append([]); epsilons.append([])
            return Int32(outputs.count - 1)
        }
        func child(_ node: Int32, _ kind: ItemKind) -> Int32 {
            if let c = children[Int(node)][kind] { return c }
            let c = newNode()
            children[Int(node)][kind] = c
            switch kind {
            case .token(let id): tokenEdges[Self.key(node, id), default: []].append(c)
            case .tokens(let ids):
                for id in ids { tokenEdges[Self.key(node, id), default: []].append(c) }
            case .name: nameEdges[Int(node)].append(c)
            case .any: anyEdges[Int(node)].append(c)
            case .gap(let n): gapChildren[Int(node)].append((Int8(n), c))
            }
            return c
        }
        // Word sets are split into one edge per word, so alternatives that share a word share a
        // node (a trie over words, not over sets).
        func insert(_ items: ArraySlice<Item>, from node: Int32, into ends: inout [Int32]) {
            guard let item = items.first else { if !ends.contains(node) { ends.append(node) }; return }
            if case .tokens(let ids) = item.kind {
                for id in ids { insert(items.dropFirst(), from: child(node, .token(id)), into: &ends) }
            } else {
                insert(items.dropFirst(), from: child(node, item.kind), into: &ends)
            }
        }
        // Patterns with the same elements from the same node share the element's join node.
        var joins: [JoinKey: Int32] = [:]
        for (index, pattern) in patterns.enumerated() where stage == nil || pattern.purpose.stage == stage {
            for variant in Self.variants(pattern.elements) {
                var start: Int32 = 0
                for alternatives in variant {
                    let key = JoinKey(start: start, alternatives: alternatives.map { $0.map(\.kind) })
                    if let j = joins[key] { start = j; continue }
                    var ends: [Int32] = []
                    for alt in alternatives {
                        if alt.isEmpty { if !ends.contains(start) { ends.append(start) } }
                        else { insert(alt[...], from: start, into: &ends) }
                    }
                    let join: Int32
                    if ends.count == 1 { join = ends[0] } else {
                        join = newNode()
                        for e in ends { epsilons[Int(e)].append(join) }
                    }
                    joins[key] = join
                    start = join
                }
                outputs[Int(start)].append(Int32(index))
            }
        }
        // Epsilon closures (epsilon edges always point to later nodes).
        var closure: [[Int32]] = (0..<outputs.count).map { [Int32($0)] }
        for n in stride(from: outputs.count - 1, through: 0, by: -1) {
            var c: [Int32] = [Int32(n)]
            for e in epsilons[n] { for x in closure[Int(e)] where !c.contains(x) { c.append(x) } }
            closure[n] = c
        }
        nodeCount = outputs.count
        rootHasName = !nameEdges[0].isEmpty
        rootHasAny = !anyEdges[0].isEmpty
        // Token edges: each state's words, and the targets of each (state, word) key.
        // In key order, so the same patterns always give the same tables (the lexicon snapshot
        // embedded at build time must be reproducible).
        let edgeKeys = tokenEdges.keys.sorted()
        var words = [[Int32]](repeating: [], count: nodeCount)
        for key in edgeKeys { words[Int(key >> 32)].append(Int32(truncatingIfNeeded: key)) }
        // Built in locals, not through `self`, and each state's record as a copy written back.
        var lists: [Int32] = [], bitmaps: [UInt64] = []
        lists.reserveCapacity(8 * nodeCount)
        func add(_ list: [Int32]) -> (Int32, Int32) {
            lists += list
            return (Int32(lists.count - list.count), Int32(lists.count))
        }
        var states = (0..<nodeCount).map { n in
            var s = State()
            (s.outputsLo, s.outputsHi) = add(outputs[n])
            (s.namesLo, s.namesHi) = add(nameEdges[n])
            (s.anysLo, s.anysHi) = add(anyEdges[n])
            s.steps = (words[n].isEmpty ? 0 : Self.stepsOnToken) | (nameEdges[n].isEmpty ? 0 : Self.stepsOnName)
                | (anyEdges[n].isEmpty ? 0 : Self.stepsOnAny)
            for id in words[n] { s.signature |= Self.signature(id) }
            return s
        }
        let bitmapWords = (vocabularySize + 63) / 64
        func bitmap(_ ids: [Int32]) -> Int32 {
            guard ids.count > Self.bitmapThreshold else { return -1 }
            let base = bitmaps.count
            bitmaps.append(contentsOf: repeatElement(0, count: bitmapWords))
            for id in ids { bitmaps[base + Int(id) / 64] |= 1 << UInt64(id % 64) }
            return Int32(base)
        }
        // Look-ahead: for each state and word, the positions in its closure list of the states
        // with an edge on that word.
        var follows: [(UInt64, UInt64)] = []
        // Only the targets of transitions are ever arrived at (join nodes are reached by epsilon).
        var arrivedAt = [Bool](repeating: false, count: nodeCount)
        for targets in tokenEdges.values { for t in targets { arrivedAt[Int(t)] = true } }
        for t in nameEdges.joined() { arrivedAt[Int(t)] = true }
        for t in anyEdges.joined() { arrivedAt[Int(t)] = true }
        var hits: [(word: Int32, position: Int32)] = [], ends: [Int32] = [], anyEnds: [Int32] = [], closureWords: [Int32] = []
        for n in 0..<nodeCount {
            var s = states[n]
            // Each gap: its budget, how many states it opens, and those states (its child's closure
            // states that have transitions).
            let gaps = gapChildren[n].flatMap { gap in
                let opened = closure[Int(gap.node)].filter { states[Int($0)].steps != 0 }
                return [Int32(gap.n), Int32(opened.count)] + opened
            }
            (s.gapsLo, s.gapsHi) = add(gaps)
            if arrivedAt[n] {
                (s.closureLo, s.closureHi) = add(closure[n])
                hits.removeAll(keepingCapacity: true); ends.removeAll(keepingCapacity: true)
                anyEnds.removeAll(keepingCapacity: true); closureWords.removeAll(keepingCapacity: true)
                for i in closure[n].indices {
                    let c = Int(closure[n][i]), position = s.closureLo + Int32(i)
                    s.closureSteps |= states[c].steps
                    let endsOrSkips = !outputs[c].isEmpty || !gapChildren[c].isEmpty
                    if endsOrSkips { s.closureSteps |= Self.endsOrSkips; ends.append(position) }
                    if endsOrSkips || states[c].steps & Self.stepsOnAny != 0 { anyEnds.append(position) }
                    s.closureSignature |= states[c].signature
                    for id in words[c] { hits.append((id, position)) }
                }
                (s.endsLo, s.endsHi) = add(ends)
                (s.anyEndsLo, s.anyEndsHi) = add(anyEnds)
                s.bitmap = bitmap(words[n])
                // Grouped by word, positions in closure order.
                hits.sort { ($0.word, $0.position) < ($1.word, $1.position) }
                var i = 0
                while i < hits.count {
                    var j = i
                    while j < hits.count && hits[j].word == hits[i].word { j += 1 }
                    let (lo, hi) = add(hits[i..<j].map(\.position))
                    follows.append((Self.key(Int32(n), hits[i].word), UInt64(lo) << 32 | UInt64(hi - lo)))
                    closureWords.append(hits[i].word)
                    i = j
                }
                s.closureBitmap = bitmap(closureWords)
            }
            states[n] = s
        }
        // Root edges by word id; other edges and the look-ahead in hashed tables.
        var rootRanges = [UInt64](repeating: 0, count: max(vocabularySize, 1))
        var edges: [(UInt64, UInt64)] = []
        for key in edgeKeys {
            let targets = tokenEdges[key]!
            let range = UInt64(lists.count) << 32 | UInt64(targets.count)
            lists += targets
            if key >> 32 == 0 { rootRanges[Int(key & 0xFFFF_FFFF)] = range } else { edges.append((key, range)) }
        }
        let edgeTable = Self.hashTable(edges)
        let followTable = Self.hashTable(follows)
        self.lists = FrozenArray(lists)
        self.states = FrozenArray(states)
        self.bitmaps = FrozenArray(bitmaps)
        edgeMask = edgeTable.mask
        followMask = followTable.mask
        followBase = edgeTable.slots.count + rootRanges.count
        wide = FrozenArray(edgeTable.slots + rootRanges + followTable.slots)
    }

    /// An open-addressing table of (key, value) pairs: `mask + 1` key slots (`UInt64.max` when
    /// empty), then `mask + 1` value slots.
    static func hashTable(_ entries: [(UInt64, UInt64)]) -> (slots: [UInt64], mask: Int) {
        let size = tableSize(entries.count)
        var slots = [UInt64](repeating: 0, count: 2 * size)
        slots.withUnsafeMutableBufferPointer { place(entries.map(\.0), entries.map(\.1), in: $0, base: 0, size: size) }
        return (slots, size - 1)
    }

    /// Slots for `count` entries: a power of two, at most half full.
    static func tableSize(_ count: Int) -> Int {
        var size = 16
        while size < count * 2 { size *= 2 }
        return size
    }

    /// Fills the table of `size` slots at `base` in `w` (keys, then values) with these entries, in order.
    static func place(_ keys: [UInt64], _ values: [UInt64], in w: UnsafeMutableBufferPointer<UInt64>, base: Int, size: Int) {
        for i in base..<(base + size) { w[i] = UInt64.max; w[i + size] = 0 }
        for (key, value) in zip(keys, values) {
            var slot = Self.slot(key, size - 1)
            while w[base + slot] != UInt64.max { slot = (slot + 1) & (size - 1) }
            w[base + slot] = key
            w[base + size + slot] = value
        }
    }

    /// An element compiled from a node: what identifies its join node.
    struct JoinKey: Hashable {
        var start: Int32
        var alternatives: [[ItemKind]]
    }

    /// A pattern's elements with leading and trailing optional elements resolved into separate
    /// variants (so no pattern starts at, or ends on, an epsilon), and leading gaps dropped.
    static func variants(_ elements: [[[Item]]]) -> [[[[Item]]]] {
        var out: [[[[Item]]]] = []
        func add(_ e: [[[Item]]]) {
            var e = e
            while let f = e.first, f.allSatisfy({ alt in alt.allSatisfy { if case .gap = $0.kind { return true }; return false } }) { e.removeFirst() }
            guard !e.isEmpty else { return }
            if e[0].contains(where: \.isEmpty) {
                var required = e; required[0] = e[0].filter { !$0.isEmpty }
                add(required); add(Array(e.dropFirst())); return
            }
            if e[e.count - 1].contains(where: \.isEmpty) {
                var required = e; required[e.count - 1] = e[e.count - 1].filter { !$0.isEmpty }
                add(required); add(Array(e.dropLast())); return
            }
            out.append(e)
        }
        add(elements)
        return out
    }

    /// Everything the scan reads about one state, in one record (88 bytes): where its lists are in
    /// `lists` (`lo..<hi`), what its own and its closure's transitions take, and signatures of the
    /// words they have edges on.
    struct State: Sendable {
        var closureLo: Int32 = 0, closureHi: Int32 = 0
        /// Positions in the closure list of the closure's states that end a pattern or have a gap
        /// (`ends`), and of those and the ones with any-word edges (`anyEnds`), in closure order:
        /// with the look-ahead's positions, all an arrival need visit unless the next token can
        /// take a name edge.
        var endsLo: Int32 = 0, endsHi: Int32 = 0, anyEndsLo: Int32 = 0, anyEndsHi: Int32 = 0
        var outputsLo: Int32 = 0, outputsHi: Int32 = 0
        var namesLo: Int32 = 0, namesHi: Int32 = 0
        var anysLo: Int32 = 0, anysHi: Int32 = 0
        var gapsLo: Int32 = 0, gapsHi: Int32 = 0
        var steps: Int32 = 0, closureSteps: Int32 = 0
        var signature: UInt64 = 0, closureSignature: UInt64 = 0
        /// Where the exact word sets of states with many words start in `Automaton.bitmaps`
        /// (their own edges, their closure's), or -1.
        var bitmap: Int32 = -1, closureBitmap: Int32 = -1
    }

    @inline(__always) static func key(_ node: Int32, _ id: Int32) -> UInt64 { UInt64(UInt32(node)) << 32 | UInt64(UInt32(id)) }
    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 40) & mask
    }
}

extension Automaton: SnapshotCodable {
    /// The tables as they are in memory, so a snapshot embedded in the binary is read in place.
    func write(to w: inout SnapshotWriter) {
        w.int(nodeCount); w.bool(rootHasName); w.bool(rootHasAny)
        w.int(edgeMask); w.int(followMask); w.int(followBase)
        w.array(states); w.array(lists); w.array(bitmaps); w.array(wide)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        nodeCount = try r.int(); rootHasName = try r.bool(); rootHasAny = try r.bool()
        edgeMask = try r.int(); followMask = try r.int(); followBase = try r.int()
        states = try r.frozenArray(); lists = try r.frozenArray(); bitmaps = try r.frozenArray(); wide = try r.frozenArray()
        // Both hash tables must be whole powers of two inside `wide`, with an empty slot each
        // (a probe stops there), and every range the scan follows must lie inside `lists`.
        func isTable(base: Int, mask: Int) -> Bool {
            mask >= 0 && mask & (mask + 1) == 0 && base >= 0 && base + 2 * (mask + 1) <= wide.count
                && wide[base..<(base + mask + 1)].contains(UInt64.max)
        }
        guard isTable(base: 0, mask: edgeMask), isTable(base: followBase, mask: followMask),
              followBase >= 2 * (edgeMask + 1), wide.count == followBase + 2 * (followMask + 1) else {
            throw SnapshotError(message: "inconsistent automaton table")
        }
        // Each entry too, unless this is the embedded snapshot, checked when it was built.
        if r.borrows { return }
        let n = Int32(lists.count)
        func within(_ lo: Int32, _ hi: Int32) -> Bool { 0 <= lo && lo <= hi && hi <= n }
        func rangeFits(_ v: UInt64) -> Bool { Int(v >> 32) + Int(v & 0xFFFF_FFFF) <= lists.count }
        let edgeValues = wide[(edgeMask + 1)..<followBase]             // edge targets, then root ranges
        let followValues = wide[(followBase + followMask + 1)...]
        guard states.count == nodeCount, edgeValues.allSatisfy(rangeFits), followValues.allSatisfy(rangeFits), states.allSatisfy({ s in
            within(s.closureLo, s.closureHi) && within(s.endsLo, s.endsHi) && within(s.anyEndsLo, s.anyEndsHi)
                && within(s.outputsLo, s.outputsHi) && within(s.namesLo, s.namesHi) && within(s.anysLo, s.anysHi)
                && within(s.gapsLo, s.gapsHi)
        }) else { throw SnapshotError(message: "inconsistent automaton") }
    }

    /// Whether every word id below `vocabularySize` has a root entry and every output names one
    /// of `patterns` patterns (a snapshot's parts must belong together).
    func fits(vocabularySize: Int, patterns: Int) -> Bool {
        let words = (vocabularySize + 63) / 64
        func bitmapFits(_ b: Int32) -> Bool { b < 0 || Int(b) + words <= bitmaps.count }
        return followBase - (edgeMask + 1) * 2 >= vocabularySize
            && states.allSatisfy { s in
                bitmapFits(s.bitmap) && bitmapFits(s.closureBitmap)
                    && lists[Int(s.outputsLo)..<Int(s.outputsHi)].allSatisfy { $0 >= 0 && $0 < patterns }
            }
    }
}
