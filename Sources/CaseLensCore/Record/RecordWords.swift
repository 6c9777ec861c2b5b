/// The words the record reader tests text against (titles, family words, words that never start a
/// name, form-field labels …), looked up by their lower-cased UTF-8 bytes. Built once per compiled
/// lexicon, so reading a record builds no sets and, for ASCII words, no strings. A class, so that
/// it is shared rather than copied.
final class RecordWords: Sendable {
    /// What a word is to the record reader; a word can be several things.
    struct Kind: OptionSet, Sendable {
        let rawValue: UInt64
        /// "mr", "dr", "dc": may lead a name.
        static let title = Kind(rawValue: 1 << 0)
        /// "dr", "dc", "nurse": marks a professional.
        static let professionalTitle = Kind(rawValue: 1 << 1)
        /// "father", "mum": a family word.
        static let kin = Kind(rawValue: 1 << 2)
        /// "the", "police", "monday": capitalised, but never a name.
        static let notName = Kind(rawValue: 1 << 3)
        /// "was", "been", "got": before a harm verb, makes it passive.
        static let passiveAux = Kind(rawValue: 1 << 4)
        /// "had", "has", "have".
        static let perfectAux = Kind(rawValue: 1 << 5)
        /// "had", "then", "repeatedly": may stand between a subject and its verb ("Mr Platt had kicked").
        static let betweenSubjectAndVerb = Kind(rawValue: 1 << 6)
        /// "the", "her", "'s", "whose": before a family word, the name that follows is theirs.
        static let kinDeterminer = Kind(rawValue: 1 << 7)
        /// "her", "the", "mum's": may stand between "by" and the agent ("by her ex-partner").
        static let agentDeterminer = Kind(rawValue: 1 << 8)
        /// "he", "she", "who": a subject that names no one.
        static let subjectPronoun = Kind(rawValue: 1 << 9)
        /// "not", "n't", "never": before an outcome, it did not happen.
        static let negation = Kind(rawValue: 1 << 10)
        /// "and", "&", "both": between the actors of a plan action.
        static let actorJoiner = Kind(rawValue: 1 << 11)
        /// "action", "actions": a label before a plan action ("Action: Mum to …").
        static let actionLabel = Kind(rawValue: 1 << 12)
        /// "by": introduces the agent of a passive verb.
        static let by = Kind(rawValue: 1 << 13)
        /// "a", "few", "self": before a harm word, it is a noun ("a few slaps") or self-harm, with
        /// no subject to read.
        static let nounMarker = Kind(rawValue: 1 << 14)
        /// "at", "to", "towards": a name or family word after one (and its determiner) is an
        /// object, not the subject of a later verb ("shouts at her mother … and threw").
        static let objectMarker = Kind(rawValue: 1 << 15)
        /// "him", "the", "out", "and": after an -ing or -ed harm word, it is a verb ("kicked out
        /// at", "punched him"); after any other word it qualifies it ("controlling behaviour").
        static let verbFollower = Kind(rawValue: 1 << 16)
        /// "is", "was": between a name and a family word, ties them ("Gaz is mummy's boyfriend").
        static let copula = Kind(rawValue: 1 << 17)
        /// "and", "but": a label after one shares the sentence's subject ("… and became hostile").
        static let coordinator = Kind(rawValue: 1 << 18)
        /// "be": after a plan's action word and before a service word, the action is done for
        /// the actor ("Mr Reid to be referred").
        static let planPassiveAux = Kind(rawValue: 1 << 19)
        /// "referred", "offered": services a plan arranges for someone, not their own actions.
        static let serviceParticiple = Kind(rawValue: 1 << 20)
        /// "supported", "helped": a service word that "to" and a verb may follow, giving the
        /// actor a task after all ("Mum to be supported to apply for an order").
        static let participleBeforeVerb = Kind(rawValue: 1 << 21)
        /// "advised", "told": opening a duty-log line, the person after it is set the action
        /// ("Advised Mum to ring 999 if he comes back").
        static let adviceVerb = Kind(rawValue: 1 << 22)
        /// "agree", "understand": after "I, NAME," it opens a written agreement in that person's
        /// own voice ("I, Shannon Birch, agree to the following").
        static let declarationVerb = Kind(rawValue: 1 << 23)
        /// "until": straight after a harm verb with a subject, shorthand for a passive ("Mum
        /// strangled until she passed out").
        static let telegraphicPassiveFollower = Kind(rawValue: 1 << 24)
        /// "agreement": a record with one may hold a parent's agreement in the first person.
        static let agreementWord = Kind(rawValue: 1 << 25)
        /// "Dear": before a name at the start of a line, it opens a letter to that person.
        static let letterGreeting = Kind(rawValue: 1 << 26)
        /// "call", "end", "keep", "do": opening a list item with no actor of its own, it makes
        /// the item an action of whoever its heading or letter names ("What we need you to do:
        /// 1. End your relationship with Mr Pell").
        static let imperativeVerb = Kind(rawValue: 1 << 27)
        /// "agreed", "will": after a person in a heading, the items under it are that person's
        /// ("Ms Ryan agreed:", "Mr Pell will:").
        static let headingVerb = Kind(rawValue: 1 << 28)
        /// "nan", "uncle": a relative whose actions in a plan are not the adult victim's.
        static let relativeKin = Kind(rawValue: 1 << 29)
        /// "with", "for": before a person in a heading, the items under it are that person's
        /// ("Safety plan agreed with Sophie:", "Actions for Mum:").
        static let headingPreposition = Kind(rawValue: 1 << 30)
        /// "with", "from", "was": after an item's first word, it makes that word a noun, not an
        /// action ("Contact with Dad supervised", "Call from Mum at 10:00").
        static let nounFollower = Kind(rawValue: 1 << 31)
        /// "in", "at": after a harm verb with a named subject, before a place or a part of the
        /// body, it makes the verb a shorthand passive ("Mum assaulted in kitchen").
        static let harmPlacePreposition = Kind(rawValue: 1 << 32)
        /// "kitchen", "home", "face": the place or part of the body of a shorthand passive.
        static let harmPlace = Kind(rawValue: 1 << 33)
        /// "door", "window": after a place word, what was damaged, so the verb is active
        /// ("Dean kicked in the kitchen door").
        static let harmPlaceObject = Kind(rawValue: 1 << 34)
        /// "if", "when": inside a match (not first), the match has opened a clause that its
        /// rewrite must take to its end ("call the police if he «» returns").
        static let subordinator = Kind(rawValue: 1 << 35)
        /// "should": a subordinator when a subject follows it ("should Dad return").
        static let invertedSubordinator = Kind(rawValue: 1 << 36)
        /// "with", "the", "'s": a match that ends on one has left its phrase open ("no contact
        /// with «» Ryan").
        static let openEnd = Kind(rawValue: 1 << 37)
        /// "and", "or", "then": ends the clause a rewrite runs on to.
        static let clauseJoiner = Kind(rawValue: 1 << 38)
    }

