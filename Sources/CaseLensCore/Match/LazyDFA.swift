/// A deterministic automaton built lazily from an `Automaton`, for finding *where* matches end
/// at one table step per token. Its states are the sets of open partial matches the scan keeps
/// (each state of the automaton with the most it may still skip), without where they began; a
/// transition, computed the first time a state meets a kind of token and cached after, leads to
/// the next such set and says whether some pattern ends on the token.
///
/// The scan (`Automaton.scan(_:ranges:using:)`) runs this over the text, and the exact scan
/// (`Scanner`, which knows where each match begins) only over the few tokens before each place
/// where something ends: most of the text is passed at the cost of one hash probe a token. Where
/// every state that ends a pattern on a token can only be reached over one number of tokens (no
/// gap, optional word or alternatives of different lengths before it), the transition itself
/// says which patterns end and where they began, and the exact scan is not needed at all: that
/// is almost every record cue. The results are the exact scan's over the whole text (a test
/// compares both), because the sets here hold every partial match the exact scan keeps, and more
/// (it keeps none that its look-ahead shows cannot continue; those never end a pattern).
///
/// Mutable and not thread-safe: one per thread and automaton (a `Checker` holds its own). The
/// cache is emptied when it outgrows `maxBytes`, so memory stays bounded on any text (ripgrep's
/// regex engine bounds its lazy DFA's cache the same way).
public final class LazyDFA {
    private let automaton: Automaton
    private let t: Tables
    /// Word id → its symbol class in this automaton: id + 1 when some state has an edge on the
    /// word, else 0 (every such word, and unknown words, behave alike here).
    private let wordClass: [Int32]
    private let hasNames: Bool
    /// Node → the longest match it can end (`Automaton.longestPaths`), at most `unboundedSpan`,
    /// which stands for any length.
    private let spans: [Int32]
    /// A transition's value: `next << spanBits | direct | span`, where span is the longest match
    /// that ends on the token (0: none ends), and `direct` says that every match ending there has
    /// one length, so `directOutputs` gives them without the exact scan.
    static let spanBits: Int32 = 8
    static let unboundedSpan: Int32 = 1 << (spanBits - 1) - 1
    static let direct: Int32 = 1 << (spanBits - 1)
    /// Node → the one number of tokens every match it ends spans, or -1 when that varies (a gap,
    /// an optional word or alternatives of different lengths lead there).
    private let depths: [Int32]
    /// The matches a `direct` transition ends, by its key: each pattern with its length. Emptied
    /// with the cache.
    private var directOutputs: [UInt32: [(pattern: Int32, length: Int32)]] = [:]
    /// The states that lead to what a transition ends, when that is not `direct`, by its key
    /// (`WaysIn.ancestors`): the exact scan over the tokens before it need follow only those.
    /// Emptied with the cache.
    private var endAncestors: [UInt32: [Int32]] = [:]
    private var waysIn: WaysIn
    /// Counts the times the cache was emptied: a pass that saw it emptied has keys that may now
    /// mean other transitions, and lets the exact scan follow every state.
    private var generation = 0
    /// The longest match a state can end, the most tokens the exact scan covers for one (nil: not
    /// bounded, so it covers the sentence).
    public var longestMatch: Int? { spans.max().flatMap { $0 == Self.unboundedSpan ? nil : Int($0) } }

    /// Each state's set: its `node << 8 | budget` values (in no particular order), in
    /// `sets[setStarts[s]..<setStarts[s+1]]`.
    private var sets: [UInt32] = []
    private var setStarts: [Int] = [0]
    /// The states by their sets: an open-addressing table of state ids (-1: empty), `stateMask + 1`
    /// slots, hashed with `setHash` (which ignores order); a set is compared where `sets` holds
    /// it, against the budgets of the set being made (no copy as a key, no sorting).
    private var stateSlots = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private var stateMask = 0
    private var stateCount: Int { setStarts.count - 1 }
    /// Cached transitions, an open-addressing table of `mask + 1` slots, each one word (so a probe
    /// reads one cache line): the key `state << symbolBits | symbol` in the high half, the value
    /// `next << spanBits | span` in the low half; `UInt64.max` when empty. Raw memory, so the per-token
    /// probe has no bounds, uniqueness or exclusivity checks. Grown when three quarters full: reading
    /// it is most of a token's time, and a smaller table stays in a fast cache more often (linear
    /// probing at that load mostly stays within the first slot's cache line).
    private var slots = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    private var mask = 0, transitionCount = 0
    /// Bits of a key that hold the symbol; the rest hold the state, so there are at most
    /// `stateLimit` states (the cache is emptied before).
    private let symbolBits: Int
    private let stateLimit: Int
    private var step: SetStep

