/// Sentence boundaries, computed on first use.
final class LazySentences: @unchecked Sendable {
    private let document: Document
    private var index: SentenceIndex?
    init(_ document: Document) { self.document = document }
    func sentence(containing offset: Int) -> Range<Int> {
        if index == nil { index = SentenceIndex(document) }
        return index!.sentence(containing: offset)
    }
}

/// Judges raw matches in their context: sentence limits, exceptions, negation, quotation, and
/// overlaps; then builds findings with suggestions and rewrites.
struct Judge {
    let document: Document
    /// The tokens rules are judged on (`findings(from:ruleTokens:)`).
    private(set) var tokens: [Token]
    let compiled: CompiledLexicon
    /// The context automaton's lazily built deterministic form (the checker's, kept across
    /// documents), or nil to scan exactly.
    private let contextDFA: LazyDFA?
    /// The patterns' elements, as this thread has read them.
    private let elements: PatternElements
    private let sentences: LazySentences
    /// What reading the whole record found (people, outcomes, plan actions).
    private(set) var record = RecordModel()
    /// The record cue matches by cue.
    private var cues: [RecordCue: [RawMatch]] = [:]
    /// The record's people as suggestions name them (the same for every finding).
    private var names = (perpetrator: SuggestionTemplate.unknownPerpetrator, victim: SuggestionTemplate.unknownVictim,
                         children: "the children")

    init(document: Document, tokens: [Token], compiled: CompiledLexicon, context: LazyDFA? = nil,
         elements: PatternElements? = nil) {
        self.document = document; self.tokens = tokens; self.compiled = compiled; self.contextDFA = context
        self.elements = elements ?? PatternElements(compiled.patterns)
        self.sentences = LazySentences(document)
    }

    /// Words before a match in which a negation cue cancels it.
    static let negationWindow = 3
    /// Bytes before a quoted match in which a speech verb or colon attributes the quote.
    static let attributionWindow = 250

    private func sentence(of tokenIndex: Int) -> Range<Int> {
        sentences.sentence(containing: Int(tokens[tokenIndex].start))
    }

    private struct Candidate {
        var match: RawMatch
        var rule: Int
        var sentence: Range<Int>
        var quoted: Bool
        var alignment: Alignment.Result
    }

    /// Reads the record as a whole (people, outcomes, plan actions) from the record cues
    /// (`recordCues` matches, over the whole text) and the tokens as written.
    mutating func readRecord(recordCues: [RawMatch]) {
        // Each list in order of last token, then first, then pattern, as every scan returns
        // matches: never in the order the automaton happens to be laid out, so that the reader
        // does not read a record differently because a cue was added elsewhere.
        var byKind = [[RawMatch]](repeating: [], count: RecordCue.allCases.count)
        for m in recordCues { if case .cue(let c) = compiled.patterns.purposes[Int(m.pattern)] { byKind[c.ordinal].append(m) } }
        for c in RecordCue.allCases where !byKind[c.ordinal].isEmpty { cues[c, default: []] += byKind[c.ordinal] }
        let sentenceOf = { [sentences, tokens] (k: Int) in sentences.sentence(containing: Int(tokens[k].start)) }
        record = RecordReader(document: document, tokens: tokens, cues: cues, compiled: compiled, elements: elements, sentenceOf: sentenceOf).read()
        let children = record.children.map(\.display)
        names = (record.perpetrator?.display ?? SuggestionTemplate.unknownPerpetrator,
                 record.victim?.display ?? SuggestionTemplate.unknownVictim,
                 children.isEmpty || children.count > Self.childrenNamed ? "the children" : Self.list(children))
    }

    /// Most children a suggestion names; with more ("stay away from Tia, Jayden, Kian, Ruby, Alfie
    /// and Mia") it says "the children", which reads better and is as clear.
    static let childrenNamed = 4

