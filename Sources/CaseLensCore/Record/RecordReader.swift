/// Reads a record as a whole: form fields, kinship, who did what to whom, court outcomes and plan
/// actions. Uses the cue matches the automaton already found; touches the text only around them.
/// A class, so that its many small helpers share it rather than copy the document and lexicon.
final class RecordReader {
    let document: Document
    let tokens: [Token]
    let cues: [RecordCue: [RawMatch]]
    let compiled: CompiledLexicon
    /// The patterns' elements, as this thread has read them.
    let elements: PatternElements
    var lexicon: Lexicon { compiled.lexicon }
    /// Titles, family words, words that are never names, field labels …
    let words: RecordWords
    let sentenceOf: (Int) -> Range<Int>
    /// `isBareBaseForm(_:)` answers so far.
    private var bareBaseForms: [String: Bool] = [:]
    /// The pronouns that follow each capitalised word within its sentence (`pronounSex(of:)`),
    /// by a hash of the word's lower-cased bytes: the first "she" or "herself" or "he", "his" or
    /// "himself" within eight words, counted. Read in one pass, the first time it is asked.
    lazy var pronounsAfterNames: [UInt64: (women: Int, men: Int)] = {
        // By vocabulary id: 1 for a woman's pronoun, 2 for a man's. Not "her" or "him": after a
        // verb they are someone else ("Dean slapped her").
        var pronoun = [UInt8](repeating: 0, count: compiled.vocabulary.count)
        for (words, sex) in [(["she", "herself"], UInt8(1)), (["he", "his", "himself"], UInt8(2))] {
            for w in words {
                let id = compiled.vocabulary.lookup(Array(w.utf8))
                if id >= 0 && Int(id) < pronoun.count { pronoun[Int(id)] = sex }
            }
        }
        // One pass: the words that may be names since the sentence's start (capitalised, and
        // neither quoted nor a word that never names anyone: "The", "Monday", "Mum" opening a
        // sentence …) wait for the next pronoun, which counts for those of them at most eight
        // words before it.
        return document.bytes.withUnsafeBufferPointer { b in
            tokens.withUnsafeBufferPointer { toks in
                var out: [UInt64: (women: Int, men: Int)] = [:]
                var waiting: [Int] = []
                for j in toks.indices {
                    let t = toks[j]
                    if t.flags.contains(.hardBreak) { waiting.removeAll(keepingCapacity: true) }
                    if !waiting.isEmpty, t.id >= 0, Int(t.id) < pronoun.count, pronoun[Int(t.id)] != 0 {
                        let woman = pronoun[Int(t.id)] == 1
                        for k in waiting where k >= j - 8 {
                            let hash = Self.loweredHash(b, Int(toks[k].start)..<Int(toks[k].end))
                            if woman { out[hash, default: (0, 0)].women += 1 } else { out[hash, default: (0, 0)].men += 1 }
                        }
                        waiting.removeAll(keepingCapacity: true)
                    }
                    if t.flags.contains(.capitalised) && t.flags.isDisjoint(with: [.quoted, .notName, .number]) { waiting.append(j) }
                }
                return out
            }
        }
    }()

    /// The vocabulary id of "will" (what someone means to do, not a task set them).
    lazy var willID: Int32 = compiled.vocabulary.lookup(Array("will".utf8))
    /// `actor_shorthand` of `record.yaml`: a note-taker's letter or abbreviation for someone of
    /// the family, as a plan's actor ("M agreed:", "V to call 999"), and the family word or role
    /// ("victim", "perpetrator") it stands for.
    lazy var actorShorthand: [String: String] = {
        var out: [String: String] = [:]
        for entry in lexicon.record.grammar["actor_shorthand"] ?? [] {
            let parts = entry.lowercased().split(separator: " ")
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }()

    /// FNV-1a of `b[range]` lower-cased in ASCII (other bytes as they are).
    static func loweredHash(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for p in range {
            let c = b[p]
            h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x100000001b3
        }
        return h
    }
    /// `person(named:kinship:in:)` answers so far, each with the `People.revision` it was given at
    /// and the name keys it read (it holds while `People.unchanged(_:since:)`).
    private var named: [NameKey: (revision: Int, index: Int?, keys: (Int32, Int32, Int32))] = [:]

    /// A name run as written: its bytes, where its words lie in them, and the kinship asked with it.
    private struct NameKey: Hashable {
        var bytes: ArraySlice<UInt8>
        var words: UInt64
        var kinship: String?

        /// The bytes hashed at once, not one by one as an `ArraySlice`'s elements are.
        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(words); hasher.combine(kinship)
        }
    }