    /// The empty set: no partial match open (after a hard break, or at the start).
    static let start: Int32 = 0
    /// A set larger than `Automaton.maxActive`: the exact scan then drops matches, so every token
    /// up to the next hard break is treated as a possible end and scanned exactly.
    static let overflow: Int32 = -1
    /// Size of the cache (`cacheBytes`) at which it is emptied and rebuilt.
    let maxBytes: Int

    /// Statistics, for the benchmark: transitions computed, states built, tokens passed, and of
    /// those the tokens the exact scan then covered.
    public private(set) var misses = 0, builtStates = 0, scannedTokens = 0, exactTokens = 0
    /// Matches read straight off the deterministic automaton, without the exact scan.
    public private(set) var directMatches = 0
    /// Ranges handed to the exact scan, and of those the ones where it follows only the states
    /// that lead to what ends there.
    public private(set) var exactRangeCount = 0, restrictedRanges = 0

    /// Bytes the cache holds now, roughly: its sets, a start and a table slot or two per state,
    /// the transition table, and the outputs and ancestors kept for some transitions.
    public var cacheBytes: Int { 4 * sets.count + 16 * stateCount + 4 * (stateMask + 1) + 8 * (mask + 1) + 64 * (directOutputs.count + endAncestors.count) }

    /// A cache for `automaton`, emptied whenever it grows past `maxBytes`. The built-in rules
    /// settle at about 22,000 states (7 MiB) over a 50 MiB batch; 16 MiB leaves room for a larger
    /// lexicon. A cache smaller than the working set thrashes: at 4 MiB the session-8 lexicon was
    /// emptied and rebuilt over and over, and tokenise+match fell from 45 to 9 MiB/s.
    /// The exact scan's buffers, kept for every scan with this cache (`ScanBuffers`); made on
    /// first use.
    lazy var scanBuffers = ScanBuffers(nodeCount: automaton.nodeCount)

    public init(_ automaton: Automaton, maxBytes: Int = 16 << 20) {
        self.automaton = automaton; self.maxBytes = maxBytes
        t = Tables(automaton)
        let paths = automaton.pathLengths
        spans = paths.map { $0.longest.map { Int32(min($0, Int(Self.unboundedSpan))) } }
            ?? [Int32](repeating: Self.unboundedSpan, count: automaton.nodeCount)
        depths = paths.map { p in p.longest.indices.map { p.shortest[$0] == p.longest[$0] && p.longest[$0] < Int(Self.unboundedSpan) ? Int32(p.longest[$0]) : -1 } }
            ?? [Int32](repeating: -1, count: automaton.nodeCount)
        step = SetStep(t, nodeCount: automaton.nodeCount, spans: spans)
        waysIn = WaysIn(automaton)
        var used = [Bool](repeating: false, count: automaton.vocabularySize)
        automaton.forEachTokenEdge { _, id, _ in if id < used.count { used[id] = true } }
        wordClass = used.indices.map { used[$0] ? Int32($0) + 1 : 0 }
        // The largest symbol: the last word's class (its id + 1), a name, after punctuation.
        symbolBits = Int.bitWidth - (used.count << 2 | 3).leadingZeroBitCount
        // A state must fit both a key's high bits and a value's (with its sign and span).
        stateLimit = (1 << max(min(32 - symbolBits, 31 - Int(Self.spanBits)), 1)) - 1
        hasNames = (0..<automaton.nodeCount).contains { automaton.states[$0].namesHi > automaton.states[$0].namesLo }
        reset()
    }