    /// Judges the rule candidates (`automaton` matches over `ruleTokens`, which are the tokens as
    /// written or, for a record where a woman harms a man, with the sexes' words exchanged) in the
    /// record read by `readRecord(recordCues:)`; scans the context patterns only around them.
    mutating func findings(from ruleMatches: [RawMatch], ruleTokens: [Token]? = nil) -> [Finding] {
        if let ruleTokens { tokens = ruleTokens }
        let rules = compiled.lexicon.rules
        // Matches never cross a sentence boundary.
        var inSentence: [(match: RawMatch, rule: Int, sentence: Range<Int>)] = []
        var windows = ContextWindows(tokens: tokens)
        for m in ruleMatches {
            guard case .rule(let r) = compiled.patterns.purposes[Int(m.pattern)] else { continue }
            // A task with no subject of its own counts only where the reader shows it set the
            // victim ("What we need you to do: 1. End your relationship …"): looked up before
            // anything else is, as most such words are no one's task.
            if rules[r].requires == .victimTask, record.task(at: Int(tokens[Int(m.first)].start))?.forVictim != true { continue }
            let s = sentence(of: Int(m.first))
            if Int(tokens[Int(m.last)].end) > s.upperBound || Int(tokens[Int(m.first)].start) < s.lowerBound { continue }
            inSentence.append((m, r, s))
            windows.need(contextTokens(of: m, sentence: s))
        }
        var exceptions: [Int: [RawMatch]] = [:]
        var unless: [Int: [RawMatch]] = [:]
        var negations: [RawMatch] = []
        var speech: [RawMatch] = []
        let segments = windows.segments()
        let contextMatches = contextDFA.map { compiled.context.scan(tokens, ranges: segments, using: $0) }
            ?? compiled.context.scan(tokens, ranges: segments)
        for m in contextMatches {
            switch compiled.patterns.purposes[Int(m.pattern)] {
            case .exception(let r): exceptions[r, default: []].append(m)
            case .unless(let r): unless[r, default: []].append(m)
            case .negation: negations.append(m)
            case .speech: speech.append(m)
            case .rule, .cue: break
            }
        }
        let newMatter = cues[.newMatter] ?? []
        let otherMatterMentions = cues[.otherMatterMention] ?? []
        var candidates: [Candidate] = []
        for (m, r, s) in inSentence {
            // The rule's fields read in place: a copy of a rule retains each of its many fields.
            let category = rules[r].category
            if let ex = exceptions[r], overlaps(ex, m, sentence: s) { continue }
            if let un = unless[r], anyIn(un, s) { continue }
            if rules[r].requires == .priorOutcome {
                guard record.outcome(before: Int(tokens[Int(m.first)].start), otherMatterToo: anyIn(otherMatterMentions, s)) != nil,
                      !anyIn(newMatter, s) else { continue }
            }
            if rules[r].negation == .cancels, negated(m, negations, sentence: s) { continue }
            // No victim-tasking in an item whose heading sets it someone else ("Mr Pell will: -
            // make sure the children do not see him drunk").
            if category == .victimTasked, let task = record.task(at: Int(tokens[Int(m.first)].start)), task.fromHeading, !task.forVictim { continue }
            let alignment = Alignment.align(elements[Int(m.pattern)], tokens, first: Int(m.first), last: Int(m.last)) ?? Alignment.Result()
            if aboutPersonCausingHarm(category, m, compiled.patterns.roles[Int(m.pattern)], alignment) { continue }
            if excuseAboutSomeoneElse(category, compiled.patterns.roles[Int(m.pattern)], alignment) { continue }
            candidates.append(Candidate(match: m, rule: r, sentence: s, quoted: isAttributedQuote(m, sentence: s, speech: speech), alignment: alignment))
        }
        // Overlaps: the most specific match wins. Sorted by index, then put in that order once:
        // a candidate is large, and the sort would move it many times.
        candidates = candidates.withUnsafeBufferPointer { c in
            c.indices.sorted { i, j in
                let la = c[i].match.last - c[i].match.first, lb = c[j].match.last - c[j].match.first
                if la != lb { return la > lb }
                let sa = c[i].alignment.literals, sb = c[j].alignment.literals
                if sa != sb { return sa > sb }
                let va = rules[c[i].rule].severity, vb = rules[c[j].rule].severity
                if va != vb { return va > vb }
                if c[i].rule != c[j].rule { return c[i].rule < c[j].rule }
                return c[i].match.first < c[j].match.first
            }.map { c[$0] }
        }
        // A match loses to a more specific one it overlaps when it has the same category, or when
        // it is the start of it ("«a domestic» between Ms Lowe and her ex-partner" is one problem,
        // however it is named). Across categories, a match that starts later is a second problem
        // and is kept ("Financial difficulties have led to «a lot of arguments»": an excuse, and
        // mutual-sounding arguments), as is a partial overlap.
        var taken: [(range: ClosedRange<Int32>, category: Category)] = []
        var out: [Finding] = []
        for c in candidates {
            let range = c.match.first...c.match.last
            let category = rules[c.rule].category
            if taken.contains(where: { t in
                t.range.overlaps(range) && (t.category == category || (t.range.lowerBound == range.lowerBound && range.upperBound <= t.range.upperBound))
            }) { continue }
            taken.append((range, category))
            out.append(finding(for: c))
        }
        out += fileFindings(spans: out)
        return out.indices.sorted { (out[$0].start ?? Int.max, out[$0].rule) < (out[$1].start ?? Int.max, out[$1].rule) }.map { out[$0] }
    }