    /// The grammar lists of `record.yaml` and what each makes a word.
    static let grammarLists: [String: Kind] = [
        "not_name": .notName, "passive_aux": .passiveAux, "perfect_aux": .perfectAux,
        "between_subject_and_verb": .betweenSubjectAndVerb, "kin_determiner": .kinDeterminer,
        "agent_determiner": .agentDeterminer, "subject_pronoun": .subjectPronoun, "negation": .negation,
        "actor_joiner": .actorJoiner, "action_label": .actionLabel, "agent_marker": .by,
        "noun_marker": .nounMarker, "object_marker": .objectMarker, "verb_follower": .verbFollower,
        "copula": .copula, "coordinator": .coordinator, "plan_passive_aux": .planPassiveAux,
        "service_participle": .serviceParticiple, "participle_before_verb": .participleBeforeVerb,
        "advice_verb": .adviceVerb, "declaration_verb": .declarationVerb,
        "telegraphic_passive_follower": .telegraphicPassiveFollower, "agreement_word": .agreementWord,
        "letter_greeting": .letterGreeting, "imperative_verb": .imperativeVerb, "heading_verb": .headingVerb,
        "relative_kin": .relativeKin, "heading_preposition": .headingPreposition, "noun_follower": .nounFollower,
        "harm_place_preposition": .harmPlacePreposition, "harm_place": .harmPlace, "harm_place_object": .harmPlaceObject,
        "subordinator": .subordinator, "inverted_subordinator": .invertedSubordinator, "open_end": .openEnd,
        "clause_joiner": .clauseJoiner,
        // Read by `PersonWords`, not as kinds of word.
        "female": [], "male": [], "person_title": [], "phrase_determiner": [], "child_kin": [],
        // Words to exchange, read by `GenderExchange` and `PersonExchange` (`ExchangeLists`).
        "actor_shorthand": [], "gender_exchange": [], "first_person_exchange": [], "second_person_exchange": [], "second_person_agreement": [],
    ]

    /// The words `People` reads titles, family words and pronouns with.
    let person: PersonWords

    private let table: Vocabulary
    private let kinds: [Kind]
    /// Each word's kind by its id in the lexicon's vocabulary, which holds every word here
    /// (`intern(_:into:)`), so a token's kind is one array read. Empty when built without one.
    private let kindsByID: [Kind]
    private let labelRoles: [PersonRole?]
    /// Labels (longer than three letters) whose mention in a field's brackets gives a role:
    /// "Scott Ferris (former partner; person causing harm)".
    let mentionedRoles: [(role: PersonRole, labels: [String])]

