/// A read-only view of an automaton's tables through raw pointers, valid while the scan that made
/// it runs. Everything the hot loop reads is one pointer plus an offset, so the loop has no
/// closures, no reference counting and no exclusivity checks.
struct Tables {
    /// The per-node lists stored in `Automaton.table`, each as a start array and a data array.
    enum Field: Int, CaseIterable { case names, anys, gaps, outputs, closures }
    let table: UnsafePointer<Int32>
    let wide: UnsafePointer<UInt64>
    let starts: (Int, Int, Int, Int, Int)
    let datas: (Int, Int, Int, Int, Int)
    let budgets: Int, steps: Int, targets: Int, closureSteps: Int
    let edgeMask: Int, rootRanges: Int, follows: Int, followMask: Int, signatures: Int, nodeCount: Int

    init(_ a: Automaton, table: UnsafePointer<Int32>, wide: UnsafePointer<UInt64>) {
        self.table = table; self.wide = wide
        let b = a.fieldBase
        starts = (b[0], b[2], b[4], b[6], b[8])
        datas = (b[1], b[3], b[5], b[7], b[9])
        budgets = b[10]; steps = b[11]; targets = b[12]; closureSteps = b[13]
        edgeMask = a.edgeMask
        rootRanges = 2 * (a.edgeMask + 1)
        follows = rootRanges + (a.wide.count - rootRanges - 2 * a.nodeCount - (a.followMask + 1))
        signatures = follows + a.followMask + 1
        nodeCount = a.nodeCount
        followMask = a.followMask
    }

    /// The index range in `table` of node `n`'s list for the field whose bases are given.
    @inline(__always) func list(_ start: Int, _ data: Int, _ n: Int) -> Range<Int> {
        (data + Int(table[start + n]))..<(data + Int(table[start + n + 1]))
    }
    @inline(__always) func names(_ n: Int) -> Range<Int> { list(starts.0, datas.0, n) }
    @inline(__always) func anys(_ n: Int) -> Range<Int> { list(starts.1, datas.1, n) }
    @inline(__always) func gaps(_ n: Int) -> Range<Int> { list(starts.2, datas.2, n) }
    @inline(__always) func outputs(_ n: Int) -> Range<Int> { list(starts.3, datas.3, n) }
    @inline(__always) func closure(_ n: Int) -> Range<Int> { list(starts.4, datas.4, n) }
    /// The budget of the gap at index `i` of the gaps data.
    @inline(__always) func budget(_ i: Int) -> Int8 { Int8(truncatingIfNeeded: table[budgets + i - datas.2]) }
    @inline(__always) func hasSteps(_ n: Int) -> Bool { table[steps + n] != 0 }

    /// True when some state of node `n`'s closure ends a pattern or has a gap.
    @inline(__always) func endsOrSkips(_ n: Int32) -> Bool { table[closureSteps + Int(n)] & Automaton.endsOrSkips != 0 }

    /// What node `n`'s own transitions take: `Automaton.stepsOn…` bits.
    @inline(__always) func stepBits(_ n: Int) -> Int32 { table[steps + n] }

    /// What the states in node `n`'s closure can take as a token with this id and capitalisation:
    /// the `Automaton.stepsOn…` bits of the transitions that would fire (token bit only when some
    /// state has an edge on `id`).
    @inline(__always) func closureSteps(_ n: Int32, on id: Int32, capitalised: Bool) -> Int32 {
        let bits = table[closureSteps + Int(n)]
        var open = bits & (capitalised ? Automaton.stepsOnAny | Automaton.stepsOnName : Automaton.stepsOnAny)
        guard id >= 0, bits & Automaton.stepsOnToken != 0,
              wide[signatures + nodeCount + Int(n)] & Automaton.signature(id) != 0 else { return open }
        let key = Automaton.key(n, id)
        var slot = Automaton.slot(key, followMask)
        while true {
            let k = wide[follows + slot]
            if k == key { open |= Automaton.stepsOnToken; break }
            if k == UInt64.max { break }
            slot = (slot + 1) & followMask
        }
        return open
    }

    /// Token transitions from `node` on word `id`: an index range in `table`.
    @inline(__always) func edges(_ node: Int32, _ id: Int32) -> Range<Int> {
        let r: UInt64
        if node == 0 { r = wide[rootRanges + Int(id)] } else {
            if wide[signatures + Int(node)] & Automaton.signature(id) == 0 { return 0..<0 }
            let key = Automaton.key(node, id)
            var slot = Automaton.slot(key, edgeMask)
            while true {
                let k = wide[slot]
                if k == key { r = wide[edgeMask + 1 + slot]; break }
                if k == UInt64.max { return 0..<0 }
                slot = (slot + 1) & edgeMask
            }
        }
        let off = targets + Int(r >> 32)
        return off..<(off + Int(r & 0xFFFF_FFFF))
    }
}

/// An open partial match: at `node`, begun at token `start`, may still skip `budget` tokens.
struct Entry { var node: Int32; var start: Int32; var budget: Int8 }

