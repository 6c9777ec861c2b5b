/// The grammar lists of `record.yaml` whose entries are words to exchange, each entry its words
/// separated by spaces ("he she", "i she he").
enum ExchangeLists {
    static let gender = "gender_exchange", firstPerson = "first_person_exchange"
    static let secondPerson = "second_person_exchange", secondPersonAgreement = "second_person_agreement"
    static let names: Set<String> = [gender, firstPerson, secondPerson, secondPersonAgreement]

    /// The entries of list `name`, each split into its words.
    static func entries(_ name: String, in cues: RecordCues) -> [[String]] {
        (cues.grammar[name] ?? []).map { $0.split(separator: " ").map(String.init) }
    }

    /// Every word of every list, for interning into a vocabulary (sorted: the snapshot built from
    /// the vocabulary must not depend on dictionary order).
    static func words(in cues: RecordCues) -> [String] {
        Set(names.flatMap { entries($0, in: cues).joined() }).sorted()
    }
}

/// Exchanges the words of a man and of a woman in a record's tokens (`record.yaml`'s grammar list
/// `gender_exchange`), so that rules written for the common case (a man harming a woman) read a
/// record where a woman harms a man. Only token ids change: offsets, flags and the text stay.
struct GenderExchange: Sendable {
    /// For each vocabulary id: the id it becomes, and for a woman's word in two pairs ("her") the
    /// id it becomes before its noun ("his"); -1 where the word stays.
    private let object: [Int32]
    private let possessive: [Int32]
    /// For each vocabulary id: 1 for a woman's word of a pair, 2 for a man's, 0 for neither.
    private let sex: [UInt8]
    /// The same exchange by lower-case word, for a suggestion template's own words: the word it
    /// becomes, and the one it becomes before its noun.
    private let byWord: [String: (object: String, possessive: String?)]

    /// The pairs ("he she") of `cues`' list `gender_exchange`, by vocabulary id; a word the
    /// vocabulary lacks is left out.
    init(_ cues: RecordCues, vocabulary: Vocabulary) {
        var object = [Int32](repeating: -1, count: vocabulary.count)
        var possessive = object
        var sex = [UInt8](repeating: 0, count: vocabulary.count)
        var byWord: [String: (object: String, possessive: String?)] = [:]
        for words in ExchangeLists.entries(ExchangeLists.gender, in: cues) {
            guard words.count == 2 else { continue }
            let (m, w) = (words[0], words[1])
            if byWord[m] == nil { byWord[m] = (w, nil) }
            if let e = byWord[w] { if e.possessive == nil { byWord[w] = (e.object, m) } } else { byWord[w] = (m, nil) }
            let man = vocabulary.lookup(Array(m.utf8)), woman = vocabulary.lookup(Array(w.utf8))
            guard man != Vocabulary.unknown, woman != Vocabulary.unknown else { continue }
            sex[Int(man)] = 2; sex[Int(woman)] = 1
            if object[Int(man)] < 0 { object[Int(man)] = woman }
            if object[Int(woman)] < 0 { object[Int(woman)] = man } else if possessive[Int(woman)] < 0 { possessive[Int(woman)] = man }
        }
        self.object = object; self.possessive = possessive; self.sex = sex; self.byWord = byWord
    }

    /// True for a woman's word of a pair ("she", "her", "wife"), false for a man's, nil otherwise.
    func isWoman(_ token: Token) -> Bool? {
        guard token.id >= 0, Int(token.id) < sex.count else { return nil }
        switch sex[Int(token.id)] { case 1: return true; case 2: return false; default: return nil }
    }

