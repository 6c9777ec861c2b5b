/// Reads a record as a whole: form fields, kinship, who did what to whom, court outcomes and plan
/// actions. Uses the cue matches the automaton already found; touches the text only around them.
/// A class, so that its many small helpers share it rather than copy the document and lexicon.
final class RecordReader {
    let document: Document
    let tokens: [Token]
    let cues: [RecordCue: [RawMatch]]
    let compiled: CompiledLexicon
    var lexicon: Lexicon { compiled.lexicon }
    /// Titles, family words, words that are never names, field labels …
    let words: RecordWords
    let sentenceOf: (Int) -> Range<Int>
    /// `isBareBaseForm(_:)` answers so far.
    private var bareBaseForms: [String: Bool] = [:]

    init(document: Document, tokens: [Token], cues: [RecordCue: [RawMatch]], compiled: CompiledLexicon, sentenceOf: @escaping (Int) -> Range<Int>) {
        self.document = document; self.tokens = tokens; self.cues = cues; self.compiled = compiled
        self.words = compiled.recordWords; self.sentenceOf = sentenceOf
    }

    func text(_ k: Int) -> String { document.text(Int(tokens[k].start), Int(tokens[k].end)) }
    func lower(_ k: Int) -> String { text(k).lowercased() }

    /// What token `k` is to the reader (a title, a family word …), whatever its case.
    func kind(_ k: Int) -> RecordWords.Kind { words.kind(of: document.bytes, Int(tokens[k].start)..<Int(tokens[k].end)) }
    func token(_ k: Int, is kind: RecordWords.Kind) -> Bool { self.kind(k).contains(kind) }

    /// Whether a word (lower-cased, without dots) is a title: for `People.person(named:)`.
    func isTitle(_ word: String) -> Bool { words.kind(lowered: word).contains(.title) }