    deinit { step.budgets.deallocate(); slots.deallocate(); stateSlots.deallocate() }

    /// Empties the cache: only the start state remains.
    private func reset() {
        sets = []; setStarts = [0]
        stateSlots.deallocate()
        stateSlots = .allocate(capacity: 1024); stateSlots.initialize(repeating: -1, count: 1024); stateMask = 1023
        _ = intern([])       // the start state, `start`
        builtStates -= 1     // (not built by a transition)
        directOutputs = [:]; endAncestors = [:]
        generation += 1
        allocateTable(slots: 4096)
        transitionCount = 0
    }

    /// The symbol of a token: its word's class, whether it may be a name, whether punctuation
    /// comes before it.
    @inline(__always) private func symbol(_ tok: Token) -> UInt32 {
        let c = tok.id >= 0 ? UInt32(wordClass[Int(tok.id)]) : 0
        let name: UInt32 = hasNames && tok.flags.mayBeName ? 2 : 0
        return c << 2 | name | (tok.flags.contains(.softBreak) ? 1 : 0)
    }

    /// The token ranges the exact scan must cover so that it finds every match inside `ranges`
    /// (which start at token 0 or at a hard break, as `Automaton.scan(_:ranges:)` requires):
    /// before each token where something ends, as many tokens as the longest match that can end
    /// there (not before its sentence), overlapping ranges merged. A match is found there just as
    /// a scan from the sentence's start finds it: an open match begun earlier could only end a
    /// match longer than its patterns allow, so it can neither end one nor displace one that
    /// does. Where the sets overflow, the exact scan drops matches as its own limit says, and
    /// covers the sentence from its start, as it would alone.
    ///
    /// A long text is passed in two halves at once, one token of each in turn (`paired`): almost
    /// all of a token's time is the wait for its transition from memory, and two independent
    /// look-ups wait together.
    func exactRanges(_ toks: UnsafeBufferPointer<Token>, _ ranges: [Range<Int>]) -> (ranges: [ExactRange], direct: [RawMatch]) {
        let scanned = ranges.reduce(0) { $0 + $1.count }
        if scanned >= Self.pairedFrom, let (a, b) = Self.halves(toks, ranges), let lane = paired(toks, a, b) {
            return finish(lane, scanned: scanned)
        }
        var lane = Lane(self), cursor = Cursor(ranges)
        while let k = cursor.next(&lane) { lane.take(k, toks) }
        return finish(lane, scanned: scanned)
    }

    /// Texts of fewer tokens are passed in one lane.
    static let pairedFrom = 2048

    /// Passes the two halves `a` and `b` (`a`'s tokens all before `b`'s) in one lane each, a token
    /// of each in turn, and joins the lanes: the same result as one lane over both, since each
    /// half starts at a hard break, where one lane too starts afresh. Nil when the cache was
    /// emptied on the way, leaving the other lane in a state that no longer exists.
    private func paired(_ toks: UnsafeBufferPointer<Token>, _ a: [Range<Int>], _ b: [Range<Int>]) -> Lane? {
        var la = Lane(self), lb = Lane(self)
        var ca = Cursor(a), cb = Cursor(b)
        let started = generation
        while let ka = ca.next(&la) {
            guard let kb = cb.next(&lb) else {
                la.take(ka, toks)
                while let k = ca.next(&la) { la.take(k, toks) }
                break
            }
            let ta = toks[ka], tb = toks[kb]
            if ta.flags.contains(.hardBreak) { la.restart(at: ka) }
            if tb.flags.contains(.hardBreak) { lb.restart(at: kb) }
            if la.state != LazyDFA.overflow && lb.state != LazyDFA.overflow {
                // Both lanes' first reads of the table before either is used.
                let keyA = la.key(ta), keyB = lb.key(tb)
                let slotA = Automaton.slot(UInt64(keyA), la.mask), slotB = Automaton.slot(UInt64(keyB), lb.mask)
                let foundA = la.slots[slotA], foundB = lb.slots[slotB]
                la.step(ka, ta, key: keyA, slot: slotA, found: foundA)
                if la.missed {
                    // The table may have moved: `foundB` is read again.
                    guard Lane.follow(&lb, after: &la, started: started) else { return nil }
                    lb.step(kb, tb)
                } else {
                    lb.step(kb, tb, key: keyB, slot: slotB, found: foundB)
                }
            } else {
                la.step(ka, ta)
                guard Lane.follow(&lb, after: &la, started: started) else { return nil }
                lb.step(kb, tb)
            }
            guard Lane.follow(&la, after: &lb, started: started) else { return nil }
        }
        while let k = cb.next(&lb) { lb.take(k, toks) }
        la.out += lb.out; la.ends += lb.ends; la.direct += lb.direct
        return la
    }

