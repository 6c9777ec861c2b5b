/// Plans of a record: plan headings and action lines ("Mum to …", "Mr Khan will …", "Action: …"),
/// each action with its actor's role, for `victim-tasked.plan-imbalance`.
extension RecordReader {
    /// Where the list-item marker at the start of a line ends: a bullet ("-", "*", "•"), a number
    /// ("1.", "2)"), a letter ("a)", "b.", "(c)") or a small roman numeral ("iv)"), followed by a
    /// space. nil for anything else: a time ("00:35") or a date is not an item.
    static func itemMarkerEnd(_ b: [UInt8], from p: Int, to end: Int) -> Int? {
        guard p < end else { return nil }
        if b[p] == 0x2D || b[p] == 0x2A { return p + 1 }
        if b[p] == 0xE2, p + 2 < end, b[p + 1] == 0x80, b[p + 2] == 0xA2 || b[p + 2] == 0x93 || b[p + 2] == 0x94 { return p + 3 }
        var q = p
        let bracketed = b[q] == 0x28                                     // "(a)"
        if bracketed { q += 1 }
        let start = q
        while q < end && b[q] >= 0x30 && b[q] <= 0x39 { q += 1 }
        let digits = q > start
        if !digits {
            while q < end && q - start < 4 && (b[q] | 0x20) >= 0x61 && (b[q] | 0x20) <= 0x7A { q += 1 }
            let letters = b[start..<q]
            let roman = !letters.isEmpty && letters.allSatisfy { $0 | 0x20 == 0x69 || $0 | 0x20 == 0x76 || $0 | 0x20 == 0x78 }   // i v x
            guard letters.count == 1 || roman else { return nil }
        }
        guard q > start, q < end else { return nil }
        let close = b[q]
        guard close == 0x29 || (!bracketed && close == 0x2E && (digits || b[start] >= 0x61)) else { return nil }
        q += 1
        return q == end || b[q] == 0x20 || b[q] == 0x09 || b[q] == 0x0A || b[q] == 0x0D ? q : nil
    }

    /// Whether these words can be the actors of a plan action: names, family words, titles and
    /// the words that join them ("Mum", "Mr Kelly", "Ruby's dad", "Natalie and Craig"). Not
    /// "Mum was pushed" (to the floor), "What" (needs to happen) or "Reminded M she" (needs to).
    private func isActorRun(_ run: Range<Int>) -> Bool {
        run.allSatisfy { j in
            let kind = kind(j), t = tokens[j]
            if !kind.isDisjoint(with: [.actorJoiner, .kin, .title]) { return true }
            if kind.contains(.subjectPronoun), run.count == 1 { return true }   // "I will …" in a written agreement
            if kind.contains(.kinDeterminer), j + 1 < run.upperBound, token(j + 1, is: .kin) { return true }
            return t.flags.contains(.capitalised) && !t.flags.contains(.number) && !kind.contains(.notName)
        }
    }

    /// Action lines: in a plan section, or any bullet / numbered / "Action:" line, whose first
    /// words are an actor followed by an action verb ("Mum to …", "Mr Khan will …").
    func readPlan(into model: inout RecordModel) {
        guard let actionCues = cues[.actionVerb], !actionCues.isEmpty else { return }
        // Where the action word that starts at each token ends (-1: none starts there).
        var actionEnd = [Int32](repeating: -1, count: tokens.count)
        for m in actionCues { actionEnd[Int(m.first)] = max(actionEnd[Int(m.first)], m.last) }
        // The lines an action word starts on: no other line can hold an action.
        var actionLines = [Bool](repeating: false, count: document.lineStarts.count + 1)
        for m in actionCues { actionLines[document.line(of: Int(tokens[Int(m.first)].start))] = true }
        var startsAgency = [Bool](repeating: false, count: tokens.count)
        for m in cues[.agency] ?? [] { startsAgency[Int(m.first)] = true }
        // Heading lines, and where the text after a heading's colon starts ("Discharge plan:
        // Agnieszka to stay …"), if any follows on its line.
        // By line (an array: every line is looked up); nil: not a heading; .some(nil): a heading
        // with nothing after it on its line.
        var headingLines = [Int??](repeating: nil, count: document.lineStarts.count + 1)
        let b = document.bytes
        for m in cues[.planHeading] ?? [] where isLineStart(Int(m.first)) {
            var p = Int(tokens[Int(m.last)].end)
            while p < b.count && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
            var inline: Int? = nil
            if p < b.count && b[p] == 0x3A {
                p += 1
                while p < b.count && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
                if p < b.count && b[p] != 0x0A && b[p] != 0x0D { inline = p }
            }
            headingLines[document.line(of: Int(tokens[Int(m.first)].start))] = inline
        }
        var inPlan = false
        for (index, start) in document.lineStarts.enumerated() {
            let line = index + 1
            let end = index + 1 < document.lineStarts.count ? document.lineStarts[index + 1] : b.count
            var from = start
            if case .some(let inline) = headingLines[line] {
                inPlan = true
                guard let inline else { continue }
                from = inline
            }
            var p = from
            while p < end && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
            let marker = Self.itemMarkerEnd(b, from: p, to: end)
            if inPlan && marker == nil && from == start && looksLikeHeading(p..<end) { inPlan = false }
            guard actionLines[line] else { continue }
            // In a plan, each sentence of a line may set an action ("Mum to stay with her sister.
            // Ward staff to call the police if he comes to the ward."); elsewhere only a list item
            // or an "Action:" line does, by its first words.
            let segments = inPlan ? Self.sentenceStarts(b, from: marker ?? p, to: end) : [marker ?? p]
            for (i, segment) in segments.enumerated() {
                let segmentEnd = i + 1 < segments.count ? segments[i + 1] : end
                readAction(in: segment..<segmentEnd, line: line, afterMarker: marker != nil, lineStart: i == 0,
                           inPlan: inPlan, actionEnd: actionEnd, startsAgency: startsAgency, into: &model)
            }
        }
    }