    func read() -> RecordModel {
        var model = RecordModel()
        model.people = People(words: words.person)
        var fieldLines = Set<Int>()
        readFields(into: &model, fieldLines: &fieldLines)
        readKinship(into: &model)
        readAgents(into: &model)
        readTitledNames(into: &model, skip: fieldLines)
        for m in cues[.harmed] ?? [] where !tokens[Int(m.first)].flags.contains(.quoted) {
            let run = nearestNameRun(before: Int(m.first) + 1)
            guard !run.isEmpty else { continue }
            if let i = person(run, in: &model) {
                model.people.all[i].harmedVotes += 1
                model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[Int(m.first)].start))): harmed (\(document.text(Int(tokens[Int(m.first)].start), Int(tokens[Int(m.last)].end))))")
            }
        }
        readConvictions(into: &model)
        model.settleRoles()
        model.recordsAbuse = (cues[.abuseTerm] ?? []).contains { !tokens[Int($0.first)].flags.contains(.quoted) }
        if let p = model.perpetrator { model.perpetratorMentions = mentions(of: p, outside: fieldLines) }
        if !(cues[.outcome] ?? []).isEmpty {
            model.entryDates = EntryDates(document)
            readOutcomes(into: &model)
        }
        readPlan(into: &model)
        return model
    }

    // MARK: people

    /// The capitalised name run starting at token `k` (title allowed first), up to 3 words.
    private func nameRun(from k: Int) -> Range<Int> {
        var i = k
        var firstKind: RecordWords.Kind = [], lastKind: RecordWords.Kind = []
        while i < tokens.count && i - k < 4 {
            let t = tokens[i]
            if i > k && t.flags.contains(.hardBreak) { break }
            if i > k && t.flags.contains(.softBreak) && !lastKind.contains(.title) { break }
            let kind = kind(i)
            if i == k { firstKind = kind }
            if i == k && kind.contains(.title) { lastKind = kind; i += 1; continue }
            guard t.flags.contains(.capitalised), !t.flags.contains(.number), !kind.contains(.notName) else { break }
            lastKind = kind; i += 1
        }
        if i - k == 1 && firstKind.contains(.title) { return k..<k }
        return k..<i
    }

    /// The capitalised name run ending at token `k` (a title may lead it), up to 3 words.
    private func nameRun(endingAt k: Int) -> Range<Int> {
        var first = k + 1
        var i = k
        while i >= 0 && k + 1 - first < 4 {
            let t = tokens[i]
            let kind = kind(i)
            if kind.contains(.title) { first = i; break }
            guard k + 1 - first < 3, t.flags.contains(.capitalised), !t.flags.contains(.number), !kind.contains(.notName) else { break }
            first = i
            if t.flags.contains(.hardBreak) || t.flags.contains(.softBreak) { break }
            i -= 1
        }
        if k + 1 - first == 1 && token(first, is: .title) { return first..<first }
        return first..<(k + 1)
    }

    /// "DC Morley", "Dr Khan": a professional, unless the record says otherwise.
    func markProfessionalTitle(_ model: inout RecordModel, _ i: Int, _ name: [String]) {
        guard let first = name.first.map({ People.withoutDots($0.lowercased()) }),
              words.kind(lowered: first).contains(.professionalTitle), model.people.all[i].fieldRole == nil else { return }
        model.people.all[i].fieldRole = .professional
        model.people.all[i].addEvidence("titled \(name[0])")
    }

    /// The nearest name (or family word) before token `k` in its sentence, within 25 words. Looking
    /// for the subject of a verb (`subject`), it passes over objects: a name after a preposition
    /// ("shouts at her mother … and threw a mug") or after a harm verb ("hit Mum and kicked").
    private func nearestNameRun(before k: Int, subject: Bool = false) -> Range<Int> {
        var j = k - 1
        while j >= 0 && j >= k - 25 {
            if tokens[j + 1].flags.contains(.hardBreak) { break }
            let t = tokens[j]
            // An owner is not a subject: "Mrs Dhillon's allegations of … strangulation". Nor is
            // anyone before it ("Mr Uddin's pattern of controlling behaviour" is his, not theirs).
            if j + 1 < k, isPossessive(j + 1) { return k..<k }
            if !t.flags.contains(.quoted) {
                let kind = kind(j)
                // "had been punched and pushed": passive. ("was convicted of assaulting" is not.)
                // "Mr Khan was controlling" is not passive either.
                if kind.contains(.passiveAux), !outcomeStarts.contains(j), !outcomeStarts.contains(j + 1),
                   !(subject && endsWith(k, "ing")) { return k..<k }
                var run = j..<j
                if kind.contains(.kin) { run = j..<(j + 1) }
                else if t.flags.contains(.capitalised) && !t.flags.contains(.number) && !kind.contains(.notName) {
                    run = nameRun(endingAt: j)
                }
                if !run.isEmpty {
                    guard subject, isObject(run) else { return run }
                    j = run.lowerBound
                }
            }
            j -= 1
        }
        return k..<k
    }

    /// Whether the name run is the object of a preposition or a harm verb just before it (a
    /// determiner may stand between: "at her mother", "punched the mother").
    private func isObject(_ run: Range<Int>) -> Bool {
        // An appositive takes the part of the family word before it: "at her mother, Mrs Marsh,".
        let b = run.lowerBound
        if b > 0, tokens[b].flags.contains(.softBreak), !tokens[b].flags.contains(.hardBreak), token(b - 1, is: .kin),
           onlyComma(between: b - 1, and: b) {
            return isObject((b - 1)..<b)
        }
        var i = run.lowerBound
        for _ in 0..<2 {
            guard i > 0, !tokens[i].flags.contains(.hardBreak), !tokens[i].flags.contains(.softBreak) else { return false }
            i -= 1
            let kind = kind(i)
            if kind.contains(.objectMarker) || harmVerbEnds.contains(i) { return true }
            if !kind.contains(.kinDeterminer) { return false }
        }
        return false
    }

    /// The last token of every harm verb the cues found.
    private lazy var harmVerbEnds = Set((cues[.harmVerb] ?? []).map { Int($0.last) })
    /// Whether token `k`'s word ends with `suffix` (ASCII, any case).
    private func endsWith(_ k: Int, _ suffix: StaticString) -> Bool {
        let b = document.bytes, e = Int(tokens[k].end), n = suffix.utf8CodeUnitCount
        guard e - Int(tokens[k].start) > n else { return false }
        return (0..<n).allSatisfy { i in b[e - n + i] | 0x20 == suffix.utf8Start[i] }
    }

    /// Whether the harm word at `k...l`, an -ing or -ed form, qualifies the word after it
    /// ("controlling behaviour", "threatening messages", "coerced debt") rather than acting on an
    /// object: the next word, in the same clause, is lower-case and none of the words a verb's
    /// object or particle starts with (`verb_follower`: "him", "the", "out", "and" …), nor a
    /// preposition or a family word.
    private func isAdjective(_ k: Int, _ l: Int) -> Bool {
        guard endsWith(l, "ing") || endsWith(l, "ed"), l + 1 < tokens.count else { return false }
        // After "was", "had" or "then" it is a verb: "was assaulted in the kitchen", "had kicked".
        if k > 0, !kind(k - 1).isDisjoint(with: [.passiveAux, .perfectAux, .betweenSubjectAndVerb]) { return false }
        let next = tokens[l + 1]
        guard !next.flags.contains(.softBreak), !next.flags.contains(.hardBreak), !next.flags.contains(.capitalised),
              !next.flags.contains(.number) else { return false }
        return kind(l + 1).isDisjoint(with: [.verbFollower, .objectMarker, .kinDeterminer, .kin, .subjectPronoun, .by, .actorJoiner])
            && !endsWith(l + 1, "ly")
    }

    /// The first token of every court outcome the cues found ("was convicted").
    private lazy var outcomeStarts = Set((cues[.outcome] ?? []).map { Int($0.first) })

    /// "Mr Dale was convicted of assaulting Ms Green", "Lee pleaded guilty to common assault": the
    /// one convicted of abuse caused harm. Only when the sentence speaks of harm (a harm verb or an
    /// abuse term): a conviction for shoplifting says nothing about who abused whom.
    private func readConvictions(into model: inout RecordModel) {
        let harmWords = (cues[.harmVerb] ?? []) + (cues[.abuseTerm] ?? [])
        for m in cues[.outcome] ?? [] {
            let k = Int(m.first)
            guard k > 0, !tokens[k].flags.contains(.quoted), !tokens[k].flags.contains(.softBreak),
                  !tokens[k].flags.contains(.hardBreak), !token(k - 1, is: .negation) else { continue }
            let s = sentenceOf(k)
            guard harmWords.contains(where: { s.contains(Int(tokens[Int($0.first)].start)) }),
                  !(cues[.outcomeNegation] ?? []).contains(where: { s.contains(Int(tokens[Int($0.first)].start)) }) else { continue }
            let end = subjectEnd(before: k)
            let run = token(end, is: .kin) ? end..<(end + 1) : nameRun(endingAt: end)
            guard !run.isEmpty, let i = person(run, in: &model) else { continue }
            model.people.all[i].harmVotes += 1
            model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[k].start))): \(document.text(Int(tokens[k].start), Int(tokens[Int(m.last)].end)))")
        }
    }

    /// True when token `i` is the clitic "'s" or "’s" (read on its bytes: this runs per word walked).
    private func isPossessive(_ i: Int) -> Bool {
        let b = document.bytes, s = Int(tokens[i].start), e = Int(tokens[i].end)
        guard e > s, b[e - 1] | 0x20 == 0x73 else { return false }
        return (e - s == 2 && b[s] == 0x27) || (e - s == 4 && b[s] == 0xE2 && b[s + 1] == 0x80 && b[s + 2] == 0x99)
    }

    /// The person a name run (or a family word alone) refers to, added if new.
    private func person(_ run: Range<Int>, in model: inout RecordModel) -> Int? {
        run.count == 1 && token(run.lowerBound, is: .kin) ? model.people.person(kin: text(run.lowerBound))
            : model.people.person(named: texts(run), isTitle: isTitle)
    }

    /// The last token of the subject of a verb at `k`, over words that may stand between them
    /// ("Mr Platt *had repeatedly* kicked").
    private func subjectEnd(before k: Int) -> Int {
        var end = k - 1
        while end > 0, end >= k - 2, token(end, is: .betweenSubjectAndVerb),
              !tokens[end].flags.contains(.softBreak), !tokens[end].flags.contains(.hardBreak) { end -= 1 }
        return end
    }

    /// The words of a run of tokens, as written.
    private func texts(_ run: Range<Int>) -> [String] { run.map { text($0) } }

    /// "the children's father, Dean Morris" and "Dean Morris (father)".
    private func readKinship(into model: inout RecordModel) {
        for m in cues[.kinship] ?? [] {
            let f = Int(m.first), l = Int(m.last)
            let kinWord = lower(l)
            // Forward ("the children's father, Dean Morris", "father Dean Morris") only after a
            // determiner or with nothing between: "Hayley (Mum), Kieran" does not make Kieran "mum".
            let determined = f > 0 && token(f - 1, is: .kinDeterminer)
            if l + 1 < tokens.count, !tokens[l + 1].flags.contains(.hardBreak),
               determined || !tokens[l + 1].flags.contains(.softBreak) || onlyComma(between: l, and: l + 1) {
                let run = nameRun(from: l + 1)
                if !run.isEmpty, let i = model.people.person(named: texts(run), isTitle: isTitle, kinship: kinWord) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                    continue
                }
            }
            // "Mum (Stacey Webb)": the name in brackets just after the family word.
            if l + 1 < tokens.count, case let g = gap(between: l, and: l + 1), g.contains(0x28), g.allSatisfy({ $0 == 0x20 || $0 == 0x28 }) {
                let run = nameRun(from: l + 1)
                if !run.isEmpty, let i = model.people.person(named: texts(run), isTitle: isTitle, kinship: kinWord) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                    continue
                }
            }
            // "Gaz is mummy's boyfriend", "Dean Morris is the children's father".
            if let run = copularSubject(beforeKinAt: f), let i = model.people.person(named: texts(run), isTitle: isTitle, kinship: kinWord) {
                model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                continue
            }
            // "Dean Morris (father)", "Dean Morris, father"; not "Mum (Stacey Webb), Dad (Liam Webb)",
            // where the name before a closing bracket is someone else's.
            if f > 0, tokens[f].flags.contains(.softBreak), !gap(between: f - 1, and: f).contains(0x29), l + 1 >= tokens.count || tokens[l + 1].flags.contains(.softBreak) || tokens[l + 1].flags.contains(.hardBreak) {
                let run = nameRun(endingAt: f - 1)
                if !run.isEmpty, let i = model.people.person(named: texts(run), isTitle: isTitle, kinship: kinWord) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                }
            }
        }
    }

    /// The name before "is"/"was" and a family word at `f`, with only determiners or owners
    /// between ("Gaz is *mummy's* boyfriend", "Lee was *her* partner"), or nil.
    private func copularSubject(beforeKinAt f: Int) -> Range<Int>? {
        var j = f - 1
        while j > 0, f - j <= 4, !tokens[j + 1].flags.contains(.softBreak), !tokens[j + 1].flags.contains(.hardBreak),
              token(j, is: .kinDeterminer) || isPossessive(j + 1) || isPossessive(j) {
            j -= 1
        }
        guard j > 0, j < f, !tokens[j + 1].flags.contains(.softBreak), !tokens[j + 1].flags.contains(.hardBreak),
              !tokens[j].flags.contains(.softBreak), !tokens[j].flags.contains(.hardBreak) else { return nil }
        guard token(j, is: .copula) else { return nil }
        let run = nameRun(endingAt: j - 1)
        return run.isEmpty ? nil : run
    }

    /// Who did what to whom: "Mr Khan punched Ms Begum", "Ms Begum was punched by Mr Khan".
    private func readAgents(into model: inout RecordModel) {
        func reference(_ run: Range<Int>) -> Int? {
            let i = person(run, in: &model)
            if let i, !(run.count == 1 && token(run.lowerBound, is: .kin)) { markProfessionalTitle(&model, i, texts(run)) }
            return i
        }
        func note(_ i: Int?, harmed: Bool, verb: Int) {
            guard let i else { return }
            if harmed { model.people.all[i].harmedVotes += 1 } else { model.people.all[i].harmVotes += 1 }
            let line = document.line(of: Int(tokens[verb].start))
            model.people.all[i].addEvidence("line \(line): \(harmed ? "harmed" : "the one who") \(harmed ? "(" : "")\(text(verb))\(harmed ? ")" : "")")
        }
        for m in cues[.harmVerb] ?? [] {
            let k = Int(m.first), l = Int(m.last)
            if tokens[k].flags.contains(.quoted) { continue }
            // "described controlling behaviour", "re coerced debt": an adjective, not a verb.
            if isAdjective(k, l) { continue }
            // "Mr Khan was controlling and jealous" is not passive: an -ing form after "was" is active.
            if k > 0, token(k - 1, is: .passiveAux), !tokens[k].flags.contains(.softBreak), !endsWith(k, "ing") {
                // Passive: the subject was harmed ("Mum had been punched"); an agent follows "by".
                var e = k - 1
                while e >= 0, !kind(e).isDisjoint(with: [.passiveAux, .perfectAux]) { e -= 1 }
                if e >= 0 { let run = nameRun(endingAt: e); if !run.isEmpty { note(reference(run), harmed: true, verb: k) } }
                var j = l + 1
                while j < tokens.count && j <= l + 3 && !tokens[j].flags.contains(.hardBreak) {
                    if token(j, is: .by) {
                        var n = j + 1
                        while n < tokens.count, token(n, is: .agentDeterminer) { n += 1 }
                        if n < tokens.count {
                            if token(n, is: .kin) { note(model.people.person(kin: text(n)), harmed: false, verb: k) }
                            else { let run = nameRun(from: n); if !run.isEmpty { note(reference(run), harmed: false, verb: k) } }
                        }
                        break
                    }
                    j += 1
                }
                continue
            }
            // Active: NAME (had) VERB (NAME). A bare base form ("abuse", "harm") is more often a
            // noun or an infinitive than a finite verb: no subject is read from it.
            if let lemma = compiled.patterns.elements(Int(m.pattern)).first?.first?.first?.family {
                let w = lower(k)
                // Only the lemma itself can be its base form.
                if w == lemma, isBareBaseForm(lemma) { continue }
            }
            // After a determiner or a count it is a noun: "Wayne has given Shannon «a few slaps»";
            // after "self" it is self-harm: "Ellie said she «self-harms»".
            if k > 0, token(k - 1, is: .nounMarker) { continue }
            var subject = k..<k
            if k > 0, !tokens[k].flags.contains(.softBreak), !tokens[k].flags.contains(.hardBreak) {
                let end = subjectEnd(before: k)
                subject = nameRun(endingAt: end)
                if subject.isEmpty && token(end, is: .subjectPronoun) { continue }
            }
            if subject.isEmpty { subject = nearestNameRun(before: k, subject: true) }
            if !subject.isEmpty { note(reference(subject), harmed: false, verb: k) }
            if l + 1 < tokens.count, !tokens[l + 1].flags.contains(.softBreak), !tokens[l + 1].flags.contains(.hardBreak) {
                let object = nameRun(from: l + 1)
                if !object.isEmpty { note(reference(object), harmed: true, verb: k) }
            }
        }
    }

    /// Whether a lemma written as it is can only be the base form ("abuse", not "hit"); asked of
    /// the morphology once per lemma and record.
    private func isBareBaseForm(_ lemma: String) -> Bool {
        if let known = bareBaseForms[lemma] { return known }
        let bare = lexicon.morphology.form(of: lemma, lemma: lemma) == .base && lexicon.morphology.inflect(lemma, as: .past) != lemma
        bareBaseForms[lemma] = bare
        return bare
    }

    /// The bytes between two tokens.
    private func gap(between a: Int, and b: Int) -> ArraySlice<UInt8> {
        document.bytes[Int(tokens[a].end)..<Int(tokens[b].start)]
    }

    /// True when only a comma and spaces separate two tokens ("Mum, Samira Hussain").
    private func onlyComma(between a: Int, and b: Int) -> Bool {
        let g = gap(between: a, and: b)
        return g.contains(0x2C) && g.allSatisfy { $0 == 0x2C || $0 == 0x20 }
    }

    /// "Mr Tariq Bashir", "DC Morley": every titled name is a person of the record.
    private func readTitledNames(into model: inout RecordModel, skip fieldLines: Set<Int>) {
        for m in cues[.title] ?? [] {
            let k = Int(m.first)
            if tokens[k].flags.contains(.quoted) || fieldLines.contains(document.line(of: Int(tokens[k].start))) { continue }
            let run = nameRun(from: k)
            guard run.count >= 2 else { continue }
            let name = texts(run)
            guard let i = model.people.person(named: name, isTitle: isTitle) else { continue }
            markProfessionalTitle(&model, i, name)
        }
    }

    private func mentions(of p: Person, outside fieldLines: Set<Int>) -> Int {
        let keys = [p.surname, p.forename, p.kinship == nil || p.surname != nil ? nil : p.name].compactMap { $0.map { Array($0.lowercased().utf8) } }
        // The form's label for them, in any case: "IP states suspect put both hands around her throat".
        let label = p.fieldLabel.map { Array($0.utf8) }
        var n = 0
        let b = document.bytes
        for t in tokens where t.flags.contains(.capitalised) || label?.count == Int(t.end - t.start) {
            let start = Int(t.start), count = Int(t.end - t.start)
            func same(_ key: [UInt8]) -> Bool {
                key.count == count && key.indices.allSatisfy { i in
                    let c = b[start + i]
                    return key[i] == (c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                }
            }
            let isMention = (t.flags.contains(.capitalised) && keys.contains(where: same)) || label.map(same) == true
            if isMention && !fieldLines.contains(document.line(of: start)) { n += 1 }
        }
        return n
    }

    // MARK: outcomes

    private func readOutcomes(into model: inout RecordModel) {
        let negations = cues[.outcomeNegation] ?? []
        for m in cues[.outcome] ?? [] {
            let k = Int(m.first)
            if tokens[k].flags.contains(.quoted) { continue }
            let s = sentenceOf(k)
            if negations.contains(where: { s.contains(Int(tokens[Int($0.first)].start)) }) { continue }
            if k > 0, token(k - 1, is: .negation) { continue }
            let offset = Int(tokens[k].start)
            model.outcomes.append(Outcome(offset: offset, date: model.date(at: offset),
                                          text: document.text(offset, Int(tokens[Int(m.last)].end))))
        }
    }

    // MARK: plans

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
            let letters = b[start..<q].map { $0 | 0x20 }
            let roman = !letters.isEmpty && letters.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 }   // i v x
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
    private func readPlan(into model: inout RecordModel) {
        guard let actionCues = cues[.actionVerb], !actionCues.isEmpty else { return }
        // Where the action word that starts at each token ends (-1: none starts there).
        var actionEnd = [Int32](repeating: -1, count: tokens.count)
        for m in actionCues { actionEnd[Int(m.first)] = max(actionEnd[Int(m.first)], m.last) }
        var startsAgency = [Bool](repeating: false, count: tokens.count)
        for m in cues[.agency] ?? [] { startsAgency[Int(m.first)] = true }
        // Heading lines, and where the text after a heading's colon starts ("Discharge plan:
        // Agnieszka to stay …"), if any follows on its line.
        var headingLines: [Int: Int?] = [:]
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
            if let inline = headingLines[line] {
                inPlan = true
                guard let inline else { continue }
                from = inline
            }
            var p = from
            while p < end && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
            let marker = Self.itemMarkerEnd(b, from: p, to: end)
            if inPlan && marker == nil && from == start && looksLikeHeading(p..<end) { inPlan = false }
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
    static func sentenceStarts(_ b: [UInt8], from: Int, to: Int) -> [Int] {
        var starts = [from]
        var i = from, words = false
        while i + 2 < to {
            let c = b[i]
            if c | 0x20 >= 0x61 && c | 0x20 <= 0x7A { words = true }
            if words && (c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F) && b[i + 1] == 0x20 {
                var j = i + 1
                while j < to && b[j] == 0x20 { j += 1 }
                if j < to && b[j] >= 0x41 && b[j] <= 0x5A { starts.append(j); i = j; words = false; continue }
            }
            i += 1
        }
        return starts
    }

    /// One possible action at `range` (a line, or a sentence of a plan's line): an actor of up
    /// to six words, then an action word. `lineStart`: the range starts the line, so an "Action:"
    /// label may lead it.
    private func readAction(in range: Range<Int>, line: Int, afterMarker: Bool, lineStart: Bool, inPlan: Bool,
                            actionEnd: [Int32], startsAgency: [Bool], into model: inout RecordModel) {
        let end = range.upperBound
        guard let k = firstToken(atOrAfter: range.lowerBound), Int(tokens[k].start) < end else { return }
        var first = k
        let len = Int(tokens[first].end - tokens[first].start)
        var labelled = false
        if lineStart, len == 6 || len == 7, token(first, is: .actionLabel), first + 1 < tokens.count,
           tokens[first + 1].flags.contains(.softBreak) { first += 1; labelled = true }
        guard inPlan || afterMarker || labelled else { return }
        // The actor: up to six words before an action verb.
        var verbAt = -1
        for j in first..<min(first + 7, tokens.count) where Int(tokens[j].start) < end {
            if j > first, actionEnd[j] >= 0 { verbAt = j; break }
            if j > first && (tokens[j].flags.contains(.softBreak) || tokens[j].flags.contains(.hardBreak)) { break }
        }
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
            else if !run.isEmpty { who = model.people.person(named: texts(run), isTitle: isTitle) }
            var role = who.map { model.people.all[$0].role } ?? .unknown
            if who == nil, kind.contains(.subjectPronoun) {
                role = model.people.referent(ofPronoun: text(j))?.role ?? .unknown
                run = j..<(j + 1)
            }
            model.actions.append(PlanAction(line: line, sentence: range.lowerBound, actor: run.isEmpty ? actorText : texts(run).joined(separator: " "), role: role, isAgency: false))
            j = run.isEmpty ? j + 1 : run.upperBound
        }
    }

    /// The first token that starts at or after byte `offset`.
    private func firstToken(atOrAfter offset: Int) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].start) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count ? lo : nil
    }

    /// Whether the words after a plan's action word (ending at token `k`) are "be" and a service
    /// arranged for the actor: "to be referred", "to be offered". One followed by "to" and a verb
    /// still sets the actor a task: "Mum to be supported to apply for a non-molestation order"
    /// ("referred to the DAPP" is followed by a determiner).
    private func isDoneTo(after k: Int) -> Bool {
        guard k + 2 < tokens.count, token(k + 1, is: .planPassiveAux), token(k + 2, is: .serviceParticiple) else { return false }
        let p = k + 2
        if p + 2 < tokens.count, text(p + 1).lowercased() == "to", !tokens[p + 2].flags.contains(.capitalised),
           !token(p + 2, is: .nounMarker) { return false }
        return true
    }

    private func isLineStart(_ k: Int) -> Bool {
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
