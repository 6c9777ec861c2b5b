/// A match of one compiled pattern over tokens `first...last` (inclusive token indices).
public struct RawMatch: Sendable, Equatable {
    /// Index of the compiled pattern.
    public var pattern: Int32
    public var first: Int32
    public var last: Int32
}

/// All patterns of a lexicon compiled into one nondeterministic automaton over token ids. Each
/// pattern element is a small trie of its alternatives (word sets, names, any word, gaps); the
/// elements are joined by epsilon edges, so a pattern costs the sum of its elements, not their
/// product. Patterns share their first element's trie from the root. Scanning keeps the set of
/// partial matches alive at each token, so the cost per token depends on how many partial matches
/// are open, not on how many rules there are. Immutable after building: share it across threads.
public struct Automaton: Sendable {
    /// Per-node lists in compressed form: node n's list is `data[start[n]..<start[n + 1]]`.
    struct Lists: Sendable {
        var start: [Int32] = [0]
        var data: [Int32] = []
        init(_ lists: [[Int32]]) {
            start.reserveCapacity(lists.count + 1)
            for l in lists { data += l; start.append(Int32(data.count)) }
        }
        init() {}
    }
    private var names = Lists()
    private var anys = Lists()
    /// Gap children: target node and, in `gapBudgets`, how many words the gap may skip.
    private var gaps = Lists()
    private var gapBudgets: [Int8] = []
    private var outs = Lists()
    /// Epsilon closure of each node (the node itself first).
    private var closures = Lists()
    private var hasSteps: [Bool] = [false]
    private var nodeCount = 1
    /// Token transitions: (node, token id) → targets, in an open-addressing table.
    private var edgeKeys: [UInt64] = []
    private var edgeRanges: [UInt64] = []   // offset << 32 | count into edgeTargets
    private var edgeMask = 0
    private var edgeTargets: [Int32] = []
    /// Root transitions indexed directly by token id.
    private var rootRanges: [UInt64] = []

    /// Number of states.
    public var stateCount: Int { nodeCount }