    // MARK: context lookups. Match lists are in order of their last token: binary search.

    /// Index of the first match in `list` whose last token is at or after `k`.
    private func lowerBound(_ list: [RawMatch], lastAtLeast k: Int32) -> Int {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid].last < k { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// True when a match of `list` starts inside the byte range `s`.
    private func anyIn(_ list: [RawMatch], _ s: Range<Int>) -> Bool {
        guard let firstToken = firstToken(atOrAfter: s.lowerBound) else { return false }
        var i = lowerBound(list, lastAtLeast: Int32(firstToken))
        while i < list.count {
            let start = Int(tokens[Int(list[i].first)].start)
            if s.contains(start) { return true }
            if Int(tokens[Int(list[i].last)].start) >= s.upperBound { return false }
            i += 1
        }
        return false
    }

    /// True when a match of `list` in the same sentence shares a word with `m`.
    private func overlaps(_ list: [RawMatch], _ m: RawMatch, sentence s: Range<Int>) -> Bool {
        var i = lowerBound(list, lastAtLeast: m.first)
        while i < list.count && list[i].first <= m.last + 64 {
            let x = list[i]
            if x.first <= m.last && x.last >= m.first && s.contains(Int(tokens[Int(x.first)].start)) { return true }
            i += 1
        }
        return false
    }

    /// True when a negation cue ends within the few words before `m`, in its sentence.
    private func negated(_ m: RawMatch, _ cues: [RawMatch], sentence s: Range<Int>) -> Bool {
        var i = lowerBound(cues, lastAtLeast: Int32(negationWindowStart(m)))
        while i < cues.count && cues[i].last < m.first {
            if s.contains(Int(tokens[Int(cues[i].first)].start)) { return true }
            i += 1
        }
        return false
    }

    /// The first token of the negation window before `m`: `negationWindow` words, where a titled
    /// name counts as one ("There is no suggestion that Mrs Dhillon has failed to protect").
    private func negationWindowStart(_ m: RawMatch) -> Int {
        var j = Int(m.first) - 1, words = 0
        while j >= 0 && words < Self.negationWindow {
            // Up to two capitalised words after a title: "Mrs Dhillon", "Ms Kelly Grant".
            var k = j
            while k >= 0, j - k < 2, tokens[k].flags.contains(.capitalised), !isPersonTitle(k),
                  k == j || !tokens.lineBreak(before: k + 1, in: document.bytes) { k -= 1 }
            j = k >= 0 && k < j && isPersonTitle(k) ? k - 1 : j - 1
            words += 1
        }
        return j + 1
    }

    private func isPersonTitle(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.end - t.start <= 4 && compiled.recordWords.person.titles.contains(document.text(Int(t.start), Int(t.end)).lowercased())
    }

    /// Categories whose critique needs the words' subject to be the adult victim.
    static let victimSubjectCategories: Set<Category> = [.victimBlaming, .victimTasked, .pathologising, .doubting]

    /// True when an excuse rule's subject is a name (`<Name>` opening the pattern, alone or with
    /// `@perpetrator`) that the record does not show to be the person causing harm: "Kyle is under
    /// a lot of pressure" excuses Kyle, the father; "Zofia has been under pressure" says nothing
    /// about anyone's abuse. A name counts unless the record shows that person to be the victim, a
    /// child or a professional, or of the other sex than the one that harms in this record; role
    /// words ("he", "Dad") and names the record says nothing else about always count.
    private func excuseAboutSomeoneElse(_ category: Category, _ roles: [String?], _ alignment: Alignment.Result) -> Bool {
        guard category == .perpetratorExcuse, let first = roles.first, first == "name" || first == "perpetrator",
              let r = alignment.ranges[1] else { return false }
        let kinds = tokens[r].map { compiled.recordWords.kind(of: $0, in: document.bytes) }
        if kinds.contains(where: { !$0.isDisjoint(with: [.kin, .subjectPronoun, .title]) }) { return false }
        guard tokens[r].allSatisfy({ $0.flags.contains(.capitalised) }) else { return false }
        let words = tokens[r].map { document.text(Int($0.start), Int($0.end)) }
        guard let person = record.people.referent(of: words) else { return false }
        switch person.role {
        case .personCausingHarm: return false
        case .victim, .child, .professional: return true
        case .unknown: return record.people.isFemale(person).map { $0 != record.womanHarmsMan } ?? false
        }
    }

    /// True when a victim-directed rule's subject ("Mum", "Ms Grant": its `@victim` words, a
    /// `<Name>` that opens the pattern, or for a pathologising label without either the name just
    /// before the match, as in "Lee «was very hostile to the social worker»") refers, by the record's own
    /// evidence, to the person causing harm: an abusive mother set actions in a plan is good
    /// practice, not a victim set to manage her abuser. A pronoun is resolved only when the record
    /// shows exactly one adult of the family it can be (`People.referent(ofPronoun:)`). A
    /// pathologising label whose subject the record shows to be a child or a professional is not
    /// about the adult victim either, and passes too.
    private func aboutPersonCausingHarm(_ category: Category, _ m: RawMatch, _ roles: [String?], _ alignment: Alignment.Result) -> Bool {
        guard Self.victimSubjectCategories.contains(category) else { return false }
        var subjects: [ClosedRange<Int>] = []
        for (i, role) in roles.enumerated() where role == "victim" || (i == 0 && role == "name") {
            if let r = alignment.ranges[i + 1] { subjects.append(r) }
        }
        // A label with no subject in its pattern describes the name just before it.
        if category == .pathologising, !roles.contains(where: { $0 == "victim" || $0 == "name" }) {
            if let r = coordinatedSubject(of: m) ?? nameRun(endingBefore: Int(m.first)) { subjects.append(r) }
        }
        for (n, var r) in subjects.enumerated() {
            // "Jason «Webb was …»": the forename just before a name that opens the pattern is its own.
            if n == 0, roles.first == "name" || roles.first == "victim" { r = nameStart(before: r.lowerBound)...r.upperBound }
            // "Ms «Grant to keep …»": a title just before the name belongs to it.
            if r.lowerBound > 0, isPersonTitle(r.lowerBound - 1) { r = (r.lowerBound - 1)...r.upperBound }
            let words = tokens[r].map { document.text(Int($0.start), Int($0.end)) }
            let referent = words.count == 1 ? record.people.referent(ofPronoun: words[0]) ?? record.people.referent(of: words)
                : record.people.referent(of: words)
            if referent?.role == .personCausingHarm { return true }
            // A label about a child or a professional is not about the adult victim either.
            if category == .pathologising, referent?.role == .child || referent?.role == .professional { return true }
        }
        return false
    }

    /// For a label that opens with "and" or "but" ("Mum was very defensive … «and became quite
    /// hostile»"), the subject it shares with the sentence: the sentence's first name, family word
    /// or "she"/"he" before it. nil when the match does not open a coordinated clause.
    private func coordinatedSubject(of m: RawMatch) -> ClosedRange<Int>? {
        let f = Int(m.first)
        func isCoordinator(_ k: Int) -> Bool {
            compiled.recordWords.kind(of: tokens[k], in: document.bytes).contains(.coordinator)
        }
        let coordinator = isCoordinator(f) ? f : f > 0 && isCoordinator(f - 1) ? f - 1 : nil
        guard let coordinator else { return nil }
        let s = sentence(of: f)
        var k = coordinator
        while k > 0, Int(tokens[k - 1].start) >= s.lowerBound, !tokens[k].flags.contains(.hardBreak) { k -= 1 }
        while k < coordinator {
            let t = tokens[k]
            let kind = compiled.recordWords.kind(of: t, in: document.bytes)
            // An owner is not the subject: "Jayden's teacher said Mum … and is difficult to work with".
            if k + 1 < coordinator, tokens[k + 1].isPossessive(in: document.bytes) { k += 2; continue }
            if !t.flags.contains(.quoted) {
                let lower = document.text(Int(t.start), Int(t.end)).lowercased()
                if lower == "she" || lower == "he" || kind.contains(.kin) { return k...k }
                if t.flags.contains(.capitalised), !t.flags.contains(.number), !kind.contains(.notName), lower != "i" {
                    var e = k
                    while e + 1 < coordinator, e - k < 2, tokens[e + 1].flags.contains(.capitalised),
                          !tokens[e + 1].flags.contains(.softBreak), !tokens[e + 1].flags.contains(.hardBreak),
                          !tokens.lineBreak(before: e + 1, in: document.bytes) { e += 1 }
                    return k...e
                }
            }
            k += 1
        }
        return nil
    }

    /// Where the name whose last word opens a match at `k` starts: "Kerry «Webb to call 999»",
    /// "Jason «Webb was …»". Up to two capitalised words just before it, on the same line and with
    /// nothing between, when the whole is a name the record knows (a title stays out: callers
    /// add it).
    private func nameStart(before k: Int) -> Int {
        // Only a name: not "Mum", "she" or a title.
        let own = tokens[k]
        guard own.flags.contains(.capitalised), !own.flags.contains(.notName), !own.flags.contains(.number),
              compiled.recordWords.kind(of: own, in: document.bytes).isDisjoint(with: [.notName, .title, .kin, .subjectPronoun]) else { return k }
        var j = k
        while j > 0, k - j < 2, !tokens[j].flags.contains(.softBreak), !tokens[j].flags.contains(.hardBreak),
              !tokens.lineBreak(before: j, in: document.bytes) {
            let t = tokens[j - 1]
            guard t.flags.contains(.capitalised), !t.flags.contains(.number), !t.flags.contains(.notName), !t.flags.contains(.quoted),
                  compiled.recordWords.kind(of: t, in: document.bytes).isDisjoint(with: [.notName, .title, .kin]),
                  !isShouted(t) else { break }
            j -= 1
        }
        // Only a name the record knows: not "Later «Mum …»" at a sentence's start.
        guard j < k, record.people.referent(of: tokens[j...k].map { document.text(Int($0.start), Int($0.end)) }) != nil else { return k }
        return j
    }

    /// A word in capitals throughout ("ADVICE GIVEN TO IP"), which in a log written in capitals
    /// says nothing about being a name.
    private func isShouted(_ t: Token) -> Bool {
        let b = document.bytes
        var p = Int(t.start), upper = 0
        while p < Int(t.end) {
            let c = b[p]
            if c >= 0x61 && c <= 0x7A { return false }
            if c >= 0x41 && c <= 0x5A { upper += 1 }
            p += 1
        }
        return upper >= 2
    }

    /// The capitalised words (up to three) just before token `k` in its clause: "Lee «was …»",
    /// "Ms Kelly Grant «has …»".
    private func nameRun(endingBefore k: Int) -> ClosedRange<Int>? {
        var j = k - 1
        while j >= 0, k - j <= 3, tokens[j].flags.contains(.capitalised), !tokens[j].flags.contains(.number),
              !tokens[j + 1].flags.contains(.softBreak), !tokens[j + 1].flags.contains(.hardBreak),
              j + 1 == k || !tokens.lineBreak(before: j + 1, in: document.bytes) || isPersonTitle(j) { j -= 1 }
        return j + 1 < k ? (j + 1)...(k - 1) : nil
    }

    /// The first token starting at or after byte `offset`.
    func firstToken(atOrAfter offset: Int) -> Int? { tokens.firstIndex(startingAtOrAfter: offset) }

    /// True when every word of the match is inside quotation marks and the quote is attributed
    /// (a speech verb, or a colon, shortly before it or in the same sentence).
    private func isAttributedQuote(_ m: RawMatch, sentence s: Range<Int>, speech: [RawMatch]) -> Bool {
        guard isQuoted(m) else { return false }
        let matchStart = Int(tokens[Int(m.first)].start)
        let windowStart = attributionWindowStart(m)
        if let from = firstToken(atOrAfter: windowStart) {
            var i = lowerBound(speech, lastAtLeast: Int32(from))
            while i < speech.count {
                let cue = speech[i]
                let start = Int(tokens[Int(cue.first)].start)
                if start >= s.upperBound { break }
                if !(cue.last >= m.first && cue.first <= m.last) && start >= windowStart { return true }
                i += 1
            }
        }
        var p = matchStart - 1
        while p >= windowStart {
            let c = document.bytes[p]
            if c == 0x3A { return true }                     // "Mr Khan: 'she ...'"
            if c == 0x0A && p > 0 && document.bytes[p - 1] == 0x0A { break }
            p -= 1
        }
        return false
    }

    private func finding(for c: Candidate) -> Finding {
        let rule = compiled.lexicon.rules[c.rule]
        let matchFirst = Int(c.match.first), matchLast = Int(c.match.last)
        // A name opening the pattern takes its forename along: "«Kerry Webb to call 999»", not
        // "Kerry «Webb to call 999»" (whose rewrite left "Kerry" before the suggestion).
        let opener = compiled.patterns.roles[Int(c.match.pattern)].first
        let first = rule.suggestion != nil && !c.quoted && (opener == "name" || opener == "victim")
            ? nameStart(before: matchFirst) : matchFirst
        // A suggestion for the whole clause replaces it to its end when the match stops inside it.
        let last = rule.replacesClause && !c.quoted ? clauseEnd(first: first, last: matchLast, sentence: c.sentence) : matchLast
        let start = Int(tokens[first].start), end = Int(tokens[last].end)
        let pos = document.position(of: start)
        var suggestion: String? = nil
        var rewrite: String? = nil
        if var template = rule.suggestion, !c.quoted {
            // Written for a man harming a woman: in a record of a woman harming a man, its own
            // "him" and "her" change places (the names filled in do not).
            if record.womanHarmsMan { template = compiled.genderExchange.exchangeWords(in: template, words: compiled.recordWords) }
            suggestion = SuggestionTemplate.render(template, templateValues(c.alignment, last: template.containsBytes(of: "-}") ? last : nil,
                                                                         roles: compiled.patterns.roles[Int(c.match.pattern)],
                                                                         nameFrom: first < matchFirst ? first : nil))
        }
        if var s = suggestion {
            let atSentenceStart = first == 0 || Int(tokens[first - 1].start) < c.sentence.lowerBound
            if atSentenceStart { s = s.capitalisedFirst }
            suggestion = s
            rewrite = Self.collapseSpaces(Self.joined(document.text(c.sentence.lowerBound, start), s) + document.text(end, c.sentence.upperBound))
        }
        return Finding(rule: rule.id, category: rule.category, severity: c.quoted ? .info : rule.severity, scope: .span,
                       line: pos.line, column: pos.column, start: start, end: end, text: document.text(start, end),
                       message: rule.message, suggestion: suggestion, rewrite: rewrite,
                       context: c.quoted ? "quoted" : nil, sentence: c.sentence)
    }

    /// The last token of the clause a match of `first...last` leaves open: `last` itself unless
    /// the match has opened a clause after its first word ("call the police «if he» returns";
    /// "should Dad return") or ends on a word that needs what follows (`open_end`: "no contact
    /// with «» Ryan"; an -ing verb: "stop him coming «» round"). Then the clause runs on until a
    /// punctuation mark, the sentence's end or a `clause_joiner` ("and", "or").
    private func clauseEnd(first: Int, last: Int, sentence: Range<Int>) -> Int {
        guard last + 1 < tokens.count else { return last }
        let next = tokens[last + 1]
        guard Int(next.end) <= sentence.upperBound, !next.flags.contains(.softBreak), !next.flags.contains(.hardBreak) else { return last }
        let words = compiled.recordWords, b = document.bytes
        if words.kind(of: next, in: b).contains(.clauseJoiner) { return last }
        var open = words.kind(of: tokens[last], in: b).contains(.openEnd)
        if !open {
            // An -ing verb with no object yet: "stop him «coming» round if he can't behave".
            let t = tokens[last]
            let e = Int(t.end)
            open = e - Int(t.start) > 4 && b[e - 3] | 0x20 == 0x69 && b[e - 2] | 0x20 == 0x6E && b[e - 1] | 0x20 == 0x67
        }
        var k = first + 1
        while !open && k <= last {
            let kind = words.kind(of: tokens[k], in: b)
            if kind.contains(.subordinator) { open = true }
            if kind.contains(.invertedSubordinator), k + 1 <= last {
                let after = tokens[k + 1]
                let ak = words.kind(of: after, in: b)
                if ak.contains(.subjectPronoun) || ak.contains(.kin) || after.flags.contains(.capitalised) { open = true }
            }
            k += 1
        }
        guard open else { return last }
        var end = last
        while end + 1 < tokens.count {
            let t = tokens[end + 1]
            if Int(t.end) > sentence.upperBound || t.flags.contains(.softBreak) || t.flags.contains(.hardBreak) { break }
            if words.kind(of: t, in: b).contains(.clauseJoiner) { break }
            end += 1
        }
        return end
    }

    /// What a suggestion can fill in from a match aligned as `a`; the elements' tails (`{N-}`)
    /// only when given the match's last token.
    private func templateValues(_ a: Alignment.Result, last: Int?, roles: [String?], nameFrom: Int? = nil) -> SuggestionTemplate.Values {
        var elements = [String?](repeating: nil, count: a.ranges.highest + 1)
        var tails = [String?](repeating: nil, count: roles.count + 1)
        // "The children …" at the start of a sentence reads "the children" once moved.
        func moved(_ text: String) -> String {
            let first = text.drop { $0 == " " }.prefix { $0 != " " }
            guard !first.isEmpty, Self.functionWords.contains(String(first)) else { return text }
            return first.lowercased() + text.dropFirst(first.count)
        }
        for (e, r) in a.ranges.all {
            // The opening name with the forename before it (`nameStart`).
            let from = e == 1 ? nameFrom ?? r.lowerBound : r.lowerBound
            elements[e] = moved(document.text(Int(tokens[from].start), Int(tokens[r.upperBound].end)))
        }
        // Element N's tail starts after the last element before it that matched (a gap, which
        // skips words, has no range of its own): "to contact «Northvale Women's Centre»".
        if let last, let first = a.ranges.all.map(\.range.lowerBound).min() {
            var from = first
            for e in 1..<tails.count {
                if from <= last { tails[e] = moved(document.text(Int(tokens[from].start), Int(tokens[last].end))) }
                if let r = a.ranges[e] { from = r.upperBound + 1 }
            }
        }
        var form: WordForm? = nil
        if let (lemma, k) = a.family {
            form = compiled.lexicon.morphology.form(of: compiled.vocabulary.word(tokens[k].id), lemma: lemma)
        }
        // `{who}`: the victim element, or a name opening the pattern.
        let whoElement = roles.indices.first { roles[$0] == "victim" || ($0 == 0 && roles[$0] == "name") }
        return SuggestionTemplate.Values(perpetrator: names.perpetrator, victim: names.victim, children: names.children,
                                         elements: elements, tails: tails, who: whoElement.flatMap { $0 + 1 < elements.count ? elements[$0 + 1] : nil },
                                         form: form, morphology: compiled.lexicon.morphology)
    }

    /// The sentence up to a match and the suggestion that replaces it. An article just before the
    /// match goes when the suggestion brings its own or opens with a name: "Police attended a
    /// «DV incident»" → "… attended an incident in which …", not "a an incident"; "A «domestic
    /// occurred»" → "Dean Morris abused …".
    static func joined(_ before: String, _ suggestion: String) -> String {
        // Most matches follow no article: its bytes say so without reading Characters.
        guard endsWithArticle(before) else { return before + suggestion }
        let trimmed = before.reversed().drop { $0 == " " }
        let article = String(trimmed.prefix { $0 != " " }.reversed())
        let opensWithOwn = suggestion.first.map { $0 == "[" || $0.isUppercase } ?? false
            || ["a", "an", "the"].contains(suggestion.prefix { $0 != " " }.lowercased())
        guard ["a", "an", "the"].contains(article.lowercased()), opensWithOwn else { return before + suggestion }
        let rest = String(trimmed.dropFirst(article.count).reversed())
        // The article opened the sentence: the suggestion does now.
        if rest.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) { return rest + suggestion.capitalisedFirst }
        return rest + suggestion
    }

