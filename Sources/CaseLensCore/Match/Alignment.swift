/// Recovers which tokens each element of a pattern matched, for a match the automaton already
/// found. Run only for candidate findings.
enum Alignment {
    /// The outcome of aligning a pattern to a match.
    struct Result {
        /// Token range per element (1-based element index), for `{N}` in suggestions.
        var ranges = ElementRanges()
        /// The first word-family step matched: its lemma and token.
        var family: (lemma: String, token: Int)? = nil
        /// Literal words matched (2 each) and family words (1 each): higher is more specific.
        var literals = 0
    }

    /// The tokens each element of a match matched, by 1-based element index.
    struct ElementRanges {
        private var byElement: [ClosedRange<Int>?] = []
        subscript(element: Int) -> ClosedRange<Int>? {
            get { element < byElement.count ? byElement[element] : nil }
            set {
                if element >= byElement.count { byElement += repeatElement(nil, count: element + 1 - byElement.count) }
                byElement[element] = newValue
            }
        }
        /// The highest element index with a range (0 when none has).
        var highest: Int { byElement.lastIndex { $0 != nil } ?? 0 }
        /// Each element with a range, in element order.
        var all: [(element: Int, range: ClosedRange<Int>)] { byElement.indices.compactMap { e in byElement[e].map { (e, $0) } } }
    }

    static func align(_ elements: [[[Item]]], _ tokens: [Token], first: Int, last: Int) -> Result? {
        // Where each matched step is, as indices: copying the steps themselves retains their word lists.
        var path: [(e: Int, alt: Int, i: Int, token: Int)] = []

        func accepts(_ kind: ItemKind, _ t: Token) -> Bool {
            switch kind {
            case .token(let id): return t.id == id
            case .tokens(let ids): return t.id >= 0 && ids.contains(t.id)
            case .name: return t.flags.mayBeName
            case .any: return true
            case .gap: return false
            }
        }
        func element(_ e: Int, _ k: Int, _ afterGap: Bool) -> Bool {
            if e == elements.count { return k == last + 1 }
            for a in elements[e].indices where items(e, a, 0, k, afterGap) { return true }
            return false
        }
        func items(_ e: Int, _ a: Int, _ i: Int, _ k: Int, _ afterGap: Bool) -> Bool {
            let count = elements[e][a].count
            if i == count { return element(e + 1, k, afterGap) }
            if case .gap(let n) = elements[e][a][i].kind {
                var skip = 0
                while skip <= n && k + skip <= last + 1 {
                    if skip > 0 && tokens[k + skip - 1].flags.contains(.hardBreak) && k + skip - 1 > first { return false }
                    if items(e, a, i + 1, k + skip, true) { return true }
                    skip += 1
                }
                return false
            }
            guard k <= last else { return false }
            let t = tokens[k]
            if k > first {
                if t.flags.contains(.hardBreak) { return false }
                if !afterGap && t.flags.contains(.softBreak) { return false }
            }
            guard accepts(elements[e][a][i].kind, t) else { return false }
            path.append((e, a, i, k))
            if items(e, a, i + 1, k + 1, false) { return true }
            path.removeLast()
            return false
        }
        guard element(0, first, false) else { return nil }
        var r = Result()
        for (e, a, i, k) in path {
            let item = elements[e][a][i]
            r.ranges[item.element] = r.ranges[item.element].map { min($0.lowerBound, k)...max($0.upperBound, k) } ?? k...k
            switch item.kind {
            case .token, .tokens:
                r.literals += item.family == nil ? 2 : 1
                if r.family == nil, let lemma = item.family { r.family = (lemma, k) }
            default: break
            }
        }
        return r
    }
}
