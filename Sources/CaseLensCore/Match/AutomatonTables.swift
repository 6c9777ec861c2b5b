/// A read-only view of an automaton's tables through raw pointers, valid while the automaton
/// lives. Everything the hot loop reads is one pointer plus an offset, so the loop has no
/// closures, no reference counting and no exclusivity checks.
struct Tables {
    let states: UnsafePointer<Automaton.State>
    let lists: UnsafePointer<Int32>
    let wide: UnsafePointer<UInt64>
    let bitmaps: UnsafePointer<UInt64>
    let edgeMask: Int, rootRanges: Int, followBase: Int, followMask: Int

    init(_ a: Automaton) {
        states = a.states.base; lists = a.lists.base; wide = a.wide.base; bitmaps = a.bitmaps.base
        edgeMask = a.edgeMask
        rootRanges = 2 * (a.edgeMask + 1)
        followBase = a.followBase; followMask = a.followMask
    }

    /// True when state `s` may have an edge on word `id` (false: it has none).
    @inline(__always) func hasEdge(_ s: Automaton.State, _ id: Int32) -> Bool {
        s.signature & Automaton.signature(id) != 0 && (s.bitmap < 0 || contains(s.bitmap, id))
    }

    /// True when the word set at `bitmap` in `bitmaps` holds `id`.
    @inline(__always) func contains(_ bitmap: Int32, _ id: Int32) -> Bool {
        bitmaps[Int(bitmap) + Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// What the states in node `n`'s closure can take as a token with this id and capitalisation:
    /// the `Automaton.stepsOn…` bits of the transitions that would fire, and where in `lists` the
    /// closure positions of the states with an edge on `id` are (the token bit is set only when
    /// there are some).
    @inline(__always) func lookahead(_ n: Int32, on id: Int32, capitalised: Bool) -> (open: Int32, hits: Range<Int>) {
        let s = states + Int(n)
        let bits = s.pointee.closureSteps
        let open = bits & (capitalised ? Automaton.stepsOnAny | Automaton.stepsOnName : Automaton.stepsOnAny)
        guard id >= 0, bits & Automaton.stepsOnToken != 0, s.pointee.closureSignature & Automaton.signature(id) != 0,
              s.pointee.closureBitmap < 0 || contains(s.pointee.closureBitmap, id) else { return (open, 0..<0) }
        let key = Automaton.key(n, id)
        var slot = Automaton.slot(key, followMask)
        while true {
            let k = wide[followBase + slot]
            if k == key {
                let r = wide[followBase + followMask + 1 + slot]
                let off = Int(r >> 32)
                return (open | Automaton.stepsOnToken, off..<(off + Int(r & 0xFFFF_FFFF)))
            }
            if k == UInt64.max { return (open, 0..<0) }
            slot = (slot + 1) & followMask
        }
    }

    /// Token transitions from `node` on word `id`: an index range in `lists`.
    @inline(__always) func edges(_ node: Int32, _ id: Int32) -> Range<Int> {
        let r: UInt64
        if node == 0 { r = wide[rootRanges + Int(id)] } else {
            if !hasEdge(states[Int(node)], id) { return 0..<0 }
            let key = Automaton.key(node, id)
            var slot = Automaton.slot(key, edgeMask)
            while true {
                let k = wide[slot]
                if k == key { r = wide[edgeMask + 1 + slot]; break }
                if k == UInt64.max { return 0..<0 }
                slot = (slot + 1) & edgeMask
            }
        }
        let off = Int(r >> 32)
        return off..<(off + Int(r & 0xFFFF_FFFF))
    }
}