    init(document: Document, tokens: [Token], cues: [RecordCue: [RawMatch]], compiled: CompiledLexicon, elements: PatternElements,
         sentenceOf: @escaping (Int) -> Range<Int>) {
        self.document = document; self.tokens = tokens; self.cues = cues; self.compiled = compiled; self.elements = elements
        self.words = compiled.recordWords; self.sentenceOf = sentenceOf
    }

    func text(_ k: Int) -> String { document.text(Int(tokens[k].start), Int(tokens[k].end)) }
    func lower(_ k: Int) -> String { text(k).lowercased() }

    /// What token `k` is to the reader (a title, a family word …), whatever its case.
    /// A lone capital that is not an initial ("A&E", "Plan B") is never a name either.
    func kind(_ k: Int) -> RecordWords.Kind {
        // "A. to leave the relationship": an initial (`RecordWords.markNotNames` left it a name)
        // is a name, not the article.
        if tokens[k].end - tokens[k].start == 1, tokens[k].flags.contains(.capitalised), !tokens[k].flags.contains(.notName) { return [] }
        let kind = words.kind(of: tokens[k], in: document.bytes)
        return RecordWords.isLoneLetter(tokens[k], in: document.bytes) || tokens[k].flags.contains(.notName) ? kind.union(.notName) : kind
    }
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
        readProfessionalBrackets(into: &model)
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
        if let p = model.perpetrator { model.perpetratorMentions = mentions(of: p, outside: fieldLines, in: model.people) }
        if !(cues[.outcome] ?? []).isEmpty {
            model.entryDates = EntryDates(document)
            readOutcomes(into: &model)
        }
        // A letter's addressee and a written agreement's author first: a plan's bare items in a
        // letter ("What we need you to do: 1. End your relationship …") are set the addressee.
        readDeclaration(into: &model)
        readLetter(into: &model)
        readPlan(into: &model)
        return model
    }

    /// "Dear Ms Lane,": a letter to her. Not for a professional ("Dear Dr Mensah") or anyone
    /// whose sex the record does not show.
    private func readLetter(into model: inout RecordModel) {
        guard let k = tokens.indices.first(where: { token($0, is: .letterGreeting) && tokens[$0].flags.contains(.capitalised) }),
              !tokens[k].flags.contains(.quoted), isLineStart(k), k + 1 < tokens.count else { return }
        let run = nameRun(from: k + 1)
        guard !run.isEmpty else { return }
        // "Dear Ms Reeve and Mr Carr": a letter to both, whose "you" is neither alone.
        if run.upperBound + 1 < tokens.count, token(run.upperBound, is: .actorJoiner),
           tokens[run.upperBound + 1].flags.contains(.capitalised) || token(run.upperBound + 1, is: .title) { return }
        guard let i = person(run, in: &model) else { return }
        let p = model.people.all[i]
        guard p.role != .professional, p.role != .child, let woman = model.people.isFemale(p) else { return }
        model.addressee = (k, woman)
        model.addresseeIndex = i
    }

    /// "I, Shannon Birch, agree to the following:": a written agreement in her own voice, unless
    /// the person declaring is the one causing harm (then it is his agreement, and his words).
    private func readDeclaration(into model: inout RecordModel) {
        let subject = compiled.firstPersonExchange.subjectID
        guard subject != Vocabulary.unknown else { return }
        for k in tokens.indices where tokens[k].id == subject && k + 2 < tokens.count {
            guard tokens[k].flags.contains(.capitalised), !tokens[k].flags.contains(.quoted),
                  tokens[k + 1].flags.contains(.softBreak) else { continue }
            let run = nameRun(from: k + 1)
            guard !run.isEmpty, run.upperBound < tokens.count, tokens[run.upperBound].flags.contains(.softBreak),
                  token(run.upperBound, is: .declarationVerb) else { continue }
            let words = run.map { text($0) }
            let speaker = model.people.referent(of: words)
            if speaker?.role == .personCausingHarm { return }
            model.declaration = (k, speaker.flatMap { model.people.isFemale($0) })
            return
        }
        // "WORKING AGREEMENT … What I agree to do: 1. I will not let Jason in": an agreement in
        // the first person with no name given is the mother's (the victim's, if the record says).
        guard let agreement = tokens.indices.first(where: { token($0, is: .agreementWord) && !tokens[$0].flags.contains(.quoted) }) else { return }
        let parents = model.people.all.filter { p in
            p.role != .child && p.role != .professional && p.role != .personCausingHarm && model.people.isFemale(p) == true && p.kinship != nil
        }
        guard let speaker = model.victim ?? (parents.count == 1 ? parents[0] : nil), model.people.isFemale(speaker) != false else { return }
        for k in tokens.indices where k > agreement && tokens[k].id == subject && k + 1 < tokens.count {
            guard tokens[k].flags.contains(.capitalised), !tokens[k].flags.contains(.quoted),
                  !tokens[k + 1].flags.contains(.softBreak), token(k + 1, is: .declarationVerb) else { continue }
            model.declaration = (k, true)
            return
        }
    }

    // MARK: people

    /// The capitalised name run starting at token `k` (title allowed first), up to 3 words.
    func nameRun(from k: Int) -> Range<Int> {
        var i = k
        var firstKind: RecordWords.Kind = [], lastKind: RecordWords.Kind = []
        while i < tokens.count && i - k < 4 {
            let t = tokens[i]
            if i > k && t.flags.contains(.hardBreak) { break }
            if i > k && t.flags.contains(.softBreak) && !lastKind.contains(.title) { break }
            // A hard-wrapped "Mr⏎Platt" is one name; "Jason Webb⏎Jason" is not.
            if i > k && !lastKind.contains(.title) && tokens.lineBreak(before: i, in: document.bytes) { break }
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
    func nameRun(endingAt k: Int) -> Range<Int> {
        var first = k + 1
        var i = k
        while i >= 0 && k + 1 - first < 4 {
            let t = tokens[i]
            let kind = kind(i)
            if kind.contains(.title) { first = i; break }
            guard k + 1 - first < 3, t.flags.contains(.capitalised), !t.flags.contains(.number), !kind.contains(.notName) else { break }
            first = i
            if t.flags.contains(.hardBreak) || t.flags.contains(.softBreak) { break }
            // A name does not run back across a line break, but a title at the end of the line
            // before is its own ("Mr⏎Platt").
            if tokens.lineBreak(before: i, in: document.bytes), !(i > 0 && token(i - 1, is: .title)) { break }
            i -= 1
        }
        if k + 1 - first == 1 && token(first, is: .title) { return first..<first }
        return first..<(k + 1)
    }

    /// "DC Morley", "Dr Khan": a professional, unless the record says otherwise.
    func markProfessionalTitle(_ model: inout RecordModel, _ i: Int, firstWord: String?) {
        guard let firstWord, model.people.all[i].fieldRole == nil,
              words.kind(lowered: People.withoutDots(firstWord.lowercased())).contains(.professionalTitle) else { return }
        model.people.setFieldRole(.professional, of: i)
        model.people.all[i].addEvidence("titled \(firstWord)")
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

    /// Shorthand for a passive: a harm verb with nothing after it in its clause, "until", or a
    /// place or part of the body ("Mum assaulted, black eye", "Mum strangled until she passed
    /// out", "Mum assaulted in kitchen"). Not the first verb of a list ("Mr Cole punched, kicked
    /// and strangled her") nor an -ing form.
    private func isTelegraphicPassive(_ k: Int, _ l: Int) -> Bool {
        if endsWith(l, "ing") { return false }
        guard l + 1 < tokens.count else { return true }
        let next = tokens[l + 1]
        if next.flags.contains(.hardBreak) { return true }
        if next.flags.contains(.softBreak) { return !harmVerbStarts.contains(l + 1) }
        if compiled.recordWords.kind(of: next, in: document.bytes).contains(.telegraphicPassiveFollower) { return true }
        // "Mum assaulted in kitchen", "V assaulted at home", "Mum punched in the face": a place or
        // a part of the body after it. Not "Dean kicked in the front door" (no place) or "kicked in
        // the kitchen door" (what he damaged).
        guard token(l + 1, is: .harmPlacePreposition) else { return false }
        var j = l + 2
        while j < tokens.count, j <= l + 3, tokens[j].flags.isDisjoint(with: [.hardBreak, .softBreak]), token(j, is: .kinDeterminer) { j += 1 }
        guard j < tokens.count, tokens[j].flags.isDisjoint(with: [.hardBreak, .softBreak]), token(j, is: .harmPlace) else { return false }
        let n = j + 1
        return n >= tokens.count || !tokens[n].flags.isDisjoint(with: [.hardBreak, .softBreak]) || !token(n, is: .harmPlaceObject)
    }

    /// The first token of every harm verb the cues found.
    private lazy var harmVerbStarts = Set((cues[.harmVerb] ?? []).map { Int($0.first) })

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

    /// True when token `i` is the clitic "'s" or "’s".
    func isPossessive(_ i: Int) -> Bool { tokens[i].isPossessive(in: document.bytes) }

    /// The person a name run (or a family word alone) refers to, added if new.
    private func person(_ run: Range<Int>, in model: inout RecordModel) -> Int? {
        run.count == 1 && token(run.lowerBound, is: .kin) ? model.people.person(kin: text(run.lowerBound))
            : person(named: run, in: &model)
    }

    /// `People.person(named:isTitle:kinship:)` of the words of `run`, remembered while the
    /// people stay as they were (a record names the same people again and again).
    func person(named run: Range<Int>, kinship: String? = nil, in model: inout RecordModel) -> Int? {
        guard !run.isEmpty else { return model.people.person(named: [], isTitle: isTitle, kinship: kinship) }
        let start = Int(tokens[run.lowerBound].start), end = Int(tokens[run.upperBound - 1].end)
        // Where each word starts and ends in the run's bytes, a byte each (runs are short).
        var words: UInt64 = 0
        let packable = run.count <= 4 && end - start < 256
        if packable {
            for k in run { words = words << 16 | UInt64(Int(tokens[k].start) - start) << 8 | UInt64(Int(tokens[k].end) - start) }
        }
        guard packable else { return model.people.person(named: texts(run), isTitle: isTitle, kinship: kinship) }
        let key = NameKey(bytes: document.bytes[start..<end], words: words, kinship: kinship)
        if let known = named[key], model.people.unchanged(known.keys, since: known.revision) { return known.index }
        let index = model.people.person(named: texts(run), isTitle: isTitle, kinship: kinship)
        named[key] = (model.people.revision, index, model.people.lastKeys)
        return index
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
    func texts(_ run: Range<Int>) -> [String] { run.map { text($0) } }

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
                if !run.isEmpty, let i = person(named: run, kinship: kinWord, in: &model) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                    continue
                }
            }
            // "Mum (Stacey Webb)": the name in brackets just after the family word.
            if l + 1 < tokens.count, case let g = gap(between: l, and: l + 1), g.contains(0x28), g.allSatisfy({ $0 == 0x20 || $0 == 0x28 }) {
                let run = nameRun(from: l + 1)
                if !run.isEmpty, let i = person(named: run, kinship: kinWord, in: &model) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                    continue
                }
            }
            // "Gaz is mummy's boyfriend", "Dean Morris is the children's father".
            if let run = copularSubject(beforeKinAt: f), let i = person(named: run, kinship: kinWord, in: &model) {
                model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                continue
            }
            // "Dean Morris (father)", "Dean Morris, father"; not "Mum (Stacey Webb), Dad (Liam Webb)",
            // where the name before a closing bracket is someone else's.
            if f > 0, tokens[f].flags.contains(.softBreak), !gap(between: f - 1, and: f).contains(0x29), l + 1 >= tokens.count || tokens[l + 1].flags.contains(.softBreak) || tokens[l + 1].flags.contains(.hardBreak) {
                let run = nameRun(endingAt: f - 1)
                if !run.isEmpty, let i = person(named: run, kinship: kinWord, in: &model) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                    continue
                }
            }
            // "Gavin Pearce (Hollie's former partner; Daisy's father)": the family word closes a
            // bracket that opens just after a name.
            if let open = bracketOpening(before: f), l + 1 >= tokens.count || gap(between: l, and: l + 1).contains(0x29) {
                let run = nameRun(endingAt: open)
                if !run.isEmpty, let i = person(named: run, kinship: kinWord, in: &model) {
                    model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[f].start))): named as \(kinWord)")
                }
            }
        }
    }

    /// "DSL (Mr Kettering)", "Class teacher (Miss Adebayo)": the name in brackets just after an
    /// agency or professional word is a professional's.
    private func readProfessionalBrackets(into model: inout RecordModel) {
        for m in cues[.agency] ?? [] {
            let l = Int(m.last)
            guard l + 1 < tokens.count, !tokens[Int(m.first)].flags.contains(.quoted) else { continue }
            let g = gap(between: l, and: l + 1)
            guard g.contains(0x28), g.allSatisfy({ $0 == 0x20 || $0 == 0x28 }) else { continue }
            let run = nameRun(from: l + 1)
            guard !run.isEmpty, let i = person(run, in: &model), model.people.all[i].fieldRole == nil else { continue }
            model.people.setFieldRole(.professional, of: i)
            model.people.all[i].addEvidence("line \(document.line(of: Int(tokens[l].start))): named after '\(document.text(Int(tokens[Int(m.first)].start), Int(tokens[l].end)))'")
        }
    }

    /// The token just before the "(" of the bracket token `f` stands in, when the bracket opens
    /// within a few words before `f` on its line (and does not close before it); nil otherwise.
    private func bracketOpening(before f: Int) -> Int? {
        var k = f
        while k > 0, f - k < 8 {
            let g = gap(between: k - 1, and: k)
            if g.contains(0x29) || g.contains(0x0A) { return nil }
            if g.contains(0x28) { return k - 1 }
            k -= 1
        }
        return nil
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
            if let i, !(run.count == 1 && token(run.lowerBound, is: .kin)) { markProfessionalTitle(&model, i, firstWord: text(run.lowerBound)) }
            return i
        }
        func note(_ i: Int?, harmed: Bool, verb: Int) {
            guard let i else { return }
            if harmed { model.people.all[i].harmedVotes += 1 } else { model.people.all[i].harmVotes += 1 }
            let line = document.line(of: Int(tokens[verb].start))
            model.people.all[i].addEvidence("line \(line): \(harmed ? "harmed" : "the one who") \(harmed ? "(" : "")\(text(verb))\(harmed ? ")" : "")")
        }
        // Form labels are all read (`readFields`) before this: each one that one person holds.
        let labels = LabelledPeople(model.people)
        for m in cues[.harmVerb] ?? [] {
            let k = Int(m.first), l = Int(m.last)
            if tokens[k].flags.contains(.quoted) { continue }
            // "described controlling behaviour", "re coerced debt": an adjective, not a verb.
            if isAdjective(k, l) { continue }
            // "charged with intentional strangulation": a noun, with no one doing it here.
            if endsWith(l, "tion") { continue }
            // "Mr Khan was controlling and jealous" is not passive: an -ing form after "was" is active.
            if k > 0, token(k - 1, is: .passiveAux), !tokens[k].flags.contains(.softBreak), !endsWith(k, "ing") {
                // Passive: the subject was harmed ("Mum had been punched"); an agent follows "by".
                var e = k - 1
                while e >= 0, !kind(e).isDisjoint(with: [.passiveAux, .perfectAux]) { e -= 1 }
                if e >= 0 {
                    let run = nameRun(endingAt: e)
                    if !run.isEmpty { note(reference(run), harmed: true, verb: k) }
                    else if let woman = pronounIsWoman(e) { model.harmByPronoun.add(woman: woman, harmed: 1) }
                }
                var j = l + 1
                while j < tokens.count && j <= l + 3 && !tokens[j].flags.contains(.hardBreak) {
                    if token(j, is: .by) {
                        var n = j + 1
                        if n < tokens.count, let woman = pronounIsWoman(n) { model.harmByPronoun.add(woman: woman, harm: 1) }
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
            if let lemma = elements[Int(m.pattern)].first?.first?.first?.family {
                let w = lower(k)
                // Only the lemma itself can be its base form.
                if w == lemma, isBareBaseForm(lemma) { continue }
            }
            // After a determiner or a count it is a noun: "Wayne has given Shannon «a few slaps»";
            // after "self" it is self-harm: "Ellie said she «self-harms»".
            if k > 0, token(k - 1, is: .nounMarker) { continue }
            var subject = k..<k
            var labelled: Int? = nil
            if k > 0, !tokens[k].flags.contains(.softBreak), !tokens[k].flags.contains(.hardBreak) {
                let end = subjectEnd(before: k)
                subject = nameRun(endingAt: end)
                if subject.isEmpty && token(end, is: .subjectPronoun) {
                    // "she threw a glass at him": who did it, and to whom, by their pronouns.
                    if let woman = pronounIsWoman(end) { model.harmByPronoun.add(woman: woman, harm: 1) }
                    if let woman = objectPronounIsWoman(after: l) { model.harmByPronoun.add(woman: woman, harmed: 1) }
                    continue
                }
                // "IP claims suspect slapped her": the form's label for someone is that person.
                if subject.isEmpty { labelled = person(labelled: end, in: labels) }
            }
            if subject.isEmpty && labelled == nil {
                subject = nearestNameRun(before: k, subject: true)
                // A form label nearer the verb than that name is the subject: "IP claims suspect
                // slapped her and dragged her".
                labelled = nearestLabelled(before: k, after: subject.isEmpty ? -1 : subject.upperBound - 1, in: labels)
            }
            if let labelled { note(labelled, harmed: false, verb: k) }
            else if !subject.isEmpty { note(reference(subject), harmed: isTelegraphicPassive(k, l), verb: k) }
            if l + 1 < tokens.count, !tokens[l + 1].flags.contains(.softBreak), !tokens[l + 1].flags.contains(.hardBreak) {
                let object = nameRun(from: l + 1)
                if !object.isEmpty { note(reference(object), harmed: true, verb: k) }
                else if let woman = objectPronounIsWoman(after: l) { model.harmByPronoun.add(woman: woman, harmed: 1) }
            }
        }
    }

    /// For a pronoun of a woman or a man at `k` ("she", "him": `gender_exchange`'s pairs, not
    /// family words, which name people), whether it is a woman's; nil for any other word.
    private func pronounIsWoman(_ k: Int) -> Bool? {
        guard !tokens[k].flags.contains(.quoted), !token(k, is: .kin) else { return nil }
        let kind = kind(k)
        guard !kind.isDisjoint(with: [.subjectPronoun, .verbFollower, .agentDeterminer]) else { return nil }
        // "by her partner", "hit his wife": the family word names who, not the pronoun.
        if k + 1 < tokens.count, tokens[k + 1].flags.isDisjoint(with: [.hardBreak, .softBreak]), token(k + 1, is: .kin) { return nil }
        return compiled.genderExchange.isWoman(tokens[k])
    }

    /// The first pronoun of a woman or a man within four words after a harm verb ending at `l`, in
    /// its sentence: whom it was done to ("hit him", "threw a glass at him").
    private func objectPronounIsWoman(after l: Int) -> Bool? {
        var j = l + 1
        while j < tokens.count, j <= l + 4, !tokens[j].flags.contains(.hardBreak) {
            if let woman = pronounIsWoman(j) { return woman }
            j += 1
        }
        return nil
    }

    /// The form labels ("suspect", "ip") that exactly one person holds, with that person.
    struct LabelledPeople {
        var labels: [(label: String, bytes: [UInt8], person: Int)] = []
        init(_ people: People) {
            var holders: [String: [Int]] = [:]
            for (i, p) in people.all.enumerated() {
                // Every one-word label a form gave them: "Applicant: Kerry Hale" after "Mother: …".
                for l in Set([p.fieldLabel].compactMap { $0 } + p.labels) { holders[l, default: []].append(i) }
            }
            for (label, people) in holders.sorted(by: { $0.key < $1.key }) where people.count == 1 {
                labels.append((label, Array(label.utf8), people[0]))
            }
        }
    }

    /// The person whose one-word form label token `k` is, if exactly one holds it.
    func person(labelled k: Int, in people: LabelledPeople) -> Int? {
        guard !people.labels.isEmpty else { return nil }
        let start = Int(tokens[k].start), end = Int(tokens[k].end)
        if !document.bytes[start..<end].contains(where: { $0 >= 0x80 }) {
            // ASCII: lower-cased byte by byte, as `lower` would.
            return document.bytes.withUnsafeBufferPointer { b in
                people.labels.first { Self.isLowered(b, start..<end, $0.bytes) }?.person
            }
        }
        let word = lower(k)
        return people.labels.first { $0.label == word }?.person
    }

    /// The person whose form label stands between token `after` and `k` in `k`'s sentence, nearest
    /// `k` first (within 25 words).
    private func nearestLabelled(before k: Int, after: Int, in people: LabelledPeople) -> Int? {
        guard !people.labels.isEmpty else { return nil }
        var j = k - 1
        while j > after && j >= k - 25 {
            if let i = person(labelled: j, in: people) { return i }
            if tokens[j].flags.contains(.hardBreak) { break }
            j -= 1
        }
        return nil
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
            guard let i = person(named: run, in: &model) else { continue }
            markProfessionalTitle(&model, i, firstWord: text(run.lowerBound))
        }
    }

    private func mentions(of p: Person, outside fieldLines: Set<Int>, in people: People) -> Int {
        let keys = [p.surname, p.forename, p.kinship == nil || p.surname != nil ? nil : p.name].compactMap { $0.map { Array($0.lowercased().utf8) } }
        // The form's label for them, in any case: "IP states suspect put both hands around her
        // throat". A police form's narrative also says "the male" (or "the female") for the
        // person its form field names.
        var labels = [p.fieldLabel].compactMap { $0.map { Array($0.utf8) } }
        if p.fieldLabel != nil { labels.append(Array((people.isFemale(p) == true ? "female" : "male").utf8)) }
        // At most two labels: their lengths are compared without hashing, token by token.
        let labelLengths = labels.map(\.count)
        var n = 0
        document.bytes.withUnsafeBufferPointer { b in
            for t in tokens where t.flags.contains(.capitalised) || labelLengths.contains(Int(t.end - t.start)) {
                let start = Int(t.start)
                func same(_ key: [UInt8]) -> Bool { Self.isLowered(b, start..<Int(t.end), key) }
                let isMention = (t.flags.contains(.capitalised) && keys.contains(where: same)) || labels.contains(where: same)
                if isMention && !fieldLines.contains(document.line(of: start)) { n += 1 }
            }
        }
        return n
    }

    /// Whether `b[range]` lower-cased in ASCII (other bytes as they are) is `key`.
    static func isLowered(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ key: [UInt8]) -> Bool {
        key.count == range.count && key.indices.allSatisfy { i in
            let c = b[range.lowerBound + i]
            return key[i] == (c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
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
            // "A caution in 2018 for assaulting a former partner": another matter.
            let other = (cues[.otherMatter] ?? []).contains { s.contains(Int(tokens[Int($0.first)].start)) }
            model.outcomes.append(Outcome(offset: offset, date: model.date(at: offset),
                                          text: document.text(offset, Int(tokens[Int(m.last)].end)), otherMatter: other))
        }
    }
}