    /// Adds every word of the record's lists to `vocabulary`, so that tokens of them have ids
    /// (`kind(of:in:)` then reads a token's kind by its id).
    static func intern(_ cues: RecordCues, into vocabulary: inout Vocabulary) {
        // Sorted: the table's order follows dictionary order, which differs from run to run, and
        // the snapshot built from the vocabulary must not.
        let table = RecordWords(cues).table
        for word in (0..<Int32(table.count)).map({ table.word($0) }).sorted() { vocabulary.intern(Array(word.utf8)) }
    }

    /// The record's words; with the lexicon's `vocabulary` (holding them all: `intern(_:into:)`),
    /// a token's kind is read by its id.
    init(_ cues: RecordCues, vocabulary: Vocabulary? = nil) {
        person = PersonWords(cues)
        var table = Vocabulary(), kinds: [Kind] = [], labelRoles: [PersonRole?] = []
        func entry(_ word: String) -> Int {
            let id = Int(table.intern(Array(word.utf8)))
            if id == kinds.count { kinds.append([]); labelRoles.append(nil) }
            return id
        }
        func add(_ words: [String], _ kind: Kind) {
            for w in words where !w.isEmpty { kinds[entry(w)].insert(kind) }
        }
        func firstLiterals(_ patterns: [Pattern]) -> [String] {
            patterns.compactMap { p in if case .literal(let w) = p.elements.first { return w.lowercased() }; return nil }
        }
        add(firstLiterals(cues.titles) + cues.professionalTitles, .title)
        add(cues.professionalTitles, .professionalTitle)
        add(firstLiterals(cues.kinship), .kin)
        for (list, words) in cues.grammar where !ExchangeLists.names.contains(list) {
            if let kind = Self.grammarLists[list] { add(words, kind) }
        }
        // Form-field labels; a family word on its own is a label too ("Father: Dean Morris").
        for (role, labels) in cues.fields {
            let r: PersonRole = role == "perpetrator" ? .personCausingHarm : role == "victim" ? .victim
                : role == "child" ? .child : role == "professional" ? .professional : .unknown
            for l in labels where !l.isEmpty { labelRoles[entry(l)] = r }
        }
        for k in firstLiterals(cues.kinship) where !k.isEmpty {
            let i = entry(k)
            if labelRoles[i] == nil { labelRoles[i] = .unknown }
        }
        mentionedRoles = [(PersonRole.personCausingHarm, "perpetrator"), (.victim, "victim"), (.professional, "professional")].map { role, key in
            (role, (cues.fields[key] ?? []).filter { $0.count > 3 })
        }
        self.table = table; self.kinds = kinds; self.labelRoles = labelRoles
        // By vocabulary id, only if the vocabulary holds every word (else tokens of a missing
        // word would read as nothing).
        if let vocabulary, (0..<Int32(table.count)).allSatisfy({ id in
            vocabulary.lookup(Array(table.word(id).utf8)) != Vocabulary.unknown
        }) {
            kindsByID = (0..<Int32(vocabulary.count)).map { id in
                let word = Array(vocabulary.word(id).utf8)
                let found = table.lookup(word)
                return found == Vocabulary.unknown ? [] : kinds[Int(found)]
            }
        } else {
            kindsByID = []
        }
    }

    /// What a token of `bytes` is, whatever its case: by its vocabulary id when the vocabulary
    /// holds every word here (a word it lacks is none of them), else by its bytes.
    @inline(__always)
    func kind(of token: Token, in bytes: [UInt8]) -> Kind {
        if !kindsByID.isEmpty { return token.id >= 0 && Int(token.id) < kindsByID.count ? kindsByID[Int(token.id)] : [] }
        return kind(of: bytes, Int(token.start)..<Int(token.end))
    }

    private func id(_ lowered: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = lowered.baseAddress, !lowered.isEmpty else { return nil }
        let id = table.lookup(base, lowered.count)
        return id == Vocabulary.unknown ? nil : Int(id)
    }

    /// What a lower-cased word is (empty for a word no list has).
    func kind(_ lowered: UnsafeBufferPointer<UInt8>) -> Kind { id(lowered).map { kinds[$0] } ?? [] }

    /// The role a lower-cased form-field label gives (`.unknown` for a family word or a label of
    /// people without a role), or nil if it is no label.
    func labelRole(_ lowered: UnsafeBufferPointer<UInt8>) -> PersonRole? { id(lowered).flatMap { labelRoles[$0] } }