    /// `ranges` cut in two at a hard break near the middle of their tokens (nil when there is
    /// none to cut at).
    static func halves(_ toks: UnsafeBufferPointer<Token>, _ ranges: [Range<Int>]) -> ([Range<Int>], [Range<Int>])? {
        var half = ranges.reduce(0) { $0 + $1.count } / 2
        for (i, r) in ranges.enumerated() {
            guard half < r.count else { half -= r.count; continue }
            var cut = r.lowerBound + half
            while cut < r.upperBound && !toks[cut].flags.contains(.hardBreak) { cut += 1 }
            if cut > r.lowerBound && cut < r.upperBound {
                return (Array(ranges[..<i]) + [r.lowerBound..<cut], [cut..<r.upperBound] + Array(ranges[(i + 1)...]))
            }
            let at = i + 1 < ranges.count ? i + 1 : i
            return at > 0 ? (Array(ranges[..<at]), Array(ranges[at...])) : nil
        }
        return nil
    }

    /// Walks a lane through ranges, a token at a time, starting it afresh at each range.
    private struct Cursor {
        let ranges: [Range<Int>]
        var i = -1, k = 0, end = 0
        init(_ ranges: [Range<Int>]) { self.ranges = ranges }

        /// The next token to pass, or nil when all are passed.
        @inline(__always) mutating func next(_ lane: inout Lane) -> Int? {
            while k >= end {
                i += 1
                guard i < ranges.count else { return nil }
                (k, end) = (ranges[i].lowerBound, ranges[i].upperBound)
                lane.restart(at: k)
            }
            k += 1
            return k - 1
        }
    }

    private func finish(_ lane: Lane, scanned: Int) -> (ranges: [ExactRange], direct: [RawMatch]) {
        for r in lane.out { exactTokens += r.count }
        scannedTokens += scanned
        directMatches += lane.direct.count
        // Each range follows the states that lead to what ends in it; every state where the
        // sets overflowed, or the cache was emptied during the pass.
        var exact: [ExactRange] = [], e = 0
        exact.reserveCapacity(lane.out.count)
        let whole = generation != lane.generation
        for r in lane.out {
            var ancestors: [[Int32]]? = whole ? nil : []
            while e < lane.ends.count && Int(lane.ends[e].k) < r.upperBound {
                if ancestors != nil, let a = lane.ends[e].key == Lane.everything ? nil : endAncestors[lane.ends[e].key] {
                    ancestors!.append(a)
                } else { ancestors = nil }
                e += 1
            }
            exact.append(ExactRange(range: r, ancestors: ancestors))
            if ancestors != nil { restrictedRanges += 1 }
        }
        exactRangeCount += exact.count
        return (exact, lane.direct)
    }

    /// One pass of a `LazyDFA` over tokens: its state, and the ranges for the exact scan so far.
    private struct Lane {
        let dfa: LazyDFA
        /// The table in locals, reloaded after a miss (which may grow it).
        var slots: UnsafeMutablePointer<UInt64>, mask: Int
        let symbolBits: UInt32
        var state = LazyDFA.start
        var out: [Range<Int>] = []
        /// Each token where something ends, with its transition's key (`everything`: the sets
        /// overflowed), in order.
        var ends: [(k: Int32, key: UInt32)] = []
        static let everything = UInt32.max
        /// The cache's generation when the pass began.
        let generation: Int
        /// Matches read straight off `direct` transitions.
        var direct: [RawMatch] = []
        var sentence = 0, overflowed = false
        /// Set when a transition was computed (the cache may have grown, or been emptied).
        var missed = false

