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
    private var nameEdges: [[Int32]] = [[]]
    private var anyEdges: [[Int32]] = [[]]
    private var gapChildren: [[(n: Int8, node: Int32)]] = [[]]
    private var outputs: [[Int32]] = [[]]
    private var hasSteps: [Bool] = [false]
    /// Epsilon closure of each node (the node itself first).
    private var closure: [[Int32]] = [[0]]
    /// Token transitions: (node, token id) → targets, in an open-addressing table.
    private var edgeKeys: [UInt64] = []
    private var edgeRanges: [UInt64] = []   // offset << 32 | count into edgeTargets
    private var edgeMask = 0
    private var edgeTargets: [Int32] = []
    /// Root transitions indexed directly by token id.
    private var rootRanges: [UInt64] = []

    /// Number of states.
    public var stateCount: Int { outputs.count }

    init(patterns: [CompiledPattern], vocabularySize: Int) {
        var children: [[ItemKind: Int32]] = [[:]]
        var epsilons: [[Int32]] = [[]]
        var tokenEdges: [UInt64: [Int32]] = [:]
        func newNode() -> Int32 {
            children.append([:]); nameEdges.append([]); anyEdges.append([]); gapChildren.append([])
            outputs.append([]); hasSteps.append(false); epsilons.append([])
            return Int32(outputs.count - 1)
        }
        func insert(_ items: [Item], from start: Int32) -> Int32 {
            var node = start
            for item in items {
                if let child = children[Int(node)][item.kind] { node = child; continue }
                let child = newNode()
                children[Int(node)][item.kind] = child
                switch item.kind {
                case .token(let id): tokenEdges[Self.key(node, id), default: []].append(child); hasSteps[Int(node)] = true
                case .tokens(let ids):
                    for id in ids { tokenEdges[Self.key(node, id), default: []].append(child) }
                    hasSteps[Int(node)] = true
                case .name: nameEdges[Int(node)].append(child); hasSteps[Int(node)] = true
                case .any: anyEdges[Int(node)].append(child); hasSteps[Int(node)] = true
                case .gap(let n): gapChildren[Int(node)].append((Int8(n), child))
                }
                node = child
            }
            return node
        }
        for (index, pattern) in patterns.enumerated() {
            for variant in Self.variants(pattern.elements) {
                var start: Int32 = 0
                for alternatives in variant {
                    var ends: [Int32] = []
                    for alt in alternatives {
                        let end = alt.isEmpty ? start : insert(alt, from: start)
                        if !ends.contains(end) { ends.append(end) }
                    }
                    if ends.count == 1 { start = ends[0]; continue }
                    let join = newNode()
                    for e in ends { epsilons[Int(e)].append(join) }
                    start = join
                }
                outputs[Int(start)].append(Int32(index))
            }
        }
        // Epsilon closures.
        closure = (0..<outputs.count).map { [Int32($0)] }
        for n in stride(from: outputs.count - 1, through: 0, by: -1) {
            var c: [Int32] = [Int32(n)]
            for e in epsilons[n] { for x in closure[Int(e)] where !c.contains(x) { c.append(x) } }
            closure[n] = c
        }
        // Flatten token edges.
        var size = 16
        while size < tokenEdges.count * 2 { size *= 2 }
        edgeKeys = Array(repeating: UInt64.max, count: size)
        edgeRanges = Array(repeating: 0, count: size)
        edgeMask = size - 1
        rootRanges = Array(repeating: 0, count: max(vocabularySize, 1))
        for (key, targets) in tokenEdges {
            let range = UInt64(edgeTargets.count) << 32 | UInt64(targets.count)
            edgeTargets += targets
            if key >> 32 == 0 { rootRanges[Int(key & 0xFFFF_FFFF)] = range; continue }
            var slot = Self.slot(key, edgeMask)
            while edgeKeys[slot] != UInt64.max { slot = (slot + 1) & edgeMask }
            edgeKeys[slot] = key
            edgeRanges[slot] = range
        }
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

    /// Every match of every sequence in `tokens`, in order of their last token.
    public func scan(_ tokens: [Token]) -> [RawMatch] {
        var matches: [RawMatch] = []
        var current: [Entry] = []
        var next: [Entry] = []
        current.reserveCapacity(64); next.reserveCapacity(64)
        let rootHasName = !nameEdges[0].isEmpty, rootHasAny = !anyEdges[0].isEmpty

        tokens.withUnsafeBufferPointer { toks in
            for k in 0..<toks.count {
                let t = toks[k]
                if t.flags.contains(.hardBreak) { current.removeAll(keepingCapacity: true) }
                else if t.flags.contains(.softBreak) { current.removeAll(where: { $0.budget == 0 }) }
                if current.isEmpty && t.id < 0 && !rootHasAny && !(rootHasName && t.flags.contains(.capitalised)) { continue }
                next.removeAll(keepingCapacity: true)
                let k32 = Int32(k)

                func push(_ node: Int32, _ start: Int32, _ budget: Int8) {
                    for i in 0..<next.count where next[i].node == node && next[i].start == start {
                        if next[i].budget < budget { next[i].budget = budget }
                        return
                    }
                    if next.count < Self.maxActive { next.append(Entry(node: node, start: start, budget: budget)) }
                }
                func arrive(_ node: Int32, _ start: Int32) {
                    for c in closure[Int(node)] {
                        for out in outputs[Int(c)] { matches.append(RawMatch(pattern: out, first: start, last: k32)) }
                        if hasSteps[Int(c)] { push(c, start, 0) }
                        for g in gapChildren[Int(c)] { for x in closure[Int(g.node)] where hasSteps[Int(x)] { push(x, start, g.n) } }
                    }
                }
                func step(_ node: Int32, _ start: Int32) {
                    if t.id >= 0 {
                        let r = edges(node, t.id)
                        if r != 0 {
                            let off = Int(r >> 32), n = Int(r & 0xFFFF_FFFF)
                            for j in off..<(off + n) { arrive(edgeTargets[j], start) }
                        }
                    }
                    if t.flags.contains(.capitalised) { for c in nameEdges[Int(node)] { arrive(c, start) } }
                    for c in anyEdges[Int(node)] { arrive(c, start) }
                }

                for e in current {
                    step(e.node, e.start)
                    if e.budget > 0 { push(e.node, e.start, e.budget - 1) }
                }
                step(0, k32)
                swap(&current, &next)
            }
        }
        return matches
    }
}
