/// For each state of an automaton, the states one step before it: a transition's source, the
/// state whose closure holds it, or the state whose gap opens it. A `LazyDFA` reads from it
/// which states lead to what ends on a token, so that the exact scan there follows only those.
struct WaysIn {
    /// State `n`'s ways in are `from[starts[n]..<starts[n + 1]]`.
    private let starts: [Int32]
    private let from: [Int32]
    /// Scratch for `ancestors(of:)`: `seen[n] == stamp` when state `n` is already collected.
    private var seen: [Int32]
    private var stamp: Int32 = 0

    init(_ a: Automaton) {
        var pairs: [(to: Int32, from: Int32)] = []
        _ = a.forEachStep { from, to, _, _ in
            if to != Int32(from) { pairs.append((to, Int32(from))) }
            return true
        }
        var counts = [Int32](repeating: 0, count: a.nodeCount + 1)
        for p in pairs { counts[Int(p.to) + 1] += 1 }
        for n in 0..<a.nodeCount { counts[n + 1] += counts[n] }
        var fill = counts, from = [Int32](repeating: 0, count: pairs.count)
        for p in pairs { from[Int(fill[Int(p.to)])] = p.from; fill[Int(p.to)] += 1 }
        self.starts = counts; self.from = from
        seen = [Int32](repeating: 0, count: a.nodeCount)
    }

    /// `ends` and every state from which one of them can be reached, each once.
    mutating func ancestors(of ends: [Int32]) -> [Int32] {
        stamp &+= 1
        if stamp == 0 { for i in seen.indices { seen[i] = 0 }; stamp = 1 }
        var out: [Int32] = [], i = 0
        for e in ends where seen[Int(e)] != stamp { seen[Int(e)] = stamp; out.append(e) }
        while i < out.count {
            let n = Int(out[i]); i += 1
            for j in Int(starts[n])..<Int(starts[n + 1]) {
                let p = from[j]
                if seen[Int(p)] != stamp { seen[Int(p)] = stamp; out.append(p) }
            }
        }
        return out
    }
}