        init(_ dfa: LazyDFA) {
            self.dfa = dfa; (slots, mask) = (dfa.slots, dfa.mask); symbolBits = UInt32(dfa.symbolBits)
            generation = dfa.generation
        }

        /// After `lane` may have computed a transition (`missed`): false when the cache was
        /// emptied since the pass began (`started`), else `other` reads the table where it now is.
        @inline(__always) static func follow(_ other: inout Lane, after lane: inout Lane, started: Int) -> Bool {
            guard lane.missed else { return true }
            lane.missed = false
            guard lane.dfa.generation == started else { return false }
            (other.slots, other.mask) = (lane.slots, lane.mask)
            return true
        }

        /// A hard break (or a range's start) at token `k`: no partial match is open.
        @inline(__always) mutating func restart(at k: Int) { sentence = k; state = LazyDFA.start; overflowed = false }

        /// Passes token `k`.
        @inline(__always) mutating func take(_ k: Int, _ toks: UnsafeBufferPointer<Token>) {
            let tok = toks[k]
            if tok.flags.contains(.hardBreak) { restart(at: k) }
            step(k, tok)
        }

        @inline(__always) mutating func step(_ k: Int, _ tok: Token) {
            if state == LazyDFA.overflow { end(at: k, span: LazyDFA.unboundedSpan, key: Self.everything); return }
            let key = key(tok)
            let slot = Automaton.slot(UInt64(key), mask)
            step(k, tok, key: key, slot: slot, found: slots[slot])
        }

        /// The key of the transition from the current state on `tok`.
        @inline(__always) func key(_ tok: Token) -> UInt32 { UInt32(state) << symbolBits | dfa.symbol(tok) }

        /// The step on token `k`, whose transition's key is `key`, given the table's entry at the
        /// key's first slot (already read, so that two lanes' reads can wait together).
        @inline(__always) mutating func step(_ k: Int, _ tok: Token, key: UInt32, slot first: Int, found entry: UInt64) {
            var slot = first, found = entry
            var value: Int32
            while true {
                if UInt32(truncatingIfNeeded: found >> 32) == key { value = Int32(truncatingIfNeeded: found); break }
                if found == UInt64.max {
                    value = dfa.transition(state, tok, key)
                    (slots, mask) = (dfa.slots, dfa.mask)
                    missed = true
                    break
                }
                slot = (slot + 1) & mask
                found = slots[slot]
            }
            state = value >> LazyDFA.spanBits
            if state == LazyDFA.overflow { overflowed = true; end(at: k, span: LazyDFA.unboundedSpan, key: Self.everything) }
            else if value & LazyDFA.direct != 0 {
                for o in dfa.directOutputs[key] ?? [] { direct.append(RawMatch(pattern: o.pattern, first: Int32(k) - o.length + 1, last: Int32(k))) }
            } else if value & LazyDFA.unboundedSpan != 0 { end(at: k, span: value & LazyDFA.unboundedSpan, key: key) }
        }

        /// Something of at most `span` tokens ends at `k`, on the transition with this key.
        mutating func end(at k: Int, span: Int32, key: UInt32) {
            ends.append((Int32(k), key))
            var lo = overflowed || span == LazyDFA.unboundedSpan ? sentence : max(sentence, k - Int(span) + 1), hi = k
            while let l = out.last, l.lowerBound >= sentence, l.upperBound >= lo {
                lo = min(lo, l.lowerBound); hi = max(hi, l.upperBound - 1)
                out.removeLast()
            }
            out.append(lo..<(hi + 1))
        }
    }