    /// Where the sentences of `b[from..<to]` start: at `from`, and after each full stop, semicolon,
    /// question or exclamation mark that follows a word and is followed by a space and a capital
    /// letter ("1. Kai to …" is one sentence).
    static func sentenceStarts(_ bytes: [UInt8], from: Int, to: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { b in
            var starts = [from]
            var i = from, words = false
            while i + 2 < to {
                let c = b[i]
                if c | 0x20 >= 0x61 && c | 0x20 <= 0x7A { words = true }
                else if words && (c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F) && b[i + 1] == 0x20 {
                    var j = i + 1
                    while j < to && b[j] == 0x20 { j += 1 }
                    if j < to && b[j] >= 0x41 && b[j] <= 0x5A { starts.append(j); i = j; words = false; continue }
                }
                i += 1
            }
            return starts
        }
    }

    /// One possible action at `range` (a line, or a sentence of a plan's line): an actor of up
    /// to six words, then an action word. `lineStart`: the range starts the line, so an "Action:"
    /// label may lead it.
    private func readAction(in range: Range<Int>, line: Int, afterMarker: Bool, lineStart: Bool, inPlan: Bool,
                            actionEnd: [Int32], startsAgency: [Bool], into model: inout RecordModel) {
        let end = range.upperBound
        guard let k = tokens.firstIndex(startingAtOrAfter: range.lowerBound), Int(tokens[k].start) < end else { return }
        var first = k
        let len = Int(tokens[first].end - tokens[first].start)
        var labelled = false
        if lineStart, len == 6 || len == 7, token(first, is: .actionLabel), first + 1 < tokens.count,
           tokens[first + 1].flags.contains(.softBreak) { first += 1; labelled = true }
        // "Advised Mum to ring 999 …" at the start of a line: Mum is set the action.
        var advised = false
        if lineStart, token(first, is: .adviceVerb), first + 1 < tokens.count, !tokens[first + 1].flags.contains(.softBreak) {
            first += 1; advised = true
        }
        // The actor: up to six words before an action verb.
        var verbAt = -1
        for j in first..<min(first + 7, tokens.count) where Int(tokens[j].start) < end {
            if j > first, actionEnd[j] >= 0 { verbAt = j; break }
            if j > first && (tokens[j].flags.contains(.softBreak) || tokens[j].flags.contains(.hardBreak)) { break }
        }
        // Outside a plan, a list item or an "Action:" line, a line that opens with an actor and
        // "to" sets an action too: "Mum to contact police should Dad return" in a duty log.
        let opensWithTo = lineStart && verbAt > first && actionEnd[verbAt] == Int32(verbAt) && lower(verbAt) == "to"
            && (advised || standsAlone(line: line))
        guard inPlan || afterMarker || labelled || opensWithTo else { return }
        guard verbAt > first, startsAgency[first] || isActorRun(first..<verbAt) else { return }
        // "Mr Reid to be referred …": done to the actor, not by them.
        if isDoneTo(after: Int(actionEnd[verbAt])) { return }
        let actorText = document.text(Int(tokens[first].start), Int(tokens[verbAt - 1].end))
        if startsAgency[first] {
            model.actions.append(PlanAction(line: line, sentence: range.lowerBound, actor: actorText, role: .professional, isAgency: true))
            return
        }
        // Family actors, possibly several ("Mum and Dad").
        var j = first
        while j < verbAt {
            let kind = kind(j)
            if kind.contains(.actorJoiner) { j += 1; continue }
            var run = kind.contains(.kin) ? j..<(j + 1) : nameRun(from: j)
            // An owner is not an actor: "Ruby's dad", "his partner".
            if run.upperBound < verbAt, isPossessive(run.upperBound) { j = run.upperBound + 1; continue }
            if run.isEmpty, kind.contains(.kinDeterminer), j + 1 < verbAt, token(j + 1, is: .kin) { j += 1; continue }
            var who: Int? = nil
            if kind.contains(.kin) { who = model.people.person(kin: text(j)) }
            else if !run.isEmpty { who = person(named: run, in: &model) }
            var role = who.map { model.people.all[$0].role } ?? .unknown
            if who == nil, kind.contains(.subjectPronoun) {
                role = model.people.referent(ofPronoun: text(j))?.role ?? .unknown
                run = j..<(j + 1)
            }
            model.actions.append(PlanAction(line: line, sentence: range.lowerBound, actor: run.isEmpty ? actorText : texts(run).joined(separator: " "), role: role, isAgency: false))
            j = run.isEmpty ? j + 1 : run.upperBound
        }
    }

