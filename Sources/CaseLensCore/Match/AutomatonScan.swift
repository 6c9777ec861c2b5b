/// An open partial match: at `node`, begun at token `start`, may still skip `budget` tokens.
struct Entry { var node: Int32; var start: Int32; var budget: Int8 }

/// Tokens for the exact scan, and the states it need follow there: those in `ancestors`' lists
/// (`WaysIn.ancestors` of what ends in the range), or every state when nil.
struct ExactRange {
    var range: Range<Int>
    var ancestors: [[Int32]]?
}

/// The buffers of the exact scan: two of open partial matches (at most `Automaton.maxActive`
/// each) and two with an entry per node of the automaton. A `LazyDFA` keeps one for the scans
/// after it (one per thread and automaton), so that a document's scan neither allocates nor
/// clears tables the size of the automaton: entries are told apart by stamps that only grow.
final class ScanBuffers {
    let current: UnsafeMutablePointer<Entry>, next: UnsafeMutablePointer<Entry>
    /// `places[node].stamp == stamp` when the next set already holds the node, at
    /// `places[node].slot` (side by side: one cache line read per push, not two).
    let places: UnsafeMutablePointer<(stamp: Int32, slot: Int32)>
    /// `allowed[node] == epoch` when a restricted scan follows the node.
    let allowed: UnsafeMutablePointer<Int32>
    let nodeCount: Int
    /// The last stamp (one per token scanned) and epoch (one per restricted range) used.
    var stamp: Int32 = 0, epoch: Int32 = 0

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        current = .allocate(capacity: Automaton.maxActive)
        next = .allocate(capacity: Automaton.maxActive)
        places = .allocate(capacity: nodeCount); places.initialize(repeating: (-1, 0), count: nodeCount)
        allowed = .allocate(capacity: nodeCount); allowed.initialize(repeating: 0, count: nodeCount)
    }

    /// Room for `tokens` more stamps and `ranges` more epochs: the tables are cleared on the rare
    /// occasion a counter would overflow.
    func reserve(tokens: Int, ranges: Int) {
        if Int(stamp) > Int(Int32.max) - tokens - 1 { places.update(repeating: (-1, 0), count: nodeCount); stamp = 0 }
        if Int(epoch) > Int(Int32.max) - ranges - 1 { allowed.update(repeating: 0, count: nodeCount); epoch = 0 }
    }

    deinit { current.deallocate(); next.deallocate(); places.deallocate(); allowed.deallocate() }
}

/// The state of one scan: the open partial matches before and after the current token, in
/// `ScanBuffers`.
struct Scanner {
    let t: Tables
    let rootHasName: Bool, rootHasAny: Bool
    let buffers: ScanBuffers
    var current: UnsafeMutablePointer<Entry>
    var next: UnsafeMutablePointer<Entry>
    var currentCount = 0, nextCount = 0
    /// `ScanBuffers.places`, and the current token's stamp in it.
    let places: UnsafeMutablePointer<(stamp: Int32, slot: Int32)>
    var stamp: Int32
    var matches: [RawMatch] = []
    /// The current token's index, and whether it may stand for `<Name>`.
    var k32: Int32 = 0
    var capitalised = false
    /// The next token, for the look-ahead: `nextOpen` is false when there is none in the range,
    /// or a break before it ends every match that may not skip a word.
    var nextOpen = false, nextCapitalised = false
    var nextID: Int32 = 0
    /// The same for the token after it, for matches whose next step is any word.
    var next2Open = false, next2Capitalised = false
    var next2ID: Int32 = 0
    /// The tokens being scanned and the end of the current range, for the gaps' look-ahead.
    var toks = UnsafeBufferPointer<Token>(start: nil, count: 0)
    var rangeEnd = 0
    /// When `restricted`, the scan follows only the states with `allowed[node] == epoch`: the
    /// ones that lead to what ends in the range. What it finds for those is what a scan of every
    /// state finds, since a state's partial matches come only from the states before it (and the
    /// lazy DFA has shown that no more than `Automaton.maxActive` are open at once).
    var restricted = false
    var epoch: Int32
    let allowed: UnsafeMutablePointer<Int32>

