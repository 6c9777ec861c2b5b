/// A match of one compiled sequence over tokens `first...last` (inclusive token indices).
public struct RawMatch: Sendable, Equatable {
    public var sequence: Int32
    public var first: Int32
    public var last: Int32
}

/// All patterns of a lexicon compiled into one nondeterministic automaton over token ids: a trie
/// of pattern steps with word-set, name, any-word and gap transitions. Scanning keeps the set of
/// partial matches alive at each token, so the cost per token depends on how many partial matches
/// are open, not on how many rules there are. Immutable after building: share it across threads.
public struct Automaton: Sendable {
    private var nameEdges: [[Int32]] = [[]]
    private var anyEdges: [[Int32]] = [[]]
    private var gapChildren: [[(n: Int8, node: Int32)]] = [[]]
    private var outputs: [[Int32]] = [[]]
    private var hasSteps: [Bool] = [false]
    /// Token transitions: (node, token id) → targets, in an open-addressing table.
    private var edgeKeys: [UInt64] = []
    private var edgeRanges: [UInt64] = []   // offset << 32 | count into edgeTargets
    private var edgeMask = 0
    private var edgeTargets: [Int32] = []
    /// Root transitions indexed directly by token id.
    private var rootRanges: [UInt64] = []

    /// Number of states.
    public var stateCount: Int { outputs.count }

    init(sequences: [Sequence], vocabularySize: Int) {
        var children: [[ItemKind: Int32]] = [[:]]
        var tokenEdges: [UInt64: [Int32]] = [:]
        func newNode() -> Int32 {
            children.append([:]); nameEdges.append([]); anyEdges.append([]); gapChildren.append([])
            outputs.append([]); hasSteps.append(false)
            return Int32(outputs.count - 1)
        }
        for (index, seq) in sequences.enumerated() {
            var node: Int32 = 0
            for item in seq.items {
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
            outputs[Int(node)].append(Int32(index))
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
                    for out in outputs[Int(node)] { matches.append(RawMatch(sequence: out, first: start, last: k32)) }
                    if hasSteps[Int(node)] { push(node, start, 0) }
                    for g in gapChildren[Int(node)] { push(g.node, start, g.n) }
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
