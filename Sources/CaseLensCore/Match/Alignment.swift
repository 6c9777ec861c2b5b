/// Recovers which tokens each step of a sequence consumed, for a match already found by the
/// automaton. Run only for reported matches.
enum Alignment {
    /// Token index per item (−1 for gaps), or nil if the sequence does not fit `first...last`.
    static func align(_ items: [Item], _ tokens: [Token], first: Int, last: Int) -> [Int]? {
        var assignment = [Int](repeating: -1, count: items.count)
        func accepts(_ kind: ItemKind, _ t: Token) -> Bool {
            switch kind {
            case .token(let id): return t.id == id
            case .tokens(let ids): return t.id >= 0 && ids.contains(t.id)
            case .name: return t.flags.contains(.capitalised)
            case .any: return true
            case .gap: return false
            }
        }
        func go(_ i: Int, _ k: Int, afterGap: Bool) -> Bool {
            if i == items.count { return k == last + 1 }
            if case .gap(let n) = items[i].kind {
                var skip = 0
                while skip <= n && k + skip <= last {
                    if skip > 0 && tokens[k + skip - 1].flags.contains(.hardBreak) { return false }
                    if go(i + 1, k + skip, afterGap: true) { return true }
                    skip += 1
                }
                return false
            }
            guard k <= last else { return false }
            let t = tokens[k]
            if i > 0 {
                if t.flags.contains(.hardBreak) { return false }
                if !afterGap && t.flags.contains(.softBreak) { return false }
            }
            guard accepts(items[i].kind, t) else { return false }
            assignment[i] = k
            return go(i + 1, k + 1, afterGap: false)
        }
        return go(0, first, afterGap: false) ? assignment : nil
    }
}