    /// Whether the last word of `s` (before trailing spaces) is "a", "an" or "the" in any case.
    private static func endsWithArticle(_ s: String) -> Bool {
        var word: UInt32 = 0, length = 0
        for c in s.utf8.reversed().drop(while: { $0 == 0x20 }) {
            if c == 0x20 { break }
            length += 1
            guard length <= 3 else { return false }
            word = word << 8 | UInt32(c | 0x20)   // read backwards: "the" is e, h, t
        }
        return length == 1 ? word == 0x61 : length == 2 ? word == 0x6E61 : length == 3 && word == 0x656874
    }

    /// Capitalised only because they start a sentence.
    static let functionWords: Set<String> = ["The", "A", "An", "His", "Her", "Their", "Its", "This", "That", "These",
                                             "Those", "She", "He", "They", "It", "We", "Both", "All"]

    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// File-level findings: the plan sets the victim protective actions and the person causing harm
    /// none; abuse is recorded but the person causing it is never named or never dealt with.
    private func fileFindings(spans: [Finding]) -> [Finding] {
        var out: [Finding] = []
        let counted = spans.filter { $0.context == nil }
        for rule in compiled.lexicon.rules {
            guard let signal = rule.signal else { continue }
            let raised: Bool
            switch signal {
            case .planImbalance:
                let actionLines = Set(record.actions.map(\.line))
                let tasked = counted.filter { $0.category == .victimTasked && actionLines.contains($0.line ?? -1) }
                // The plan sets the victim, as the record shows her, an action of her own, even
                // in words no rule knows ("Mr Pell to use his pendant alarm if he feels unsafe").
                // Not where a child is the one who harms: his actions are set him as a child.
                let childHarms = record.people.all.contains { $0.role == .child && $0.harmVotes > 0 }
                let victimActs = !childHarms && record.actions.contains { $0.role == .victim && !$0.isAgency }
                guard !tasked.isEmpty || victimActs else { raised = false; break }
                // Who the tasked findings set to act: their opening words ("Dionne to sign …").
                // A man named later in one ("… she will not let Mr Whitby in") is not tasked.
                let taskedText = tasked.compactMap { $0.text?.lowercased() }
                // A line that sets two family members one action ("Natalie and Craig to be referred
                // to Relate") is joint work, not an action of his own.
                var familyActors: [Int: Int] = [:]
                for a in record.actions where !a.isAgency { familyActors[a.sentence, default: 0] += 1 }
                let perpetratorActions = record.actions.filter { a in
                    if a.role == .personCausingHarm { return familyActors[a.sentence, default: 0] < 2 }
                    if a.forVictim { return false }
                    if record.perpetrator != nil || a.isAgency || [.victim, .child, .professional].contains(a.role) { return false }
                    let actor = a.actor.lowercased()
                    return !taskedText.contains { $0.hasPrefix(actor) }
                }
                raised = perpetratorActions.isEmpty
            case .unnamed:
                // Named: someone the record shows causing harm, or a named adult whose role is not
                // victim, child or professional.
                let abuse = record.recordsAbuse || counted.contains { $0.category == .absentPerpetrator }
                // When the record shows who causes harm, only their name counts: a family word
                // alone ("Dad", "her partner") does not name him, and the mother's name does not
                // name him either.
                let harmers = record.people.all.filter { $0.role == .personCausingHarm || $0.harmVotes > 0 }
                let named = !harmers.isEmpty ? harmers.contains { $0.forename != nil || $0.surname != nil }
                    : record.people.all.contains { p in
                        if [.victim, .child, .professional].contains(p.role) { return false }
                        // With no one shown causing harm, a woman of the family is most likely the
                        // adult victim, not the person who harms her.
                        if record.people.isFemale(p) == true { return false }
                        // A full name, a titled surname, or a first name the record ties to the
                        // family ("Gaz is mummy's boyfriend").
                        return (p.forename != nil && p.surname != nil) || (p.title != nil && p.surname != nil)
                            || (p.kinship != nil && p.forename != nil)
                    }
                var neverDealtWith = false
                if let p = record.perpetrator, p.harmVotes == 0, record.perpetratorMentions == 0,
                   !record.actions.contains(where: { $0.role == .personCausingHarm }) { neverDealtWith = true }
                raised = abuse && (!named || neverDealtWith)
            }
            if raised {
                out.append(Finding(rule: rule.id, category: rule.category, severity: rule.severity, scope: .file,
                                   message: rule.message))
            }
        }
        return out
    }

    /// `s` with each run of white space made one space, and none at either end.
    static func collapseSpaces(_ s: String) -> String {
        if SimpleText.whiteSpaceStandsAlone(in: s) { return collapseASCIISpaces(s) }
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        return out
    }

    /// `collapseSpaces` on the bytes, for text whose white space stands alone (`SimpleText`):
    /// tab, line feed, vertical tab, form feed, carriage return and space.
    private static func collapseASCIISpaces(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for c in s.utf8 {
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) { space = true; continue }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