    /// Computes, caches and returns the transition from `state` on `tok` (whose key is `key`).
    private func transition(_ state: Int32, _ tok: Token, _ key: UInt32) -> Int32 {
        misses += 1
        step.clear()
        let soft = tok.flags.contains(.softBreak)
        let id: Int32 = tok.id >= 0 && wordClass[Int(tok.id)] != 0 ? tok.id : -1
        let name = hasNames && tok.flags.mayBeName
        for v in sets[setStarts[Int(state)]..<setStarts[Int(state) + 1]] {
            let node = Int32(v >> 8), budget = Int8(v & 0xFF)
            if soft && budget == 0 { continue }
            step.step(node, id, name)
            if budget > 0 { step.push(node, budget - 1) }
        }
        step.step(0, id, name)
        let next: Int32
        if step.nodes.count > Automaton.maxActive { next = Self.overflow } else {
            step.collectSet()
            if let s = existingState() { next = s } else {
                if cacheBytes >= maxBytes || stateCount >= stateLimit {
                    // Emptied: the caller's `state` is gone too, so this transition is not cached.
                    reset()
                    let s = intern(step.values)
                    return s << Self.spanBits | step.span
                }
                next = intern(step.values)
            }
        }
        var value = next << Self.spanBits | step.span
        if let outputs = directOutputs(of: step) { directOutputs[key] = outputs; value |= Self.direct }
        else if step.span != 0 && next != Self.overflow { endAncestors[key] = waysIn.ancestors(of: step.ending) }
        insert(key, value)
        return value
    }

    /// The matches a transition ends, each pattern with its length, when every state that ends
    /// one has a single length; nil when none ends or some length varies.
    private func directOutputs(of step: SetStep) -> [(pattern: Int32, length: Int32)]? {
        guard step.span != 0, step.ending.allSatisfy({ depths[Int($0)] > 0 }) else { return nil }
        var outputs: [(pattern: Int32, length: Int32)] = []
        for c in step.ending {
            let s = t.states[Int(c)]
            for oi in Int(s.outputsLo)..<Int(s.outputsHi) { outputs.append((t.lists[oi], depths[Int(c)])) }
        }
        return outputs
    }

    /// The state whose set is the one `step` has just collected, if there is one: a set of the
    /// same size each of whose values the step's budgets hold is that set.
    private func existingState() -> Int32? {
        let count = step.values.count
        var slot = Self.setHash(step.values) & stateMask
        while true {
            let s = stateSlots[slot]
            if s < 0 { return nil }
            let lo = setStarts[Int(s)], hi = setStarts[Int(s) + 1]
            if hi - lo == count && sets[lo..<hi].allSatisfy({ UInt8(bitPattern: step.budgets[Int($0 >> 8)]) == UInt8($0 & 0xFF) }) { return s }
            slot = (slot + 1) & stateMask
        }
    }

    /// Adds a state for `set` (not yet a state's).
    private func intern(_ set: [UInt32]) -> Int32 {
        let s = Int32(stateCount)
        if (stateCount + 1) * 4 > 3 * (stateMask + 1) {
            let count = 2 * (stateMask + 1)
            stateSlots.deallocate()
            stateSlots = .allocate(capacity: count); stateSlots.initialize(repeating: -1, count: count); stateMask = count - 1
            for old in 0..<stateCount { placeState(Int32(old), hash: Self.setHash(sets[setStarts[old]..<setStarts[old + 1]])) }
        }
        sets += set
        setStarts.append(sets.count)
        placeState(s, hash: Self.setHash(set))
        builtStates += 1
        return s
    }

    private func placeState(_ s: Int32, hash: Int) {
        var slot = hash & stateMask
        while stateSlots[slot] >= 0 { slot = (slot + 1) & stateMask }
        stateSlots[slot] = s
    }

