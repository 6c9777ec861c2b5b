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
    /// Every per-node list (`Tables.Field`) and the gap budgets, in one array so that the scan
    /// reads them through one pointer.
    var table: [Int32] = []
    /// Where each `Tables.Field` starts in `table`.
    var fieldBase: [Int] = []
    /// Token transitions in one array: the open-addressing table of (node, token id) keys, then
    /// its ranges into `edgeTargets` (offset << 32 | count), then the root's ranges by token id.
    var wide: [UInt64] = []
    var edgeMask = 0
    /// The look-ahead set after the root ranges in `wide`: (node, token id) keys for which some
    /// state in the node's epsilon closure has a transition on that token.
    var followMask = 0
    /// What a node's transitions take (bits of its entry in the steps list), and in the
    /// closure-steps list, what its closure's states take.
    static let stepsOnToken: Int32 = 1, stepsOnName: Int32 = 2, stepsOnAny: Int32 = 4
    /// A closure-steps bit: some state of the closure ends a pattern or has a gap.
    static let endsOrSkips: Int32 = 8
    /// Signatures after the look-ahead set in `wide`, a node's own and (after `nodeCount` of
    /// them) its closure's: a bit per word it has an edge on, so most words without one are
    /// turned away without probing the tables above (which do not fit in a fast cache).
    @inline(__always) static func signature(_ id: Int32) -> UInt64 { 1 << ((UInt64(UInt32(id)) &* 0x9E3779B97F4A7C15) >> 58) }
    var nodeCount = 1
    var rootHasName = false, rootHasAny = false

    /// Number of states.
    public var stateCount: Int { nodeCount }

    /// Compiles the patterns whose purpose `include` accepts; matches report their index in `patterns`.
    init(patterns: [CompiledPattern], vocabularySize: Int, including include: (MatchPurpose) -> Bool = { _ in true }) {
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
        for (index, pattern) in patterns.enumerated() where include(pattern.purpose) {
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
        var fields = [Lists](repeating: Lists(), count: Tables.Field.allCases.count)
        fields[Tables.Field.names.rawValue] = Lists(nameEdges)
        fields[Tables.Field.anys.rawValue] = Lists(anyEdges)
        fields[Tables.Field.gaps.rawValue] = Lists(gapChildren.map { $0.map(\.node) })
        fields[Tables.Field.outputs.rawValue] = Lists(outputs)
        fields[Tables.Field.closures.rawValue] = Lists(closure)
        for list in fields {
            fieldBase.append(table.count); table += list.start
            fieldBase.append(table.count); table += list.data
        }
        fieldBase.append(table.count); table += gapChildren.flatMap { $0.map { Int32($0.n) } }
        fieldBase.append(table.count)     // steps: token bits are set below, with the look-ahead
        table += (0..<nodeCount).map { (nameEdges[$0].isEmpty ? 0 : Self.stepsOnName) | (anyEdges[$0].isEmpty ? 0 : Self.stepsOnAny) }
        // Flatten token edges.
        var size = 16
        while size < tokenEdges.count * 2 { size *= 2 }
        edgeMask = size - 1
        var edgeTargets: [Int32] = []
        var edgeKeys = [UInt64](repeating: UInt64.max, count: size)
        var edgeRanges = [UInt64](repeating: 0, count: size)
        var rootRanges = [UInt64](repeating: 0, count: max(vocabularySize, 1))
        for (key, targets) in tokenEdges.sorted(by: { $0.key < $1.key }) {
            let range = UInt64(edgeTargets.count) << 32 | UInt64(targets.count)
            edgeTargets += targets
            if key >> 32 == 0 { rootRanges[Int(key & 0xFFFF_FFFF)] = range; continue }
            var slot = Self.slot(key, edgeMask)
            while edgeKeys[slot] != UInt64.max { slot = (slot + 1) & edgeMask }
            edgeKeys[slot] = key
            edgeRanges[slot] = range
        }
        fieldBase.append(table.count); table += edgeTargets
        // Look-ahead: what the states of each node's closure can take as the next token.
        var ids = [[Int32]](repeating: [], count: nodeCount)
        for key in tokenEdges.keys { ids[Int(key >> 32)].append(Int32(truncatingIfNeeded: key)) }
        for n in 0..<nodeCount where !ids[n].isEmpty { table[fieldBase[11] + n] |= Self.stepsOnToken }
        var follows = Set<UInt64>()
        var closureSteps = [Int32](repeating: 0, count: nodeCount)
        // Signatures: one bit per word (hashed) of a node's token edges, and of its closure's.
        var signatures = [UInt64](repeating: 0, count: 2 * nodeCount)
        for n in 0..<nodeCount { for id in ids[n] { signatures[n] |= Self.signature(id) } }
        for n in 0..<nodeCount {
            for c in closure[n].map(Int.init) {
                closureSteps[n] |= table[fieldBase[11] + c]
                if !outputs[c].isEmpty || !gapChildren[c].isEmpty { closureSteps[n] |= Self.endsOrSkips }
                signatures[nodeCount + n] |= signatures[c]
                for id in ids[c] { follows.insert(Self.key(Int32(n), id)) }
            }
        }
        fieldBase.append(table.count); table += closureSteps
        var followSize = 16
        while followSize < follows.count * 2 { followSize *= 2 }
        followMask = followSize - 1
        var followKeys = [UInt64](repeating: UInt64.max, count: followSize)
        for key in follows.sorted() {
            var slot = Self.slot(key, followMask)
            while followKeys[slot] != UInt64.max { slot = (slot + 1) & followMask }
            followKeys[slot] = key
        }
        wide = edgeKeys + edgeRanges + rootRanges + followKeys + signatures
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
}
