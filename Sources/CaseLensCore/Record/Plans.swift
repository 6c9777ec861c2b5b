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
        // "- Take Alfie to his dentist appointment": an item that opens with an action word.
        if let f = run.first, token(f, is: .imperativeVerb), !token(f, is: .kin) { return false }
        return run.allSatisfy { j in
            let kind = kind(j), t = tokens[j]
            if !kind.isDisjoint(with: [.actorJoiner, .kin, .title]) { return true }
            if kind.contains(.subjectPronoun), run.count == 1 { return true }   // "I will …" in a written agreement
            if run.count == 1, actorShorthand[lower(j)] != nil { return true }   // "M to contact HV …"
            if kind.contains(.kinDeterminer), j + 1 < run.upperBound, token(j + 1, is: .kin) { return true }
            return t.flags.contains(.capitalised) && !t.flags.contains(.number) && !kind.contains(.notName)
        }
    }

    /// Whom the items under a heading (or in a letter) are set when they name no one of their own.
    struct TaskActor {
        var actor: String
        var role: PersonRole
        var isAgency: Bool
        var forVictim: Bool
    }

    /// Action lines: in a plan section, or any bullet / numbered / "Action:" line, whose first
    /// words are an actor followed by an action verb ("Mum to …", "Mr Khan will …"). A list item
    /// that names no actor and opens with an action ("1. End your relationship with Mr Pell",
    /// "- not to let Craig into the house") is an action of whoever its heading names ("What we
    /// need you to do", "Safety plan agreed with Sophie:", "Mr Pell will:") or, in a letter, of
    /// the person the letter is to. Each action's words, from its verb to the end of its sentence
    /// or the next actor, are a `TaskSpan`: a second action joined by "and" is the same actor's.
    func readPlan(into model: inout RecordModel) {
        // A note with no plan heading, no list item and no letter has no actions: most notes.
        let actionCues = cues[.actionVerb] ?? []
        guard !actionCues.isEmpty || cues[.planHeading] != nil || model.addressee != nil
                || document.lineStarts.contains(where: { isItemStart($0) }) else { return }
        // Where the action word that starts at each token ends (-1: none starts there).
        var actionEnd = [Int32](repeating: -1, count: tokens.count)
        for m in actionCues { actionEnd[Int(m.first)] = max(actionEnd[Int(m.first)], m.last) }
        // The lines an action word starts on: no other line can hold an action of a named actor.
        var actionLines = [Bool](repeating: false, count: document.lineStarts.count + 1)
        for m in actionCues { actionLines[document.line(of: Int(tokens[Int(m.first)].start))] = true }
        var startsAgency = [Bool](repeating: false, count: tokens.count)
        var agencyEnd: [Int: Int] = [:]
        for m in cues[.agency] ?? [] {
            startsAgency[Int(m.first)] = true
            agencyEnd[Int(m.first)] = max(agencyEnd[Int(m.first)] ?? 0, Int(m.last))
        }
        let plan = PlanContext(actionEnd: actionEnd, startsAgency: startsAgency, agencyEnd: agencyEnd,
                               labels: LabelledPeople(model.people))
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
        // The letter's own text starts at its greeting: items after it with no actor are the
        // addressee's.
        let letterFrom = model.addressee.map { Int(tokens[$0.token].start) } ?? Int.max
        var inPlan = false
        // Items under the last heading, and whom it names (nil: no one).
        var inBlock = false
        var blockActor: TaskActor? = nil
        let lineCount = document.lineStarts.count
        for (index, start) in document.lineStarts.enumerated() {
            let line = index + 1
            let end = index + 1 < lineCount ? document.lineStarts[index + 1] : b.count
            var from = start
            var isHeading = false
            if case .some(let inline) = headingLines[line] {
                inPlan = true
                isHeading = true
                inBlock = true
                blockActor = headingActor(in: start..<(inline ?? end), plan: plan, letterFrom: letterFrom, into: &model)
                guard let inline else { continue }
                from = inline
            }
            var p = from
            while p < end && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
            let blank = p >= end || b[p] == 0x0A || b[p] == 0x0D
            let marker = Self.itemMarkerEnd(b, from: p, to: end)
            if inPlan && marker == nil && from == start && looksLikeHeading(p..<end) { inPlan = false }
            // A short line with items under it ("What we need you to do", "Mr Pell will:"): the
            // items that name no one are whoever it names.
            if !isHeading, !blank, marker == nil, isItemHeading(line: index, from: p, to: end) {
                inBlock = true
                blockActor = headingActor(in: p..<end, plan: plan, letterFrom: letterFrom, into: &model)
                continue
            }
            if blank { continue }
            let indented = p > start && from == start
            // An indented line under an item goes on with it: "3. Make sure Mr Pell has no contact
            // with the children unless it has been agreed by\n   children's services."
            if indented, marker == nil, let last = model.tasks.indices.last, model.tasks[last].range.upperBound == start {
                model.tasks[last].range = model.tasks[last].range.lowerBound..<end
            }
            let inLetter = p >= letterFrom
            let actorForItems = inBlock ? (blockActor ?? (inLetter ? addresseeActor(model) : nil)) : (inLetter ? addresseeActor(model) : nil)
            // Any line that is not an item, a heading or part of an item ends the items.
            let bare = actorForItems != nil && (marker != nil || inBlock)
            var explicit: [Int] = []
            if actionLines[line] {
                // In a plan, each sentence of a line may set an action ("Mum to stay with her sister.
                // Ward staff to call the police if he comes to the ward."); elsewhere only a list item
                // or an "Action:" line does, by its first words.
                let segments = inPlan ? Self.sentenceStarts(b, from: marker ?? p, to: end) : [marker ?? p]
                for (i, segment) in segments.enumerated() {
                    let segmentEnd = i + 1 < segments.count ? segments[i + 1] : end
                    if readAction(in: segment..<segmentEnd, line: line, afterMarker: marker != nil, lineStart: i == 0,
                                  inPlan: inPlan, plan: plan, into: &model) { explicit.append(segment) }
                }
            }
            if bare, let actor = actorForItems {
                let segments = Self.sentenceStarts(b, from: marker ?? p, to: end)
                for (i, segment) in segments.enumerated() where !explicit.contains(segment) {
                    // A line that is not an item goes on the items only if it opens with an action.
                    if marker == nil && i == 0 && !indented && !inBlock { break }
                    let segmentEnd = i + 1 < segments.count ? segments[i + 1] : end
                    guard let k = bareActionStart(in: segment..<segmentEnd, plan: plan) else { continue }
                    // Hers as the victim's only in a record that speaks of abuse: "Please remember:
                    // - Take Alfie to the dentist" in a health visitor's letter is no such plan.
                    model.actions.append(PlanAction(line: line, sentence: segment, actor: actor.actor,
                                                    role: actor.forVictim && model.recordsAbuse ? .victim : actor.role, isAgency: actor.isAgency,
                                                    forVictim: actor.forVictim))
                    let taskEnd = nextActorStart(after: k, before: segmentEnd, plan: plan) ?? segmentEnd
                    model.tasks.append(TaskSpan(range: Int(tokens[k].start)..<taskEnd, forVictim: actor.forVictim, fromHeading: true))
                }
            }
            // A line that is neither an item, nor part of one, nor a heading ends the items.
            if inBlock, marker == nil, !indented, explicit.isEmpty,
               bareActionStart(in: p..<end, plan: plan) == nil || blockActor == nil {
                if !(inPlan && actionLines[line]) { inBlock = false; blockActor = nil }
            }
        }
        model.tasks.sort { $0.range.lowerBound < $1.range.lowerBound }
        readProseTasks(plan: plan, into: &model)
    }

    /// Tasks set in running text, outside plans: "Mother advised to keep the door locked and
    /// call 999 if he returns", "Advised him to call police if it happens again", "she needs to
    /// stop replying to him", "I advised Gareth that he needs to think about Ellis …, and to call
    /// 101", "Plan: … Natalie to let staff know if she does not feel safe". The task's words run
    /// from the action word to the end of the sentence or the next actor; they are the victim's
    /// when the subject (or the one advised) is, as `isVictimActor` reads them. No plan action is
    /// added: running text is not a plan.
    private func readProseTasks(plan: PlanContext, into model: inout RecordModel) {
        var found: [TaskSpan] = []
        var lastEnd = -1
        let will = willID
        for v in tokens.indices where plan.actionEnd[v] >= 0 {
            let start = Int(tokens[v].start)
            if v == 0 || start < lastEnd || !tokens[v].flags.isDisjoint(with: [.quoted, .hardBreak, .softBreak]) { continue }
            // "… and that she will tell police he hits her": in running text "will" tells of
            // what someone means to do, not a task set them.
            if tokens[v].id == will { continue }
            // Most action words ("going to", "able to") follow no one who can be set a task.
            let k = kind(v - 1)
            guard !k.isDisjoint(with: [.adviceVerb, .kin, .subjectPronoun, .verbFollower])
                    || (tokens[v - 1].flags.contains(.capitalised) && !tokens[v - 1].flags.contains(.number))
                    || words.labelRole(of: document.bytes, Int(tokens[v - 1].start)..<Int(tokens[v - 1].end)) == .victim else { continue }
            if model.task(at: start) != nil { continue }
            // "Mr Reid to be referred …": done to the actor.
            if isDoneTo(after: Int(plan.actionEnd[v])) { continue }
            guard proseSubjectIsVictim(before: v, plan: plan, model) == true else { continue }
            // The sentence's end: the next word after a sentence end or a paragraph break.
            var e = Int(plan.actionEnd[v]) + 1
            while e < tokens.count, !tokens[e].flags.contains(.hardBreak) { e += 1 }
            let sentenceEnd = e < tokens.count ? Int(tokens[e].start) : document.bytes.count
            let end = nextActorStart(after: Int(plan.actionEnd[v]), before: sentenceEnd, plan: plan) ?? sentenceEnd
            found.append(TaskSpan(range: start..<end, forVictim: true, fromHeading: false))
            lastEnd = end
        }
        guard !found.isEmpty else { return }
        model.tasks += found
        model.tasks.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// For an action word at token `v` in running text, whether its subject is the adult victim
    /// (nil: it has none the reader can read). The subject is the one advised ("Mother (was)
    /// advised to", "Advised him to", "told Ms Kent to") or the person just before the action word
    /// at the start of a clause ("she needs to", "Natalie to", "… that he needs to").
    private func proseSubjectIsVictim(before v: Int, plan: PlanContext, _ model: RecordModel) -> Bool? {
        var j = v - 1
        // "Advised to leave the house and call 999 …" opening a sentence or a list item: advice
        // with no one named, hers in a record that speaks of abuse.
        if token(j, is: .adviceVerb), j == 0 || !tokens[j].flags.isDisjoint(with: [.hardBreak, .softBreak]) || isLineStart(j) {
            return subjectlessAdviceIsToVictim(after: v, model)
        }
        if token(j, is: .adviceVerb) {
            // "Mum (was / has been) advised to": the subject before the verb.
            guard j > 0 else { return nil }
            j -= 1
            while j > 0, !kind(j).isDisjoint(with: [.passiveAux, .perfectAux, .betweenSubjectAndVerb]) { j -= 1 }
        }
        // Nothing but words between the subject and the action word.
        guard j >= 0, !((j + 1)...v).contains(where: { !tokens[$0].flags.isDisjoint(with: [.hardBreak, .softBreak]) }) else { return nil }
        let kind = kind(j)
        var first = j
        var who: Int? = nil
        var woman: Bool? = nil
        if kind.contains(.kin) {
            if kind.contains(.relativeKin) { return false }
            if let p = model.people.referent(of: [text(j)]) { who = model.people.all.firstIndex(of: p) }
            else {
                let kin = words.person.canonicalKin(lower(j))
                woman = words.person.female.contains(kin) ? true : words.person.male.contains(kin) ? false : nil
                if woman == nil { return nil }
            }
        } else if !kind.isDisjoint(with: [.subjectPronoun, .verbFollower]) {
            switch lower(j) {
            case "she", "her": woman = true
            case "he", "him": woman = false
            case "i":
                guard let d = model.declaration, j > d.token else { return nil }
                woman = d.woman ?? true
            case "you":
                guard let a = model.addresseeIndex, let t = model.addressee?.token, j > t else { return nil }
                who = a
            default: return nil
            }
        } else if tokens[j].flags.contains(.capitalised), !tokens[j].flags.contains(.number), !kind.contains(.notName) {
            let run = nameRun(endingAt: j)
            guard !run.isEmpty, let p = model.people.referent(of: texts(run)), let i = model.people.all.firstIndex(of: p) else { return nil }
            first = run.lowerBound
            who = i
        } else if words.labelRole(of: document.bytes, Int(tokens[j].start)..<Int(tokens[j].end)) == .victim {
            // "IP advised to …", "Victim to …": a form's label for the victim.
        } else {
            return nil
        }
        // Where the subject stands: "Advised him to", "told Ms Kent to" (an advice verb just
        // before it), or the start of a clause ("… that she needs to", "23:55 Mother advised to").
        let before = first - 1
        func opensClause(_ k: Int) -> Bool {
            k == 0 || !tokens[k].flags.isDisjoint(with: [.hardBreak, .softBreak]) || tokens[k - 1].flags.contains(.number)
                || ["that", "and", "then", "but", "so"].contains(lower(k - 1)) || followsAdvisedPerson(k)
        }
        // "I told Kerry she needs to …", "Advised Ms Kent she must …": the clause after the one
        // advised (a name, a family word or "her", up to three words), "that" left out.
        func followsAdvisedPerson(_ k: Int) -> Bool {
            var a = k - 1
            while a > 0, k - a <= 3, !tokens[a].flags.contains(.hardBreak),
                  tokens[a].flags.contains(.capitalised) || token(a, is: .kin) || token(a, is: .title) || lower(a) == "her" || lower(a) == "him" {
                if token(a - 1, is: .adviceVerb) { return !tokens[a].flags.contains(.softBreak) }
                a -= 1
            }
            return false
        }
        // Advised by the writer or a professional ("Advised her to", "I told him to", "SW asked
        // her to"), not by anyone else ("Isla ran to a neighbour and asked her to call …").
        if before >= 0, token(before, is: .adviceVerb) {
            let adviser = before - 1
            let opensSentence = before == 0 || !tokens[before].flags.isDisjoint(with: [.hardBreak, .softBreak]) || tokens[adviser].flags.contains(.number)
            guard opensSentence || ["i", "we"].contains(lower(adviser)) || plan.agencyEnds.contains(adviser) else { return nil }
        } else {
            guard opensClause(first) else { return nil }
        }
        if who == nil && woman == nil { return true }   // the form's label for the victim
        if let woman {
            let victimIsWoman = model.victim.flatMap { model.people.isFemale($0) } ?? !model.womanHarmsMan
            return woman == victimIsWoman
        }
        return isVictimActor(who, role: who.map { model.people.all[$0].role } ?? .unknown, model)
    }

    /// Whether advice that names no one ("Advised to end the relationship", "- Advised to leave
    /// the house and call 999 if she feels at risk") is to the adult victim: only in a record that
    /// speaks of abuse, and not where its sentence shows it to be someone else's ("… to keep
    /// himself away from Ms Kent", or her name as the one it is about).
    private func subjectlessAdviceIsToVictim(after v: Int, _ model: RecordModel) -> Bool? {
        guard model.recordsAbuse else { return nil }
        let victimIsWoman = model.victim.flatMap { model.people.isFemale($0) } ?? !model.womanHarmsMan
        let victimNames = Set([model.victim?.forename, model.victim?.surname].compactMap { $0?.lowercased() })
        var k = v + 1
        while k < tokens.count, !tokens[k].flags.contains(.hardBreak) {
            switch lower(k) {
            case "himself": return !victimIsWoman
            case "herself": return victimIsWoman
            default: if tokens[k].flags.contains(.capitalised), victimNames.contains(lower(k)) { return false }
            }
            k += 1
        }
        return true
    }

    /// Whether the line starting at byte `start` opens with a list-item marker.
    private func isItemStart(_ start: Int) -> Bool {
        let b = document.bytes
        var p = start
        while p < b.count && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
        let end = b[p...].firstIndex(of: 0x0A) ?? b.count
        return Self.itemMarkerEnd(b, from: p, to: end) != nil
    }

    /// What `readPlan` looks up about the record's cues, once.
    struct PlanContext {
        /// Where the action word that starts at each token ends (-1: none starts there).
        var actionEnd: [Int32]
        var startsAgency: [Bool]
        /// The last token of the longest agency word starting at a token.
        var agencyEnd: [Int: Int]
        var labels: LabelledPeople
        /// The last token of every agency word.
        var agencyEnds: Set<Int> { Set(agencyEnd.values) }
    }

    /// Whether line `index` (0-based), from byte `from`, is a short heading-like line with a list
    /// item under it (blank lines may stand between): "What we need you to do", "Mr Pell will:".
    /// Not a line that ends a sentence or a clause.
    private func isItemHeading(line index: Int, from: Int, to end: Int) -> Bool {
        let b = document.bytes
        var last = end
        while last > from && (b[last - 1] == 0x20 || b[last - 1] == 0x09 || b[last - 1] == 0x0D || b[last - 1] == 0x0A) { last -= 1 }
        guard last > from, last - from <= 70 else { return false }
        let c = b[last - 1]
        guard c == 0x3A || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x29 else { return false }
        // The next line that is not blank is a list item.
        var next = index + 1
        while next < document.lineStarts.count {
            let s = document.lineStarts[next]
            let e = next + 1 < document.lineStarts.count ? document.lineStarts[next + 1] : b.count
            var q = s
            while q < e && (b[q] == 0x20 || b[q] == 0x09) { q += 1 }
            if q >= e || b[q] == 0x0A || b[q] == 0x0D { next += 1; continue }
            return Self.itemMarkerEnd(b, from: q, to: e) != nil
        }
        return false
    }

    /// The addressee of the letter as the actor of its items.
    private func addresseeActor(_ model: RecordModel) -> TaskActor? {
        guard let i = model.addresseeIndex else { return nil }
        let p = model.people.all[i]
        return TaskActor(actor: p.display, role: p.role, isAgency: false, forVictim: isVictimActor(i, role: p.role, model))
    }

    /// Whom a heading names as the one to act ("What we need you to do" → the letter's addressee;
    /// "Mr Pell will:" → him; "What we will do" → the service; "Safety plan agreed with Sophie:",
    /// "Actions for Mum:", "Sophie's safety plan:" → her), or nil when it names no one. A person
    /// followed by an action word ("you to", "Mr Pell will") wins over one after "with" or "for"
    /// or an owner.
    private func headingActor(in range: Range<Int>, plan: PlanContext, letterFrom: Int, into model: inout RecordModel) -> TaskActor? {
        guard var k = tokens.firstIndex(startingAtOrAfter: range.lowerBound), Int(tokens[k].start) < range.upperBound else { return nil }
        // The heading's last sentence: "Discussed safety with Ms Ryan. Ms Ryan agreed:".
        for s in Self.sentenceStarts(document.bytes, from: range.lowerBound, to: range.upperBound).dropFirst() {
            if let j = tokens.firstIndex(startingAtOrAfter: s), Int(tokens[j].start) < range.upperBound { k = j }
        }
        let first = k
        var fallback: TaskActor? = nil
        while k < tokens.count, Int(tokens[k].start) < range.upperBound {
            var actor: TaskActor? = nil
            var after = k + 1
            let word = lower(k)
            let kind = kind(k)
            if plan.startsAgency[k] {
                after = (plan.agencyEnd[k] ?? k) + 1
                actor = TaskActor(actor: document.text(Int(tokens[k].start), Int(tokens[after - 1].end)), role: .professional, isAgency: true, forVictim: false)
            } else if word == "we" || word == "us" || word == "our" {
                actor = TaskActor(actor: text(k), role: .professional, isAgency: true, forVictim: false)
            } else if word == "you" || word == "your" {
                if Int(tokens[k].start) >= letterFrom { actor = addresseeActor(model) }
            } else if kind.contains(.kin) {
                let i = model.people.person(kin: text(k))
                actor = TaskActor(actor: text(k), role: model.people.all[i].role, isAgency: false,
                                  forVictim: isVictimActor(i, role: model.people.all[i].role, model))
            } else if let i = person(labelled: k, in: plan.labels) {
                actor = TaskActor(actor: text(k), role: model.people.all[i].role, isAgency: false,
                                  forVictim: isVictimActor(i, role: model.people.all[i].role, model))
            } else if let (i, role) = shorthandActor(k, &model) {
                actor = TaskActor(actor: text(k), role: role, isAgency: false,
                                  forVictim: role == .victim || isVictimActor(i, role: role, model))
            } else if tokens[k].flags.contains(.capitalised), !tokens[k].flags.contains(.number), !kind.contains(.notName) {
                let run = nameRun(from: k)
                if !run.isEmpty {
                    after = run.upperBound
                    if let p = model.people.referent(of: texts(run)), let i = model.people.all.firstIndex(of: p) {
                        actor = TaskActor(actor: texts(run).joined(separator: " "), role: p.role, isAgency: false,
                                          forVictim: isVictimActor(i, role: p.role, model))
                    } else {
                        actor = TaskActor(actor: texts(run).joined(separator: " "), role: .unknown, isAgency: false, forVictim: false)
                    }
                }
            }
            guard let found = actor else { k += 1; continue }
            let owner = after < tokens.count && Int(tokens[after].start) < range.upperBound && isPossessive(after)
            if owner { after += 1 }
            let inHeading = after < tokens.count && Int(tokens[after].start) < range.upperBound
            if inHeading, !owner, plan.actionEnd[after] >= 0 || token(after, is: .headingVerb) { return found }
            // "agreed with Sophie", "for the mother": a preposition (and a determiner) before it.
            var before = k - 1
            if before >= first, token(before, is: .kinDeterminer), !token(before, is: .headingPreposition) { before -= 1 }
            let afterPreposition = before >= first && token(before, is: .headingPreposition)
            if fallback == nil, owner || afterPreposition { fallback = found }
            k = max(after, k + 1)
        }
        return fallback
    }

    /// A note-taker's shorthand for someone of the family (`actor_shorthand`: "M agreed:", "V to
    /// call 999"), or a form's label for a role with no one under it ("IP to …", "Victim's
    /// steps:"): the person it stands for, where the record has them, and their role. A single
    /// letter counts only standing alone, not as an initial ("M Khan").
    func shorthandActor(_ k: Int, _ model: inout RecordModel) -> (Int?, PersonRole)? {
        let t = tokens[k]
        guard !t.flags.contains(.quoted) else { return nil }
        let word = lower(k)
        func index(_ p: Person?) -> Int? { p.flatMap { model.people.all.firstIndex(of: $0) } }
        if let meaning = actorShorthand[word] {
            if t.end - t.start == 1, k + 1 < tokens.count, !tokens[k + 1].flags.contains(.softBreak),
               !tokens[k + 1].flags.contains(.hardBreak), tokens[k + 1].flags.contains(.capitalised), !isPossessive(k + 1) { return nil }
            switch meaning {
            case "victim": return (index(model.victim), .victim)
            case "perpetrator": return (index(model.perpetrator), .personCausingHarm)
            default:
                let i = model.people.person(kin: meaning)
                return (i, model.people.all[i].role)
            }
        }
        switch words.labelRole(of: document.bytes, Int(t.start)..<Int(t.end)) {
        case .victim?: return (index(model.victim), .victim)
        case .personCausingHarm?: return (index(model.perpetrator), .personCausingHarm)
        default: return nil
        }
    }

    /// The one person a form labelled with this word ("Applicant: Kerry Hale"), with their role.
    private func labelledActor(_ k: Int, plan: PlanContext, _ model: RecordModel) -> (Int?, PersonRole)? {
        guard let i = person(labelled: k, in: plan.labels) else { return nil }
        return (i, model.people.all[i].role)
    }

    /// Whether the person at `i` (with the role the reader gave them) is the adult victim as far
    /// as a plan's actions go: the victim the record shows, or, where the record does not say, a
    /// woman of the family who is no relative, child or professional (a man where the record
    /// shows a woman harming a man), or a named adult in a record that names the person causing
    /// harm as someone else.
    func isVictimActor(_ i: Int?, role: PersonRole, _ model: RecordModel) -> Bool {
        switch role {
        case .victim: return true
        case .personCausingHarm, .child, .professional: return false
        case .unknown: break
        }
        guard let i else { return false }
        let p = model.people.all[i]
        if let kin = p.kinship, words.kind(lowered: kin).contains(.relativeKin) { return false }
        let victimIsWoman = model.victim.flatMap { model.people.isFemale($0) } ?? !model.womanHarmsMan
        if let woman = model.people.isFemale(p) ?? pronounSex(of: p) { return woman == victimIsWoman }
        return false
    }

    /// Whether the pronouns that follow a person's first name in its sentences are a woman's
    /// ("Sophie says she was shoved") or a man's ("KM reflected that in his visit note"), by
    /// the first "she", "he" or "his" within eight words (not "her" or "him", which after a verb
    /// are someone else: "Dean slapped her"); nil when they do not say. For a plan's actor the
    /// record otherwise shows nothing of.
    private func pronounSex(of p: Person) -> Bool? {
        guard let name = (p.forename ?? (p.surname == nil ? p.name : nil))?.lowercased(), !name.isEmpty else { return nil }
        let key = Array(name.utf8)
        let hash = key.withUnsafeBufferPointer { Self.loweredHash($0, 0..<key.count) }
        guard let votes = pronounsAfterNames[hash], votes.women != votes.men else { return nil }
        return votes.women > votes.men
    }

    /// The first token of an action that names no actor, in `range` (a sentence of a list item):
    /// an action word ("to ring 999 if he turns up", "not to let Craig in", under "Ms Ryan
    /// agreed:") or a word of `imperative_verb` ("End your relationship", "Do not allow"),
    /// "please" before one. Not a noun that looks like one ("Contact with Dad supervised",
    /// "Contact arrangements to be reviewed").
    private func bareActionStart(in range: Range<Int>, plan: PlanContext) -> Int? {
        guard var k = tokens.firstIndex(startingAtOrAfter: range.lowerBound), Int(tokens[k].start) < range.upperBound else { return nil }
        if plan.actionEnd[k] >= 0 { return k }
        if lower(k) == "please", k + 1 < tokens.count, !tokens[k + 1].flags.contains(.hardBreak) { k += 1 }
        guard token(k, is: .imperativeVerb) else { return nil }
        if k + 1 < tokens.count, Int(tokens[k + 1].start) < range.upperBound, !tokens[k + 1].flags.contains(.hardBreak) {
            if token(k + 1, is: .nounFollower) { return nil }
            // "Contact arrangements to be reviewed": a noun with an action of its own.
            for j in (k + 1)..<min(k + 5, tokens.count - 1) where Int(tokens[j].start) < range.upperBound {
                if plan.actionEnd[j] >= 0, lower(j) == "to", token(j + 1, is: .planPassiveAux) { return nil }
            }
        }
        return k
    }

    /// Where the next actor of a sentence starts after token `k` ("… and SW to visit"), before
    /// byte `end`: an agency or a name, family word or pronoun followed by an action word.
    private func nextActorStart(after k: Int, before end: Int, plan: PlanContext) -> Int? {
        var j = k + 1
        while j < tokens.count, Int(tokens[j].start) < end {
            if plan.startsAgency[j] {
                let e = (plan.agencyEnd[j] ?? j) + 1
                if e < tokens.count, Int(tokens[e].start) < end, plan.actionEnd[e] >= 0 { return Int(tokens[j].start) }
            }
            let kind = kind(j)
            if kind.contains(.kin) || kind.contains(.subjectPronoun) || (tokens[j].flags.contains(.capitalised) && !kind.contains(.notName)) {
                var e = j + 1
                while e < tokens.count, e - j < 4, Int(tokens[e].start) < end, plan.actionEnd[e] < 0,
                      tokens[e].flags.contains(.capitalised), !tokens[e].flags.contains(.softBreak),
                      !tokens.lineBreak(before: e, in: document.bytes) { e += 1 }
                if e < tokens.count, Int(tokens[e].start) < end, plan.actionEnd[e] >= 0, !tokens[e].flags.contains(.softBreak) {
                    return Int(tokens[j].start)
                }
            }
            j += 1
        }
        return nil
    }

    /// Where the sentences of `b[from..<to]` start: at `from`, and after each full stop, semicolon,
    /// question or exclamation mark that follows a word and is followed by a space and a capital
    /// letter ("1. Kai to …" is one sentence).
    static func sentenceStarts(_ bytes: [UInt8], from: Int, to: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { b in
            var starts = [from]
            var i = from, segment = from
            while i + 2 < to {
                // Eight bytes at a time while none of them can end a sentence.
                if i + 8 <= to {
                    let w = ByteSearch.word(b, at: i)
                    if ByteSearch.matches(w, 0x2E) | ByteSearch.matches(w, 0x3B) | ByteSearch.matches(w, 0x21) | ByteSearch.matches(w, 0x3F) == 0 {
                        i += 8; continue
                    }
                }
                let c = b[i]
                if (c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F) && b[i + 1] == 0x20 && (segment..<i).contains(where: { b[$0] | 0x20 >= 0x61 && b[$0] | 0x20 <= 0x7A }) {
                    var j = i + 1
                    while j < to && b[j] == 0x20 { j += 1 }
                    if j < to && b[j] >= 0x41 && b[j] <= 0x5A { starts.append(j); i = j; segment = j; continue }
                }
                i += 1
            }
            return starts
        }
    }

    /// One possible action at `range` (a line, or a sentence of a plan's line): an actor of up
    /// to six words, then an action word. `lineStart`: the range starts the line, so an "Action:"
    /// label may lead it. True when it is an action (its words are then a `TaskSpan`).
    @discardableResult
    private func readAction(in range: Range<Int>, line: Int, afterMarker: Bool, lineStart: Bool, inPlan: Bool,
                            plan: PlanContext, into model: inout RecordModel) -> Bool {
        let actionEnd = plan.actionEnd, startsAgency = plan.startsAgency
        let end = range.upperBound
        guard let k = tokens.firstIndex(startingAtOrAfter: range.lowerBound), Int(tokens[k].start) < end else { return false }
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
        guard inPlan || afterMarker || labelled || opensWithTo else { return false }
        guard verbAt > first, startsAgency[first] || isActorRun(first..<verbAt) else { return false }
        // "Mr Reid to be referred …": done to the actor, not by them.
        if isDoneTo(after: Int(actionEnd[verbAt])) { return false }
        let actorText = document.text(Int(tokens[first].start), Int(tokens[verbAt - 1].end))
        // The task's words: from the action word to the end of the sentence or the next actor
        // ("Sophie to keep her phone charged and call 999 if …"; "Mum to … and SW to visit").
        let taskEnd = nextActorStart(after: Int(actionEnd[verbAt]), before: end, plan: plan) ?? end
        let taskRange = Int(tokens[verbAt].start)..<taskEnd
        if startsAgency[first] {
            model.actions.append(PlanAction(line: line, sentence: range.lowerBound, actor: actorText, role: .professional, isAgency: true))
            model.tasks.append(TaskSpan(range: taskRange, forVictim: false, fromHeading: false))
            return true
        }
        var actors: [(index: Int?, role: PersonRole, woman: Bool?)] = []
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
            var shorthandRole: PersonRole? = nil
            if kind.contains(.kin) { who = model.people.person(kin: text(j)) }
            else if let (i, role) = shorthandActor(j, &model) ?? labelledActor(j, plan: plan, model) {
                // "M to …", "IP to …", "Applicant to …": the person the label or shorthand stands for.
                who = i; shorthandRole = role; run = j..<(j + 1)
            }
            else if !run.isEmpty { who = person(named: run, in: &model) }
            var role = shorthandRole ?? who.map { model.people.all[$0].role } ?? .unknown
            var woman: Bool? = nil
            if who == nil, kind.contains(.subjectPronoun) {
                let referent = model.people.referent(ofPronoun: text(j))
                role = referent?.role ?? .unknown
                who = referent.flatMap { model.people.all.firstIndex(of: $0) }
                run = j..<(j + 1)
                // "I will …" in her written agreement, "You must …" in a letter to her.
                let word = lower(j)
                if who == nil, word == "i", let d = model.declaration, j > d.token { woman = d.woman ?? true }
                if who == nil, word == "you", let i = model.addresseeIndex, let a = model.addressee, j > a.token { who = i; role = model.people.all[i].role }
                if who == nil, word == "she" || word == "he" { woman = word == "she" }
            }
            actors.append((who, role, woman))
            model.actions.append(PlanAction(line: line, sentence: range.lowerBound, actor: run.isEmpty ? actorText : texts(run).joined(separator: " "), role: role, isAgency: false))
            j = run.isEmpty ? j + 1 : run.upperBound
        }
        // One actor, and the adult victim: the task is hers. Two ("Mum and Dad to …") is joint.
        var forVictim = false
        if actors.count == 1, let a = actors.first {
            if let woman = a.woman, a.index == nil, a.role == .unknown {
                forVictim = woman == (model.victim.flatMap { model.people.isFemale($0) } ?? !model.womanHarmsMan)
            } else {
                forVictim = isVictimActor(a.index, role: a.role, model)
            }
        }
        model.tasks.append(TaskSpan(range: taskRange, forVictim: forVictim, fromHeading: false))
        return true
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