    init(_ t: Tables, _ a: Automaton, buffers: ScanBuffers) {
        self.t = t; rootHasName = a.rootHasName; rootHasAny = a.rootHasAny
        self.buffers = buffers
        current = buffers.current; next = buffers.next; places = buffers.places; allowed = buffers.allowed
        stamp = buffers.stamp; epoch = buffers.epoch
    }

    /// Hands the counters back to the buffers, for the next scan.
    func finish() { buffers.stamp = stamp; buffers.epoch = epoch }

    /// Follows only the states in `ancestors`' lists from now on, or every state when nil.
    mutating func restrict(to ancestors: [[Int32]]?) {
        guard let ancestors else { restricted = false; return }
        restricted = true
        epoch += 1
        for list in ancestors { for n in list { allowed[Int(n)] = epoch } }
    }

    @inline(__always) func follows(_ node: Int32) -> Bool { !restricted || allowed[Int(node)] == epoch }

    /// Scans `toks[range]` from a clean state, appending matches.
    mutating func run(_ toks: UnsafeBufferPointer<Token>, _ range: Range<Int>) {
        self.toks = toks; rangeEnd = range.upperBound
        currentCount = 0
        for k in range {
            let tok = toks[k]
            if tok.flags.contains(.hardBreak) { currentCount = 0 }
            else if tok.flags.contains(.softBreak) {
                // Only gaps may span punctuation.
                var kept = 0
                for i in 0..<currentCount where current[i].budget != 0 { current[kept] = current[i]; kept += 1 }
                currentCount = kept
            }
            capitalised = tok.flags.mayBeName
            if currentCount == 0 && tok.id < 0 && !rootHasAny && !(rootHasName && capitalised) { continue }
            nextCount = 0
            k32 = Int32(k)
            stamp += 1
            if k + 1 < range.upperBound {
                let n = toks[k + 1]
                nextOpen = !n.flags.contains(.hardBreak) && !n.flags.contains(.softBreak)
                nextCapitalised = n.flags.mayBeName; nextID = n.id
                if nextOpen && k + 2 < range.upperBound {
                    let n2 = toks[k + 2]
                    next2Open = !n2.flags.contains(.hardBreak) && !n2.flags.contains(.softBreak)
                    next2Capitalised = n2.flags.mayBeName; next2ID = n2.id
                } else { next2Open = false }
            } else { nextOpen = false }
            for i in 0..<currentCount {
                let e = current[i]
                step(e.node, e.start, tok.id)
                if e.budget > 0 { push(e.node, e.start, e.budget - 1) }
            }
            step(0, k32, tok.id)
            swap(&current, &next)
            currentCount = nextCount
        }
    }

    /// At most one open match per node: the one that may skip most, then the longest.
    @inline(__always) mutating func push(_ node: Int32, _ start: Int32, _ budget: Int8) {
        let n = Int(node)
        if places[n].stamp == stamp {
            let e = next + Int(places[n].slot)
            if budget > e.pointee.budget || (budget == e.pointee.budget && start < e.pointee.start) {
                e.pointee.budget = budget; e.pointee.start = start
            }
            return
        }
        if nextCount < Automaton.maxActive {
            places[n] = (stamp, Int32(nextCount))
            next[nextCount] = Entry(node: node, start: start, budget: budget)
            nextCount += 1
        }
    }