    /// A hash of a set's values that does not depend on their order: the sum of each value mixed.
    private static func setHash<C: Collection>(_ set: C) -> Int where C.Element == UInt32 {
        var h = UInt64(set.count)
        for v in set {
            let x = (UInt64(v) &+ 0x9E37_79B9) &* 0xBF58_476D_1CE4_E5B9
            h &+= x ^ (x >> 31)
        }
        h = (h ^ (h >> 30)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }

    /// Replaces the table with an empty one of `count` slots (a power of two).
    private func allocateTable(slots count: Int) {
        slots.deallocate()
        slots = .allocate(capacity: count); slots.initialize(repeating: .max, count: count)
        mask = count - 1
    }

    private func insert(_ key: UInt32, _ value: Int32) {
        if (transitionCount + 1) * 4 > 3 * (mask + 1) {
            let old = (0...mask).map { slots[$0] }.filter { $0 != UInt64.max }
            allocateTable(slots: 2 * (mask + 1))
            for entry in old { place(entry) }
        }
        place(UInt64(key) << 32 | UInt64(UInt32(bitPattern: value)))
        transitionCount += 1
    }

    private func place(_ entry: UInt64) {
        var slot = Automaton.slot(entry >> 32, mask)
        while slots[slot] != UInt64.max { slot = (slot + 1) & mask }
        slots[slot] = entry
    }
}

/// One transition of a `LazyDFA` being computed: the automaton's steps on one token from every
/// open state, without the exact scan's look-ahead (a set may hold states that will die unused).
/// Its buffers are allocated once per `LazyDFA` and reused.
private struct SetStep {
    let t: Tables
    /// Node → the most it may still skip, or -1 when not in the next set.
    let budgets: UnsafeMutablePointer<Int8>
    /// The nodes in the next set, in the order reached.
    var nodes: [Int32] = []
    /// The longest match that ends on the token (0: none ends).
    var span: Int32 = 0
    /// The states reached that end a pattern, once each.
    var ending: [Int32] = []
    /// Node → the longest match it can end (`LazyDFA.spans`).
    let spans: [Int32]

    init(_ t: Tables, nodeCount: Int, spans: [Int32]) {
        self.t = t; self.spans = spans
        budgets = .allocate(capacity: nodeCount); budgets.initialize(repeating: -1, count: nodeCount)
    }

    /// Starts a new transition (clears the last one's set).
    mutating func clear() {
        for n in nodes { budgets[Int(n)] = -1 }
        nodes.removeAll(keepingCapacity: true)
        ending.removeAll(keepingCapacity: true)
        span = 0
    }

    /// The next set, once `collectSet()` has made it: `node << 8 | budget` values in the order
    /// reached, in a buffer kept from transition to transition.
    private(set) var values: [UInt32] = []

    mutating func collectSet() {
        values.removeAll(keepingCapacity: true)
        for n in nodes { values.append(UInt32(n) << 8 | UInt32(UInt8(budgets[Int(n)]))) }
    }

    @inline(__always) mutating func push(_ node: Int32, _ budget: Int8) {
        let b = budgets[Int(node)]
        if b < 0 { nodes.append(node) }
        if budget > b { budgets[Int(node)] = budget }
    }

    /// Every transition from `node` on a token with word id `id` (-1: none) that may be a name.
    mutating func step(_ node: Int32, _ id: Int32, _ name: Bool) {
        if id >= 0 { for j in t.edges(node, id) { arrive(t.lists[j]) } }
        let s = t.states[Int(node)]
        if name { for i in Int(s.namesLo)..<Int(s.namesHi) { arrive(t.lists[i]) } }
        for i in Int(s.anysLo)..<Int(s.anysHi) { arrive(t.lists[i]) }
    }

    /// Reaching `node`: every state of its closure ends what it ends, stays open if it has
    /// transitions, and opens what its gaps reach.
    mutating func arrive(_ node: Int32) {
        let n = t.states[Int(node)]
        for ci in Int(n.closureLo)..<Int(n.closureHi) {
            let c = t.lists[ci]
            let s = t.states[Int(c)]
            if s.outputsHi > s.outputsLo {
                span = max(span, spans[Int(c)])
                if !ending.contains(c) { ending.append(c) }
            }
            if s.steps != 0 { push(c, 0) }
            var gi = Int(s.gapsLo)
            while gi < Int(s.gapsHi) {
                let budget = Int8(truncatingIfNeeded: t.lists[gi]), count = Int(t.lists[gi + 1])
                for xi in (gi + 2)..<(gi + 2 + count) { push(t.lists[xi], budget) }
                gi += 2 + count
            }
        }
    }
}
