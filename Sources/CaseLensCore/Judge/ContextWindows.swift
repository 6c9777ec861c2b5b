/// The stretches of a document the context automaton scans: whole runs of tokens between hard
/// breaks around each candidate. No partial match survives a hard break, so scanning such a run
/// finds exactly the context matches a scan of the whole text finds in it, in the same order;
/// and a context match never spans a hard break, so every match the judge looks up near a
/// candidate lies in a run that holds some of the tokens `Judge.contextTokens` names.
struct ContextWindows {
    let tokens: [Token]
    private var needed: [ClosedRange<Int>] = []

    init(tokens: [Token]) { self.tokens = tokens }

    /// Marks tokens whose context matches the judge may read.
    mutating func need(_ range: ClosedRange<Int>) { needed.append(range) }

    /// The needed tokens widened to hard breaks: increasing, disjoint ranges, each starting at
    /// token 0 or at a hard break. Every token is walked over at most once.
    func segments() -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in needed.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound < last.upperBound {
                if r.upperBound >= last.upperBound { out[out.count - 1] = last.lowerBound..<runEnd(after: r.upperBound) }
                continue
            }
            var start = r.lowerBound
            let floor = out.last?.upperBound ?? 0
            while start > floor && !tokens[start].flags.contains(.hardBreak) { start -= 1 }
            out.append(start..<runEnd(after: r.upperBound))
        }
        return out
    }

    /// The first token after `k` that starts a new run (or the token count).
    private func runEnd(after k: Int) -> Int {
        var end = k + 1
        while end < tokens.count && !tokens[end].flags.contains(.hardBreak) { end += 1 }
        return end
    }
}

extension Judge {
    /// Tokens whose context matches judging `m` may read: those starting in its sentence (unless
    /// cues), the negation window before it, the match itself (exceptions), and for a quoted match
    /// the attribution window before it (speech cues).
    func contextTokens(of m: RawMatch, sentence s: Range<Int>) -> ClosedRange<Int> {
        var lo = max(0, Int(m.first) - Self.negationWindow), hi = Int(m.last)
        if let first = firstToken(atOrAfter: s.lowerBound) { lo = min(lo, first) }
        hi = max(hi, (firstToken(atOrAfter: s.upperBound) ?? tokens.count) - 1)
        if isQuoted(m), let from = firstToken(atOrAfter: attributionWindowStart(m)) { lo = min(lo, from) }
        return lo...hi
    }

    /// True when every word of the match is inside quotation marks.
    func isQuoted(_ m: RawMatch) -> Bool {
        for k in m.first...m.last where !tokens[Int(k)].flags.contains(.quoted) { return false }
        return true
    }

    /// The byte where the window for a quote's speech verb or colon begins.
    func attributionWindowStart(_ m: RawMatch) -> Int { max(0, Int(tokens[Int(m.first)].start) - Self.attributionWindow) }
}