    /// What a word is, whatever its case.
    func kind(of word: some StringProtocol) -> Kind { Self.withUTF8(word) { Self.lowered($0) { kind($0) } } }

    /// What a word already lower-cased is.
    func kind(lowered word: some StringProtocol) -> Kind { Self.withUTF8(word) { kind($0) } }

    /// The role a label already lower-cased gives, as `labelRole(_:)`.
    func labelRole(lowered label: some StringProtocol) -> PersonRole? { Self.withUTF8(label) { labelRole($0) } }

    private static func withUTF8<R>(_ s: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = String(s)
        return copy.withUTF8(body)
    }

    /// What the word at `bytes[range]` is, whatever its case.
    func kind(of bytes: [UInt8], _ range: Range<Int>) -> Kind { Self.lowered(bytes, range) { kind($0) } }

    /// The role the label at `bytes[range]` gives, whatever its case (as `labelRole(_:)`).
    func labelRole(of bytes: [UInt8], _ range: Range<Int>) -> PersonRole? { Self.lowered(bytes, range) { labelRole($0) } }

    /// `body` of the lower-cased UTF-8 of `bytes[range]`, as `lowered(_:_:)`.
    private static func lowered<R>(_ bytes: [UInt8], _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in lowered(UnsafeBufferPointer(rebasing: b[range]), body) }
    }

    /// `body` of the lower-cased form of the UTF-8 `raw`: ASCII is folded on the stack, other text
    /// lower-cased as a String (invalid UTF-8 read as U+FFFD), as `String.lowercased()` would.
    private static func lowered<R>(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = raw.count
        guard n <= 32, !raw.contains(where: { $0 >= 0x80 }) else {
            return withUTF8(String(decoding: raw, as: UTF8.self).lowercased(), body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            for i in 0..<n {
                let c = raw[i]
                buffer[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Marks the capitalised tokens that are never names (`not_name`, or a lone letter that is
    /// not an initial), so `<Name>` skips them. So is a word of the lexicon's vocabulary that is
    /// capitalised only where it opens a sentence ("Things got heated", "Seems to have been a
    /// one-off"): a name the lexicon happens to hold ("Mark") is capitalised inside sentences
    /// too, or has its surname after it.
    func markNotNames(_ tokens: inout [Token], in bytes: [UInt8]) {
        var capitalisedInside = Set<Int32>()
        for i in tokens.indices where i > 0 && tokens[i].id >= 0 && tokens[i].flags.contains(.capitalised)
            && !tokens[i].flags.contains(.hardBreak) { capitalisedInside.insert(tokens[i].id) }
        for i in tokens.indices where tokens[i].flags.contains(.capitalised) {
            // "A. to leave the relationship": an initial that stands for a name (the tokenizer
            // read its full stop as no sentence end), not the article.
            if tokens[i].end - tokens[i].start == 1, i + 1 < tokens.count, Int(tokens[i].end) < bytes.count,
               bytes[Int(tokens[i].end)] == 0x2E, tokens[i + 1].flags.isDisjoint(with: [.hardBreak, .softBreak]) { continue }
            let kind = kind(of: tokens[i], in: bytes)
            if kind.contains(.notName) || Self.isLoneLetter(tokens[i], in: bytes) {
                tokens[i].flags.insert(.notName)
            } else if (i == 0 || tokens[i].flags.contains(.hardBreak)), tokens[i].id >= 0, !capitalisedInside.contains(tokens[i].id),
                      // "Mark Tully punched …": a first name with its surname.
                      !(i + 1 < tokens.count && tokens[i + 1].flags.contains(.capitalised)
                        && tokens[i + 1].flags.isDisjoint(with: [.hardBreak, .softBreak, .number])
                        && !self.kind(of: tokens[i + 1], in: bytes).contains(.notName)),
                      kind.isDisjoint(with: Self.personWords), !tokens[i].flags.contains(.number),
                      // A form label stands for its person: "Victim very uncooperative", "Applicant became hostile".
                      labelRole(of: bytes, Int(tokens[i].start)..<Int(tokens[i].end)) == nil {
                tokens[i].flags.insert(.notName)
            }
        }
    }

    /// Words that stand for a person whatever their case: family words and titles.
    private static let personWords: Kind = [.kin, .title, .professionalTitle, .subjectPronoun]

    /// A one-letter word not followed by a full stop: the "E" of "A&E", not the "K" of "K. Ellery".
    @inline(__always) static func isLoneLetter(_ t: Token, in bytes: [UInt8]) -> Bool {
        let e = Int(t.end)
        return e - Int(t.start) == 1 && (e >= bytes.count || bytes[e] != 0x2E)
    }
}