    init(patterns: [CompiledPattern], vocabularySize: Int) {
        var nameEdges: [[Int32]] = [[]]
        var anyEdges: [[Int32]] = [[]]
        var gapChildren: [[(n: Int8, node: Int32)]] = [[]]
        var outputs: [[Int32]] = [[]]
        var children: [[ItemKind: Int32]] = [[:]]
        var epsilons: [[Int32]] = [[]]
        var tokenEdges: [UInt64: [Int32]] = [:]
        func newNode() -> Int32 {
            children.append([:]); nameEdges.append([]); anyEdges.append([]); gapChildren.append([])
            outputs.append([]); hasSteps.append(false); epsilons.append([])
            return Int32(outputs.count - 1)
        }
        func child(_ node: Int32, _ kind: ItemKind) -> Int32 {
            if let c = children[Int(node)][kind] { return c }
            let c = newNode()
            children[Int(node)][kind] = c
            switch kind {
            case .token(let id): tokenEdges[Self.key(node, id), default: []].append(c); hasSteps[Int(node)] = true
            case .tokens(let ids):
                for id in ids { tokenEdges[Self.key(node, id), default: []].append(c) }
                hasSteps[Int(node)] = true
            case .name: nameEdges[Int(node)].append(c); hasSteps[Int(node)] = true
            case .any: anyEdges[Int(node)].append(c); hasSteps[Int(node)] = true
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
        for (index, pattern) in patterns.enumerated() {
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
        names = Lists(nameEdges)
        anys = Lists(anyEdges)
        gaps = Lists(gapChildren.map { $0.map(\.node) })
        gapBudgets = gapChildren.flatMap { $0.map(\.n) }
        outs = Lists(outputs)
        closures = Lists(closure)
        // Flatten token edges.
        rootRanges = Array(repeating: 0, count: max(vocabularySize, 1))
        var keys: [UInt64] = [], ranges: [UInt64] = []
        for (key, targets) in tokenEdges.sorted(by: { $0.key < $1.key }) {   // deterministic layout
            let range = UInt64(edgeTargets.count) << 32 | UInt64(targets.count)
            edgeTargets += targets
            if key >> 32 == 0 { rootRanges[Int(key & 0xFFFF_FFFF)] = range } else { keys.append(key); ranges.append(range) }
        }
        placeEdges(keys, ranges)
    }

    /// Builds the open-addressing table of non-root token edges, inserted in the given order.
    private mutating func placeEdges(_ keys: [UInt64], _ ranges: [UInt64]) {
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        edgeKeys = Array(repeating: UInt64.max, count: size)
        edgeRanges = Array(repeating: 0, count: size)
        edgeMask = size - 1
        for (key, range) in zip(keys, ranges) {
            var slot = Self.slot(key, edgeMask)
            while edgeKeys[slot] != UInt64.max { slot = (slot + 1) & edgeMask }
            edgeKeys[slot] = key
            edgeRanges[slot] = range
        }
    }

    /// The non-root token edges in key order (the order `placeEdges` was given them).
    private var edgeList: (keys: [UInt64], ranges: [UInt64]) {
        let used = edgeKeys.indices.filter { edgeKeys[$0] != UInt64.max }.sorted { edgeKeys[$0] < edgeKeys[$1] }
        return (used.map { edgeKeys[$0] }, used.map { edgeRanges[$0] })
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

    @inline(__always) static func key(_ node: Int32, _ id: Int32) -> UInt64 { UInt64(UInt32(node)) << 32 | UInt64(UInt32(id)) }
    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 40) & mask
    }

    @inline(__always) private func edges(_ node: Int32, _ id: Int32) -> UInt64 {
        if node == 0 { return rootRanges[Int(id)] }
        let key = Self.key(node, id)
        var slot = Self.slot(key, edgeMask)
        while true {
            let k = edgeKeys[slot]
            if k == key { return edgeRanges[slot] }
            if k == UInt64.max { return 0 }
            slot = (slot + 1) & edgeMask
        }
    }

    /// An open partial match: at `node`, begun at token `start`, may still skip `budget` tokens.
    private struct Entry { var node: Int32; var start: Int32; var budget: Int8 }

    /// Limit on open partial matches, so pathological text cannot make a scan quadratic.
    static let maxActive = 512

    /// Every match of every pattern in `tokens`, in order of their last token.
    public func scan(_ tokens: [Token]) -> [RawMatch] {
        var matches: [RawMatch] = []
        var current: [Entry] = []
        var next: [Entry] = []
        current.reserveCapacity(64); next.reserveCapacity(64)
        // One entry per node: `stamp[node] == k` when `next` already holds it, at `slot[node]`.
        var stamp = [Int32](repeating: -1, count: nodeCount)
        var slot = [Int32](repeating: 0, count: nodeCount)
        let rootHasName = names.start[1] > names.start[0], rootHasAny = anys.start[1] > anys.start[0]

        tokens.withUnsafeBufferPointer { toks in
        names.start.withUnsafeBufferPointer { nameStart in names.data.withUnsafeBufferPointer { nameData in
        anys.start.withUnsafeBufferPointer { anyStart in anys.data.withUnsafeBufferPointer { anyData in
        gaps.start.withUnsafeBufferPointer { gapStart in gaps.data.withUnsafeBufferPointer { gapData in
        gapBudgets.withUnsafeBufferPointer { budgets in
        outs.start.withUnsafeBufferPointer { outStart in outs.data.withUnsafeBufferPointer { outData in
        closures.start.withUnsafeBufferPointer { closureStart in closures.data.withUnsafeBufferPointer { closureData in
        hasSteps.withUnsafeBufferPointer { steps in
        edgeTargets.withUnsafeBufferPointer { targets in
        stamp.withUnsafeMutableBufferPointer { stamp in
        slot.withUnsafeMutableBufferPointer { slot in
            for k in 0..<toks.count {
                let t = toks[k]
                if t.flags.contains(.hardBreak) { current.removeAll(keepingCapacity: true) }
                else if t.flags.contains(.softBreak) { current.removeAll(where: { $0.budget == 0 }) }
                if current.isEmpty && t.id < 0 && !rootHasAny && !(rootHasName && t.flags.contains(.capitalised)) { continue }
                next.removeAll(keepingCapacity: true)
                let k32 = Int32(k)
                let capitalised = t.flags.contains(.capitalised)

                // At most one open match per node: the one that may skip most, then the longest.
                func push(_ node: Int32, _ start: Int32, _ budget: Int8) {
                    let n = Int(node)
                    if stamp[n] == k32 {
                        let i = Int(slot[n])
                        if budget > next[i].budget || (budget == next[i].budget && start < next[i].start) {
                            next[i].budget = budget; next[i].start = start
                        }
                        return
                    }
                    if next.count < Self.maxActive {
                        stamp[n] = k32; slot[n] = Int32(next.count)
                        next.append(Entry(node: node, start: start, budget: budget))
                    }
                }
                func arrive(_ node: Int32, _ start: Int32) {
                    for ci in Int(closureStart[Int(node)])..<Int(closureStart[Int(node) + 1]) {
                        let c = Int(closureData[ci])
                        for oi in Int(outStart[c])..<Int(outStart[c + 1]) {
                            matches.append(RawMatch(pattern: outData[oi], first: start, last: k32))
                        }
                        if steps[c] { push(Int32(c), start, 0) }
                        for gi in Int(gapStart[c])..<Int(gapStart[c + 1]) {
                            let g = Int(gapData[gi])
                            for xi in Int(closureStart[g])..<Int(closureStart[g + 1]) where steps[Int(closureData[xi])] {
                                push(closureData[xi], start, budgets[gi])
                            }
                        }
                    }
                }
                func step(_ node: Int32, _ start: Int32) {
                    if t.id >= 0 {
                        let r = edges(node, t.id)
                        if r != 0 {
                            let off = Int(r >> 32), n = Int(r & 0xFFFF_FFFF)
                            for j in off..<(off + n) { arrive(targets[j], start) }
                        }
                    }
                    let n = Int(node)
                    if capitalised { for i in Int(nameStart[n])..<Int(nameStart[n + 1]) { arrive(nameData[i], start) } }
                    for i in Int(anyStart[n])..<Int(anyStart[n + 1]) { arrive(anyData[i], start) }
                }

                for e in current {
                    step(e.node, e.start)
                    if e.budget > 0 { push(e.node, e.start, e.budget - 1) }
                }
                step(0, k32)
                swap(&current, &next)
            }
        }}}}}}}}}}}}}}}}
        return matches
    }
}

extension Automaton.Lists: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.array(start); w.array(data) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        start = try r.array(); data = try r.array()
        guard start.first == 0, start.last.map(Int.init) == data.count, zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw SnapshotError(message: "inconsistent automaton lists")
        }
    }
    /// Every list's entries are node numbers below `nodes`, and there is one list per node.
    func check(nodes: Int) throws(SnapshotError) {
        guard start.count == nodes + 1, data.allSatisfy({ $0 >= 0 && $0 < nodes }) else {
            throw SnapshotError(message: "automaton lists do not fit its \(nodes) states")
        }
    }
}