    /// A suggestion template with its own words of a pair exchanged ("with him" → "with her");
    /// placeholders (`{perpetrator}`, `{1}`) are left for filling in. Case follows the word's
    /// first letter.
    func exchangeWords(in template: String, words: RecordWords) -> String {
        var out = ""
        let chars = Array(template)
        var i = 0, depth = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
            guard depth == 0, c.isLetter, i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "'" || chars[i - 1] == "’") else {
                out.append(c); i += 1; continue
            }
            var j = i
            while j < chars.count, chars[j].isLetter || chars[j] == "-" { j += 1 }
            let word = String(chars[i..<j])
            guard let e = byWord[word.lowercased()] else { out += word; i = j; continue }
            var to = e.object
            if let possessive = e.possessive {
                // Before a word that is not an object's follower: "her children" → "his children".
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                var n = k
                while n < chars.count, chars[n].isLetter { n += 1 }
                if k > j, n > k, words.kind(lowered: String(chars[k..<n]).lowercased()).isDisjoint(with: Self.notNoun) { to = possessive }
            }
            out += word.first!.isUppercase ? to.capitalisedFirst : to
            i = j
        }
        return out
    }

    /// Words after which a woman's word in two pairs is an object, not a possessive.
    private static let notNoun: RecordWords.Kind = [.verbFollower, .objectMarker, .nounMarker, .coordinator, .by, .negation,
                                                     .passiveAux, .perfectAux, .copula, .subjectPronoun]

    /// `tokens` with each word of a pair exchanged. A word with a second counterpart takes it when
    /// a plain word follows in the same clause ("her children" → "his children"); `words` tells
    /// which following words are not its noun ("hit her and", "told her to").
    func apply(_ tokens: [Token], words: RecordWords, bytes: [UInt8]) -> [Token] {
        var out = tokens
        for k in out.indices {
            let id = tokens[k].id
            guard id >= 0, Int(id) < object.count, object[Int(id)] >= 0 else { continue }
            var to = object[Int(id)]
            if possessive[Int(id)] >= 0, k + 1 < tokens.count {
                let next = tokens[k + 1]
                if next.flags.isDisjoint(with: [.hardBreak, .softBreak, .number]),
                   words.kind(of: next, in: bytes).isDisjoint(with: Self.notNoun) { to = possessive[Int(id)] }
            }
            out[k].id = to
        }
        return out
    }
}

/// Reads words addressed to or spoken by a parent as about that parent: a written agreement in
/// her own voice ("I, Shannon Birch, agree to the following", `record.yaml`'s grammar list
/// `first_person_exchange`: "I will not allow Kyle into my home") or a letter to her ("Dear Ms
/// Lane,", `second_person_exchange`: "you have not followed the safety plan"). From a token on,
/// each word of the list becomes her word (or his), and a verb right after the subject agrees
/// with it (`second_person_agreement`: "have" → "has"). Only token ids change.
struct PersonExchange: Sendable {
    /// For each vocabulary id: the woman's word and the man's word it becomes; -1 where it stays.
    private let toWoman: [Int32]
    private let toMan: [Int32]
    /// For each vocabulary id: the form of a verb after the exchanged subject; -1 where it stays.
    private let agreeing: [Int32]
    /// The id of the first word of the first entry ("i", "you"): the subject.
    let subjectID: Int32

    /// The entries ("i she he") of `cues`' list `list`, and the verb pairs ("have has") of
    /// `agreement`, by vocabulary id; words the vocabulary lacks are left out.
    init(_ cues: RecordCues, list: String, agreement: String? = nil, vocabulary: Vocabulary) {
        var toWoman = [Int32](repeating: -1, count: vocabulary.count), toMan = toWoman, agreeing = toWoman
        var subject = Vocabulary.unknown
        for words in ExchangeLists.entries(list, in: cues) {
            let ids = words.map { vocabulary.lookup(Array($0.utf8)) }
            guard ids.count == 3, !ids.contains(Vocabulary.unknown) else { continue }
            if subject == Vocabulary.unknown { subject = ids[0] }
            toWoman[Int(ids[0])] = ids[1]; toMan[Int(ids[0])] = ids[2]
        }
        for words in agreement.map({ ExchangeLists.entries($0, in: cues) }) ?? [] {
            let ids = words.map { vocabulary.lookup(Array($0.utf8)) }
            guard ids.count == 2, !ids.contains(Vocabulary.unknown) else { continue }
            agreeing[Int(ids[0])] = ids[1]
        }
        self.toWoman = toWoman; self.toMan = toMan; self.agreeing = agreeing; self.subjectID = subject
    }

    /// `tokens` with each word of the list from token `from` on made a woman's (or a man's) word;
    /// quoted words (someone else's speech) stay.
    func apply(_ tokens: [Token], from: Int, woman: Bool) -> [Token] {
        var out = tokens
        let table = woman ? toWoman : toMan
        for k in max(0, from)..<out.count where !out[k].flags.contains(.quoted) {
            let id = tokens[k].id
            guard id >= 0, Int(id) < table.count, table[Int(id)] >= 0 else { continue }
            out[k].id = table[Int(id)]
            if id == subjectID, k + 1 < out.count, out[k + 1].flags.isDisjoint(with: [.hardBreak, .softBreak]) {
                let next = tokens[k + 1].id
                if next >= 0, Int(next) < agreeing.count, agreeing[Int(next)] >= 0 { out[k + 1].id = agreeing[Int(next)] }
            }
        }
        return out
    }
}