    /// Whether the words after a plan's action word (ending at token `k`) are "be" and a service
    /// arranged for the actor: "to be referred", "to be offered", "to be signposted to veterans'
    /// services". A `participle_before_verb` followed by "to" and a verb still sets the actor a
    /// task: "Mum to be supported to apply for a non-molestation order".
    private func isDoneTo(after k: Int) -> Bool {
        guard k + 2 < tokens.count, token(k + 1, is: .planPassiveAux), token(k + 2, is: .serviceParticiple) else { return false }
        let p = k + 2
        if token(p, is: .participleBeforeVerb), p + 2 < tokens.count, text(p + 1).lowercased() == "to",
           !tokens[p + 2].flags.contains(.capitalised), !token(p + 2, is: .nounMarker) { return false }
        return true
    }

    /// Whether a line is an entry of its own, not part of a wrapped paragraph: it is not indented,
    /// and the line before it is blank or ends a sentence.
    private func standsAlone(line: Int) -> Bool {
        let b = document.bytes, start = document.lineStarts[line - 1]
        guard start < b.count, b[start] != 0x20, b[start] != 0x09 else { return false }
        guard line > 1 else { return true }
        var p = start - 1
        while p > document.lineStarts[line - 2] && (b[p - 1] == 0x20 || b[p - 1] == 0x0D || b[p - 1] == 0x09) { p -= 1 }
        if p == document.lineStarts[line - 2] { return true }
        let last = b[p - 1]
        return last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A
    }

    func isLineStart(_ k: Int) -> Bool {
        var p = Int(tokens[k].start) - 1
        let b = document.bytes
        while p >= 0 && b[p] != 0x0A {
            let c = b[p]
            if !(c == 0x20 || c == 0x09 || c == 0x23 || c == 0x2A || c == 0x2D || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x0D) { return false }
            p -= 1
        }
        return true
    }

    /// Whether the line at `range` of the document looks like a heading: as `looksLikeHeading(_:)`,
    /// read on the bytes when the line is ASCII.
    private func looksLikeHeading(_ range: Range<Int>) -> Bool {
        let b = document.bytes
        var lo = range.lowerBound, hi = range.upperBound
        // An ASCII byte other than white space, followed by ASCII, ends a Character that trimming
        // keeps: 45 of them make the line too long.
        // Neither ending with a colon nor in capitals: a lower-case ASCII letter after ASCII is a
        // letter Character of its own that is not upper case.
        var last = hi
        while last > lo && (b[last - 1] == 0x20 || b[last - 1] == 0x09 || b[last - 1] == 0x0D || b[last - 1] == 0x0A) { last -= 1 }
        if last > lo && b[last - 1] != 0x3A,
           (lo..<last).contains(where: { p in b[p] >= 0x61 && b[p] <= 0x7A && (p == lo || b[p - 1] < 0x80) }) { return false }
        var sure = 0
        for p in lo..<hi where b[p] < 0x80 && b[p] != 0x20 && b[p] != 0x09 && b[p] != 0x0D && b[p] != 0x0A && (p + 1 == hi || b[p + 1] < 0x80) {
            sure += 1
            if sure >= 45 { return false }
        }
        guard !b[lo..<hi].contains(where: { $0 >= 0x80 }) else { return Self.looksLikeHeading(document.text(lo, hi)) }
        // ASCII: one byte a character, except CR LF, which is one character and not trimmed.
        func isTrimmed(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
        while lo < hi, isTrimmed(b[lo]), !(b[lo] == 0x0D && lo + 1 < hi && b[lo + 1] == 0x0A) { lo += 1 }
        while hi > lo, isTrimmed(b[hi - 1]), !(b[hi - 1] == 0x0A && hi - 2 >= lo && b[hi - 2] == 0x0D) { hi -= 1 }
        var characters = hi - lo
        for p in lo..<hi where b[p] == 0x0D && p + 1 < hi && b[p + 1] == 0x0A { characters -= 1 }
        guard characters > 0, characters < 45 else { return false }
        if b[hi - 1] == 0x3A { return true }
        var letters = 0
        for p in lo..<hi {
            let c = b[p]
            if c >= 0x61 && c <= 0x7A { return false }
            if c >= 0x41 && c <= 0x5A { letters += 1 }
        }
        return letters >= 4
    }

    /// A short line ending with a colon, or in capitals: a section heading.
    static func looksLikeHeading(_ line: String) -> Bool {
        let t = line.trimming { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard !t.isEmpty, t.count < 45 else { return false }
        if t.hasSuffix(":") { return true }
        let letters = t.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
    }
}