/// The state of one scan: the open partial matches before and after the current token, in
/// buffers allocated once per scan (at most `Automaton.maxActive` each).
struct Scanner {
    let t: Tables
    let rootHasName: Bool, rootHasAny: Bool
    var current: UnsafeMutablePointer<Entry>
    var next: UnsafeMutablePointer<Entry>
    var currentCount = 0, nextCount = 0
    /// One entry per node: `stamp[node] == k` when `next` already holds it, at `slot[node]`.
    let stamp: UnsafeMutablePointer<Int32>
    let slot: UnsafeMutablePointer<Int32>
    var matches: [RawMatch] = []
    /// The current token's index, and whether it may stand for `<Name>`.
    var k32: Int32 = 0
    var capitalised = false
    /// The next token, for the look-ahead: `nextOpen` is false when there is none in the range,
    /// or a break before it ends every match that may not skip a word.
    var nextOpen = false, nextCapitalised = false
    var nextID: Int32 = 0

    init(_ t: Tables, _ a: Automaton) {
        self.t = t; rootHasName = a.rootHasName; rootHasAny = a.rootHasAny
        current = .allocate(capacity: Automaton.maxActive)
        next = .allocate(capacity: Automaton.maxActive)
        stamp = .allocate(capacity: a.nodeCount); stamp.initialize(repeating: -1, count: a.nodeCount)
        slot = .allocate(capacity: a.nodeCount); slot.initialize(repeating: 0, count: a.nodeCount)
    }

    func deallocate() { current.deallocate(); next.deallocate(); stamp.deallocate(); slot.deallocate() }

    /// Scans `toks[range]` from a clean state, appending matches.
    mutating func run(_ toks: UnsafeBufferPointer<Token>, _ range: Range<Int>) {
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
            capitalised = tok.flags.contains(.capitalised)
            if currentCount == 0 && tok.id < 0 && !rootHasAny && !(rootHasName && capitalised) { continue }
            nextCount = 0
            k32 = Int32(k)
            if k + 1 < range.upperBound {
                let n = toks[k + 1]
                nextOpen = !n.flags.contains(.hardBreak) && !n.flags.contains(.softBreak)
                nextCapitalised = n.flags.contains(.capitalised); nextID = n.id
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
        if stamp[n] == k32 {
            let e = next + Int(slot[n])
            if budget > e.pointee.budget || (budget == e.pointee.budget && start < e.pointee.start) {
                e.pointee.budget = budget; e.pointee.start = start
            }
            return
        }
        if nextCount < Automaton.maxActive {
            stamp[n] = k32; slot[n] = Int32(nextCount)
            next[nextCount] = Entry(node: node, start: start, budget: budget)
            nextCount += 1
        }
    }

    /// Reaching `node` after the current token: report what ends there, open what continues.
    /// A match that may not skip a word is opened only in states with a kind of transition the
    /// next token can take (a word edge when some state of the closure has an edge on that word,
    /// a name edge when it is capitalised, any-word edges always): otherwise it would die there
    /// unused, and most arrivals (a name, "the", "she" starting many patterns' first elements,
    /// each joined to its own next element) are of that kind. Such an entry has no effect, not
    /// even through `push`'s choice between entries of one state, since that choice only keeps
    /// the better of two entries of the same state.
    @inline(__always) mutating func arrive(_ node: Int32, _ start: Int32) {
        let open = nextOpen ? t.closureSteps(node, on: nextID, capitalised: nextCapitalised) : 0
        if open == 0 && !t.endsOrSkips(node) { return }
        for ci in t.closure(Int(node)) {
            let c = Int(t.table[ci])
            for oi in t.outputs(c) { matches.append(RawMatch(pattern: t.table[oi], first: start, last: k32)) }
            if t.stepBits(c) & open != 0 { push(Int32(c), start, 0) }
            for gi in t.gaps(c) {
                for xi in t.closure(Int(t.table[gi])) where t.hasSteps(Int(t.table[xi])) {
                    push(t.table[xi], start, t.budget(gi))
                }
            }
        }
    }

    /// Every transition from `node` on the current token.
    @inline(__always) mutating func step(_ node: Int32, _ start: Int32, _ id: Int32) {
        if id >= 0 { for j in t.edges(node, id) { arrive(t.table[j], start) } }
        let n = Int(node)
        if capitalised { for i in t.names(n) { arrive(t.table[i], start) } }
        for i in t.anys(n) { arrive(t.table[i], start) }
    }
}

extension Automaton {
    /// Limit on open partial matches, so pathological text cannot make a scan quadratic.
    static let maxActive = 512

    /// Every match of every pattern in `tokens`, in order of their last token.
    public func scan(_ tokens: [Token]) -> [RawMatch] { scan(tokens, ranges: [0..<tokens.count]) }

    /// Every match inside the given token ranges, in order of their last token. The ranges must be
    /// increasing and disjoint, and each must start at token 0 or at a token with a hard break:
    /// no partial match survives a hard break, so each range then finds exactly what a scan of all
    /// tokens finds there.
    public func scan(_ tokens: [Token], ranges: [Range<Int>]) -> [RawMatch] {
        table.withUnsafeBufferPointer { table in
            wide.withUnsafeBufferPointer { wide in
                tokens.withUnsafeBufferPointer { toks in
                    var s = Scanner(Tables(self, table: table.baseAddress!, wide: wide.baseAddress!), self)
                    defer { s.deallocate() }
                    for r in ranges { s.run(toks, r) }
                    return s.matches
                }
            }
        }
    }
}