extension Automaton: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.int(nodeCount)
        for lists in [names, anys, gaps, outs, closures] { w.value(lists) }
        w.array(gapBudgets); w.array(hasSteps)
        let edges = edgeList   // the hash table is rebuilt on reading: half the bytes
        w.array(edges.keys); w.array(edges.ranges); w.array(edgeTargets); w.array(rootRanges)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        nodeCount = try r.int()
        names = try r.value(); anys = try r.value(); gaps = try r.value(); outs = try r.value(); closures = try r.value()
        gapBudgets = try r.array(); hasSteps = try r.array()
        let keys: [UInt64] = try r.array(), ranges: [UInt64] = try r.array()
        edgeTargets = try r.array(); rootRanges = try r.array()
        guard keys.count == ranges.count, zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }), keys.allSatisfy({ $0 >> 32 != 0 }) else {
            throw SnapshotError(message: "inconsistent automaton edges")
        }
        placeEdges(keys, ranges)
        for lists in [names, anys, gaps, closures] { try lists.check(nodes: nodeCount) }
        guard outs.start.count == nodeCount + 1, hasSteps.count == nodeCount, gapBudgets.count == gaps.data.count,
              edgeTargets.allSatisfy({ $0 >= 0 && Int($0) < nodeCount }),
              (ranges + rootRanges).allSatisfy({ Int($0 >> 32) + Int($0 & 0xFFFF_FFFF) <= edgeTargets.count }) else {
            throw SnapshotError(message: "inconsistent automaton")
        }
    }

    /// Whether every word id below `vocabularySize` has a root entry and every output names one
    /// of `patterns` patterns (a snapshot's parts must belong together).
    func fits(vocabularySize: Int, patterns: Int) -> Bool {
        rootRanges.count >= vocabularySize && outs.data.allSatisfy { $0 >= 0 && $0 < patterns }
    }
}
