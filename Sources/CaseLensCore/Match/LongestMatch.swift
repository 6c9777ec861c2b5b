extension Automaton {
    /// For each state, the most tokens a partial match in it can span (its words, and the most
    /// its gaps may skip), read off the tables; nil if a transition points back to an earlier
    /// state, where this reading could not bound it. At a state that ends a pattern, the longest
    /// match it can end: the scan with a `LazyDFA` starts the exact scan that many tokens before
    /// such a match ends instead of at the start of its sentence.
    var longestPaths: [Int]? { pathLengths?.longest }

    /// For each state, the fewest and the most tokens a partial match in it can span (see
    /// `longestPaths`); nil where a transition points back to an earlier state.
    var pathLengths: (shortest: [Int], longest: [Int])? {
        // Every transition points to a later state (`init` builds them so); in state order, each
        // state's ways in are final before the state is read.
        var longest = [Int](repeating: 0, count: nodeCount)
        var shortest = [Int](repeating: Int.max, count: nodeCount)
        shortest[0] = 0
        func reach(_ from: Int, _ to: Int32, _ fewest: Int, _ most: Int) -> Bool {
            let to = Int(to)
            guard to > from || (to == from && most == 0) else { return false }
            longest[to] = max(longest[to], longest[from] + most)
            if shortest[from] != Int.max { shortest[to] = min(shortest[to], shortest[from] + fewest) }
            return true
        }
        return forEachStep(reach) ? (shortest, longest) : nil
    }

    /// Calls `body` with every step out of every state, in state order: to each member of its
    /// closure (no token), along its token, name and any-word edges (one token), and to the states
    /// its gaps open (none of the gap's words, or up to its budget). Stops, returning false, when
    /// `body` returns false.
    func forEachStep(_ body: (_ from: Int, _ to: Int32, _ fewest: Int, _ most: Int) -> Bool) -> Bool {
        // Each state's token-edge targets, in the order the edges are visited: node `n`'s are
        // `targets[starts[n]..<starts[n + 1]]` (one array for all, not one per state).
        var starts = [Int](repeating: 0, count: nodeCount + 1)
        forEachTokenEdge { node, _, targets in starts[node + 1] += targets.count }
        for n in 0..<nodeCount { starts[n + 1] += starts[n] }
        var fill = starts
        var targets = [Int32](repeating: 0, count: starts[nodeCount])
        forEachTokenEdge { node, _, ts in for t in ts { targets[fill[node]] = t; fill[node] += 1 } }
        for n in 0..<nodeCount {
            let s = states[n]
            for i in Int(s.closureLo)..<Int(s.closureHi) { guard body(n, lists[i], 0, 0) else { return false } }
            for k in starts[n]..<starts[n + 1] { guard body(n, targets[k], 1, 1) else { return false } }
            for i in Int(s.namesLo)..<Int(s.namesHi) { guard body(n, lists[i], 1, 1) else { return false } }
            for i in Int(s.anysLo)..<Int(s.anysHi) { guard body(n, lists[i], 1, 1) else { return false } }
            var gi = Int(s.gapsLo)
            while gi < Int(s.gapsHi) {
                let budget = Int(lists[gi]), count = Int(lists[gi + 1])
                for xi in (gi + 2)..<(gi + 2 + count) { guard body(n, lists[xi], 0, budget) else { return false } }
                gi += 2 + count
            }
        }
        return true
    }

    /// Calls `body` with every token transition: its state, word id, and target states (the
    /// root's from its table by word id, the others' from the hashed table).
    func forEachTokenEdge(_ body: (_ node: Int, _ id: Int, _ targets: Slice<FrozenArray<Int32>>) -> Void) {
        func targets(_ range: UInt64) -> Slice<FrozenArray<Int32>> {
            let lo = Int(range >> 32)
            return lists[lo..<(lo + Int(range & 0xFFFF_FFFF))]
        }
        let rootBase = 2 * (edgeMask + 1)
        for id in 0..<vocabularySize where wide[rootBase + id] & 0xFFFF_FFFF != 0 { body(0, id, targets(wide[rootBase + id])) }
        for slot in 0...edgeMask where wide[slot] != UInt64.max {
            body(Int(wide[slot] >> 32), Int(wide[slot] & 0xFFFF_FFFF), targets(wide[edgeMask + 1 + slot]))
        }
    }
}