    /// Reaching `node` after the current token: report what ends there, open what continues.
    /// A match that may not skip a word is opened only in states with a kind of transition the
    /// next token can take (a word edge when some state of the closure has an edge on that word,
    /// a name edge when it is capitalised, an any-word edge when what follows it can end, skip or
    /// take the token after): otherwise it would die unused, and most arrivals (a name, "the",
    /// "she" starting many patterns' first elements, each joined to its own next element) are of
    /// that kind. Such an entry has no effect, not even through `push`'s choice between entries
    /// of one state, since that choice only keeps the better of two entries of the same state.
    @inline(__always) mutating func arrive(_ node: Int32, _ start: Int32) {
        guard follows(node) else { return }
        let (open, hits) = nextOpen ? t.lookahead(node, on: nextID, capitalised: nextCapitalised) : (0, 0..<0)
        let n = t.states[Int(node)]
        if open & Automaton.stepsOnName != 0 {
            for ci in Int(n.closureLo)..<Int(n.closureHi) {
                visit(ci, start, open & Automaton.stepsOnToken != 0 && t.hasEdge(t.states[Int(t.lists[ci])], nextID) ? open : open & ~Automaton.stepsOnToken)
            }
            return
        }
        // The states with an edge on the next word, merged in closure order with those that end,
        // skip or take any word (the others can do nothing).
        var (h, a) = (hits.lowerBound, open != 0 ? Int(n.anyEndsLo) : Int(n.endsLo))
        let aEnd = open != 0 ? Int(n.anyEndsHi) : Int(n.endsHi)
        while h < hits.upperBound || a < aEnd {
            let hp = h < hits.upperBound ? Int(t.lists[h]) : Int.max, ap = a < aEnd ? Int(t.lists[a]) : Int.max
            if hp <= ap { visit(hp, start, open); h += 1; if hp == ap { a += 1 } }
            else { visit(ap, start, open & ~Automaton.stepsOnToken); a += 1 }
        }
    }

    /// One state of an arrival's closure, at position `ci` of the closure list: report what ends
    /// there, open it if the next token can take one of its `open` kinds of transition, and open
    /// what its gaps reach.
    @inline(__always) mutating func visit(_ ci: Int, _ start: Int32, _ open: Int32) {
        let c = t.lists[ci]
        guard follows(c) else { return }
        let s = t.states[Int(c)]
        for oi in Int(s.outputsLo)..<Int(s.outputsHi) { matches.append(RawMatch(pattern: t.lists[oi], first: start, last: k32)) }
        let fires = s.steps & open
        if fires != 0 && (fires != Automaton.stepsOnAny || anyContinues(s)) { push(c, start, 0) }
        var gi = Int(s.gapsLo)
        while gi < Int(s.gapsHi) {
            let budget = Int8(truncatingIfNeeded: t.lists[gi]), count = Int(t.lists[gi + 1])
            for xi in (gi + 2)..<(gi + 2 + count) where follows(t.lists[xi]) && canTake(t.states[Int(t.lists[xi])], within: budget) {
                push(t.lists[xi], start, budget)
            }
            gi += 2 + count
        }
    }

    /// True when state `s`, opened by a gap that may skip `budget` words, can take one of the
    /// tokens it will see before it expires: the next `budget + 1` up to a hard break. Otherwise
    /// it would be carried along unused (and `push` keeps one entry per state, the one that may
    /// skip most: an unused entry only ever displaces ones that would expire no later, unused too).
    @inline(__always) func canTake(_ s: Automaton.State, within budget: Int8) -> Bool {
        if s.steps & Automaton.stepsOnAny != 0 { return true }
        var j = Int(k32) + 1
        let last = min(Int(k32) + 1 + Int(budget), rangeEnd - 1)
        while j <= last {
            let tok = toks[j]
            if tok.flags.contains(.hardBreak) { return false }
            if s.steps & Automaton.stepsOnName != 0 && tok.flags.mayBeName { return true }
            if tok.id >= 0 && s.steps & Automaton.stepsOnToken != 0 && t.hasEdge(s, tok.id) { return true }
            j += 1
        }
        return false
    }

    /// True when a match in state `s`, taking the next token as any word, can then end, skip, or
    /// take the token after: the same look-ahead one token further.
    @inline(__always) func anyContinues(_ s: Automaton.State) -> Bool {
        for i in Int(s.anysLo)..<Int(s.anysHi) {
            let y = t.lists[i]
            if t.states[Int(y)].closureSteps & Automaton.endsOrSkips != 0 { return true }
            if next2Open && t.lookahead(y, on: next2ID, capitalised: next2Capitalised).open != 0 { return true }
        }
        return false
    }

    /// Every transition from `node` on the current token.
    @inline(__always) mutating func step(_ node: Int32, _ start: Int32, _ id: Int32) {
        if id >= 0 { for j in t.edges(node, id) { arrive(t.lists[j], start) } }
        let s = t.states[Int(node)]
        if capitalised { for i in Int(s.namesLo)..<Int(s.namesHi) { arrive(t.lists[i], start) } }
        for i in Int(s.anysLo)..<Int(s.anysHi) { arrive(t.lists[i], start) }
    }
}

extension Automaton {
    /// Limit on open partial matches, so pathological text cannot make a scan quadratic.
    static let maxActive = 512

    /// Every match of every pattern in `tokens`, in order (`inOrder`).
    public func scan(_ tokens: [Token]) -> [RawMatch] { scan(tokens, ranges: [0..<tokens.count]) }

    /// Every match inside the given token ranges, in order (`inOrder`). The ranges must be
    /// increasing and disjoint, and each must start at token 0 or at a token with a hard break:
    /// no partial match survives a hard break, so each range then finds exactly what a scan of all
    /// tokens finds there.
    public func scan(_ tokens: [Token], ranges: [Range<Int>]) -> [RawMatch] {
        Self.inOrder(scanExactly(tokens, ranges: ranges.map { ExactRange(range: $0, ancestors: nil) }, buffers: ScanBuffers(nodeCount: nodeCount)))
    }

    /// The same matches as `scan(_:ranges:)` (over all tokens when `ranges` is nil), found with
    /// `dfa`, which must be built from this automaton: it passes the text at one table step a
    /// token, and the exact scan then runs only where something ends, following only the states
    /// that lead there.
    public func scan(_ tokens: [Token], ranges: [Range<Int>]? = nil, using dfa: LazyDFA) -> [RawMatch] {
        let (exact, direct) = tokens.withUnsafeBufferPointer { dfa.exactRanges($0, ranges ?? [0..<tokens.count]) }
        return Self.inOrder(scanExactly(tokens, ranges: exact, buffers: dfa.scanBuffers) + direct)
    }

    /// Matches in order of last token, then first, then pattern, each once: the order of every
    /// scan, whichever way it found them (two ways into one state at one token find a match twice).
    static func inOrder(_ matches: [RawMatch]) -> [RawMatch] {
        func before(_ a: RawMatch, _ b: RawMatch) -> Bool { (a.last, a.first, a.pattern) < (b.last, b.first, b.pattern) }
        // Often so already: the exact scan finds matches in order of their last token.
        if zip(matches, matches.dropFirst()).allSatisfy(before) { return matches }
        var sorted = matches.sorted(by: before)
        var kept = 0
        for m in sorted where kept == 0 || sorted[kept - 1] != m { sorted[kept] = m; kept += 1 }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The exact scan's matches, in the order it finds them (callers put them `inOrder`).
    private func scanExactly(_ tokens: [Token], ranges: [ExactRange], buffers: ScanBuffers) -> [RawMatch] {
        precondition(buffers.nodeCount == nodeCount, "scan buffers of another automaton")
        buffers.reserve(tokens: ranges.reduce(0) { $0 + $1.range.count }, ranges: ranges.count)
        // The tables stay at one address for as long as `self` lives (`FrozenArray`).
        return withExtendedLifetime(self) {
            tokens.withUnsafeBufferPointer { toks in
                var s = Scanner(Tables(self), self, buffers: buffers)
                defer { s.finish() }
                for r in ranges { s.restrict(to: r.ancestors); s.run(toks, r.range) }
                return s.matches
            }
        }
    }
}

