/// What a person is in a record, as far as the record's own evidence shows.
public enum PersonRole: String, Sendable {
    case personCausingHarm = "person-causing-harm"
    case victim
    case child
    case professional
    case unknown
}

/// One person the record mentions, with the evidence for their role.
public struct Person: Sendable, Equatable {
    /// As the record writes it: "Dean Morris", "Mr Khan", or a family word such as "Dad".
    public var name: String
    public var title: String?
    public var forename: String?
    public var surname: String?
    /// Family position when the record links one ("father").
    public var kinship: String?
    public var role: PersonRole = .unknown
    /// Why CaseLens thinks so, one line per piece of evidence ("line 3: form field 'Perpetrator'").
    public var evidence: [String] = []
    /// Evidence counts behind `role`.
    var fieldRole: PersonRole? = nil
    /// The one-word form label that gave `fieldRole` ("suspect"), lower-case: a narrative that
    /// says "the suspect" speaks of this person.
    var fieldLabel: String? = nil
    /// Every one-word form label the person was named under ("applicant", "mother"), lower-case:
    /// a plan heading may name them by it ("Applicant's steps:").
    var labels: [String] = []
    var harmVotes = 0
    var harmedVotes = 0
    /// `title` lower-cased, and what it and `kinship` show of the person's sex
    /// (`PersonWords.sexBits`): kept by `People` as it sets them, so that a name look-up compares
    /// a title with each candidate without lower-casing and hashing their words again.
    var titleKey: String? = nil
    var titleBits: UInt8 = 0, kinBits: UInt8 = 0
    /// The ids of the person's name keys in `People` (surname, forename, family word; -1: none).
    var surnameID: Int32 = -1, forenameID: Int32 = -1, kinID: Int32 = -1

    /// The name to use in suggestions: "Mr Khan" when a title is known, else the name as written.
    public var display: String {
        if let title, let surname { return "\(title) \(surname)" }
        return name
    }

    /// Most pieces of evidence kept per person (the votes still count them all).
    static let evidenceShown = 8

    /// Adds a line of evidence (written only while fewer than `evidenceShown` are kept).
    mutating func addEvidence(_ e: @autoclosure () -> String) {
        guard evidence.count < Self.evidenceShown else { return }
        let e = e()
        if !evidence.contains(e) { evidence.append(e) }
    }

    /// Settles `role` from the evidence: a form field wins, then what the person did or had done
    /// to them, then a family word that makes them a child (`childKin`: "son", "daughter").
    mutating func settle(childKin: Set<String>) {
        if let fieldRole { role = fieldRole; return }
        if harmVotes > harmedVotes { role = .personCausingHarm }
        else if harmedVotes > harmVotes { role = .victim }
        else if kinship.map({ childKin.contains($0) }) == true { role = .child }
    }
}

/// The words `People` reads titles, family words and pronouns with, from `record.yaml`: the
/// grammar lists `female`, `male` (family words and titles), `person_title`,
/// `phrase_determiner` and `child_kin`, and `kin_equivalents` ("dad" is "father").
public struct PersonWords: Sendable {
    var female: Set<String> = [], male: Set<String> = []
    /// "mr", "mrs", "ms", "miss", "mx": titles of a person (not of a professional).
    var titles: Set<String> = []
    /// "the", "his", "children's": may stand before a family word that names someone.
    var determiners: Set<String> = []
    var childKin: Set<String> = []
    /// Each family word's canonical form ("mum" → "mother").
    var canonical: [String: String] = [:]

    public init() {}

    init(_ cues: RecordCues) {
        func list(_ name: String) -> Set<String> { Set(cues.grammar[name] ?? []) }
        female = list("female"); male = list("male"); titles = list("person_title")
        determiners = list("phrase_determiner"); childKin = list("child_kin")
        for (word, variants) in cues.kinEquivalents { for v in variants { canonical[v] = word } }
    }

    func canonicalKin(_ k: String) -> String { canonical[k] ?? k }

    /// Bits of `sexBits`: the word is a woman's title or family word, or a man's.
    static let femaleBit: UInt8 = 1, maleBit: UInt8 = 2

    /// Whether a lower-cased title or family word is a woman's (`femaleBit`), a man's (`maleBit`),
    /// both or neither.
    func sexBits(_ word: String) -> UInt8 {
        (female.contains(word) ? Self.femaleBit : 0) | (male.contains(word) ? Self.maleBit : 0)
    }

    /// Whether a titled reference ("Ms Dunn") can be this untitled person: never a child, and
    /// the title agrees with any family word the record links to them.
    func fits(title: String, _ p: Person) -> Bool {
        if p.fieldRole == .child { return false }
        guard let k = p.kinship else { return true }
        let t = title.lowercased()
        if male.contains(t) { return !female.contains(k) }
        if female.contains(t) { return !male.contains(k) }
        return true
    }

    /// Whether two titles can be one person's ("Ms" and "Mrs" can, "Mr" and "Ms" cannot).
    func sameGender(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        if x == y { return true }
        if male.contains(x) || male.contains(y) { return false }
        return female.contains(x) == female.contains(y)
    }

    /// Whether the record shows a person to be a woman (true) or a man (false), or nil.
    func isFemale(_ p: Person) -> Bool? {
        if let t = p.title?.lowercased() { if male.contains(t) { return false }; if female.contains(t) { return true } }
        if let k = p.kinship { if female.contains(k) { return true }; if male.contains(k) { return false } }
        return nil
    }
}

/// The people of one record.
public struct People: Sendable {
    public var all: [Person] = []
    /// Changes with every change that can change what `person(named:isTitle:kinship:)` answers (a
    /// person added; a name, title or family word filled in; a form role set with
    /// `setFieldRole(_:of:)`), not with votes or evidence: a look-up remembered at one revision
    /// holds while it stays.
    public private(set) var revision = 0

    /// Sets the role a form field (or a professional's title) gives person `i`.
    mutating func setFieldRole(_ role: PersonRole, of i: Int) {
        guard all[i].fieldRole != role else { return }
        all[i].fieldRole = role
        changed(i)
    }
    /// The words it reads titles, family words and pronouns with.
    public let words: PersonWords
    /// Name keys: lower-cased surnames, lower-cased forenames and canonical family words, each
    /// kind with its own ids. By id, the people holding the key (indices into `all`) and the
    /// revision at which one of them last joined or changed. A look-up of a name reads only the
    /// holders of its keys, so its answer holds while their stamps stay (`unchanged(_:since:)`).
    private var surnameIDs: [String: Int32] = [:], forenameIDs: [String: Int32] = [:], kinIDs: [String: Int32] = [:]
    private var holders: [[Int]] = []
    private var stamps: [Int] = []
    /// The key ids the last `person(named:isTitle:kinship:)` read (-1: none).
    private(set) var lastKeys: (Int32, Int32, Int32) = (-1, -1, -1)

    /// The id of `key` among `ids`, made if new.
    private static func id(_ key: String, _ ids: inout [String: Int32], _ holders: inout [[Int]], _ stamps: inout [Int]) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(holders.count)
        ids[key] = id; holders.append([]); stamps.append(0)
        return id
    }

    /// Whether a look-up that read the keys `keys` at `revision` would answer the same now.
    func unchanged(_ keys: (Int32, Int32, Int32), since revision: Int) -> Bool {
        if revision == self.revision { return true }
        func holds(_ id: Int32) -> Bool { id < 0 || stamps[Int(id)] <= revision }
        return holds(keys.0) && holds(keys.1) && holds(keys.2)
    }

    /// Person `i` joined or changed: a new revision, stamped on each of their keys.
    private mutating func changed(_ i: Int) {
        revision &+= 1
        if all[i].surnameID >= 0 { stamps[Int(all[i].surnameID)] = revision }
        if all[i].forenameID >= 0 { stamps[Int(all[i].forenameID)] = revision }
        if all[i].kinID >= 0 { stamps[Int(all[i].kinID)] = revision }
    }

    private mutating func reindex(_ i: Int) {
        if let s = all[i].surname?.lowercased() {
            let id = Self.id(s, &surnameIDs, &holders, &stamps); all[i].surnameID = id; holders[Int(id)].appendIfAbsent(i)
        }
        if let f = all[i].forename?.lowercased() {
            let id = Self.id(f, &forenameIDs, &holders, &stamps); all[i].forenameID = id; holders[Int(id)].appendIfAbsent(i)
        }
        if let k = all[i].kinship {
            let id = Self.id(k, &kinIDs, &holders, &stamps); all[i].kinID = id; holders[Int(id)].appendIfAbsent(i)
        }
    }

    public init(words: PersonWords = PersonWords()) { self.words = words }

    /// "Mr." → "Mr" (without Foundation, which is slow here).
    static func withoutDots(_ s: String) -> String { s.utf8.contains(0x2E) ? String(s.filter { $0 != "." }) : s }

    /// Finds or adds the person named by `words` (title optional, as written), returning their index.
    mutating func person(named words: [String], titles: Set<String>, kinship: String? = nil) -> Int? {
        person(named: words, isTitle: { titles.contains($0) }, kinship: kinship)
    }

    /// Finds or adds the person named by `words`, returning their index; `isTitle` is asked about
    /// the first word lower-cased and without dots.
    mutating func person(named words: [String], isTitle: (String) -> Bool, kinship: String? = nil) -> Int? {
        lastKeys = (-1, -1, -1)
        var ws = words.contains(where: \.isEmpty) ? words.filter { !$0.isEmpty } : words
        guard !ws.isEmpty else { return nil }
        var title: String? = nil
        if isTitle(Self.withoutDots(ws[0].lowercased())) {
            title = Self.withoutDots(ws.removeFirst())
        }
        if ws.isEmpty { return nil }
        let surname = ws.count >= 2 || title != nil ? ws.last! : nil
        let forename = ws.count >= 2 || (title == nil && ws.count == 1) ? ws.first! : nil
        var kin: String? = nil
        if let kinship { kin = self.words.canonicalKin(kinship.lowercased()) }
        var sameSurname: [Int] = [], sameForename: [Int] = [], sameKin: [Int] = []
        if let surname {
            lastKeys.0 = Self.id(surname.lowercased(), &surnameIDs, &holders, &stamps); sameSurname = holders[Int(lastKeys.0)]
        }
        if let forename {
            lastKeys.1 = Self.id(forename.lowercased(), &forenameIDs, &holders, &stamps); sameForename = holders[Int(lastKeys.1)]
        }
        if let kin { lastKeys.2 = Self.id(kin, &kinIDs, &holders, &stamps); sameKin = holders[Int(lastKeys.2)] }
        var candidates = sameSurname + sameForename + sameKin
        candidates.sort()
        var previous = -1
        // "Mr Nandakumar" in a record with Priya and Sunil Nandakumar, Sunil linked as husband: a
        // person whose gender the record shows to agree with the title is preferred to one whose
        // gender it does not show.
        // The words' methods, not `People`'s: calling those here would copy the whole of `People`.
        let titleKey = title?.lowercased()
        let titleBits = titleKey.map(self.words.sexBits) ?? 0
        let titleIsFemale: Bool? = titleBits & PersonWords.femaleBit != 0 ? true : titleBits & PersonWords.maleBit != 0 ? false : nil
        var chosen: Int? = nil
        // "Mr Haddad" in a record with Amira and Karim Haddad, neither's sex shown: it could be
        // either, so it is neither (a person of its own) rather than whichever was named first.
        var guessedForenames: Set<String> = []
        var agreed = false
        for i in candidates where i != previous {
            previous = i
            let isSameSurname = sameSurname.contains(i), isSameForename = sameForename.contains(i)
            let titlesAgree = titleKey == nil
                || (all[i].title == nil ? fits(titleBits: titleBits, i) : sameSex(titleKey: titleKey!, titleBits, i))
            let match = (isSameSurname && titlesAgree && (forename == nil || all[i].forename == nil || isSameForename))
                || (surname == nil && isSameForename && title == nil)
                // "Toni" read first, "Ms Toni Pearce" later: the same person, now with her full name.
                || (isSameForename && surname != nil && all[i].surname == nil && titlesAgree)
                || (forename == nil && surname == nil && kin != nil && all[i].kinship == kin)
            guard match else { continue }
            if chosen == nil { chosen = i }
            if let titleIsFemale, isFemale(i) == titleIsFemale { chosen = i; agreed = true; break }
            if titleIsFemale != nil, forename == nil, all[i].title == nil, let f = all[i].forename { guessedForenames.insert(f.lowercased()) }
        }
        if !agreed, guessedForenames.count > 1 { chosen = nil }
        if let i = chosen {
            // Filled in place: copying the person out and back is slow.
            var renamed = false, titled = false
            if all[i].title == nil && title != nil { all[i].title = title; titled = true; classify(i) }
            if all[i].forename == nil && forename != nil { all[i].forename = forename; renamed = true }
            if all[i].surname == nil && surname != nil { all[i].surname = surname; renamed = true }
            if all[i].kinship == nil && kin != nil { all[i].kinship = kin; renamed = true; classify(i) }
            if let f = all[i].forename, let s = all[i].surname, !Self.hasTwoWords(all[i].name) { all[i].name = "\(f) \(s)"; titled = true }
            if renamed { reindex(i) }
            if renamed || titled { changed(i) }
            return i
        }
        let name = ([title].compactMap { $0 } + ws).joined(separator: " ")
        all.append(Person(name: name, title: title, forename: forename, surname: surname, kinship: kin))
        classify(all.count - 1)
        reindex(all.count - 1)
        changed(all.count - 1)
        return all.count - 1
    }

    /// True when `name` has two or more words between its spaces.
    static func hasTwoWords(_ name: String) -> Bool {
        // On the UTF-8 bytes: a space is one byte, and reading Characters is slow.
        var word = false, gap = false
        for c in name.utf8 {
            if c == 0x20 { gap = word } else if gap { return true } else { word = true }
        }
        return false
    }

    /// The person a family word refers to ("Dad" → the person linked as father), added if new.
    mutating func person(kin word: String) -> Int {
        let kin = words.canonicalKin(word.lowercased())
        if let i = holders(kin, kinIDs).first { return i }
        all.append(Person(name: word, kinship: kin))
        classify(all.count - 1)
        reindex(all.count - 1)
        changed(all.count - 1)
        return all.count - 1
    }


    /// The one adult of the family (not a child, not a professional) that "she"/"her" or
    /// "he"/"him" can be, by title or family word; nil when there is none, more than one, or an
    /// adult of the family whose gender the record does not show.
    public func referent(ofPronoun pronoun: String) -> Person? {
        let p = pronoun.lowercased()
        let female: Bool
        switch p {
        case "she", "her": female = true
        case "he", "him": female = false
        default: return nil
        }
        var found: Person? = nil
        for person in all where person.role != .child && person.role != .professional {
            guard let isFemale = isFemale(person) else { return nil }
            if isFemale == female {
                if found != nil { return nil }
                found = person
            }
        }
        return found
    }

    /// Whether the record shows a person to be a woman (true) or a man (false), or nil.
    func isFemale(_ p: Person) -> Bool? { words.isFemale(p) }

    /// The people holding `key` among `ids` (none when it is no one's key).
    private func holders(_ key: String, _ ids: [String: Int32]) -> [Int] { ids[key].map { holders[Int($0)] } ?? [] }

    /// Sets person `i`'s `titleKey`, `titleBits` and `kinBits` from their title and family word.
    private mutating func classify(_ i: Int) {
        all[i].titleKey = all[i].title?.lowercased()
        all[i].titleBits = all[i].titleKey.map(words.sexBits) ?? 0
        all[i].kinBits = all[i].kinship.map(words.sexBits) ?? 0
    }

    /// `PersonWords.isFemale(_:)` of person `i`, from their bits.
    private func isFemale(_ i: Int) -> Bool? {
        let t = all[i].titleBits
        if t & PersonWords.maleBit != 0 { return false }
        if t & PersonWords.femaleBit != 0 { return true }
        guard all[i].kinship != nil else { return nil }
        let k = all[i].kinBits
        if k & PersonWords.femaleBit != 0 { return true }
        if k & PersonWords.maleBit != 0 { return false }
        return nil
    }

    /// `PersonWords.fits(title:_:)` of a title with these `sexBits` and person `i`.
    private func fits(titleBits q: UInt8, _ i: Int) -> Bool {
        if all[i].fieldRole == .child { return false }
        guard all[i].kinship != nil else { return true }
        let k = all[i].kinBits
        if q & PersonWords.maleBit != 0 { return k & PersonWords.femaleBit == 0 }
        if q & PersonWords.femaleBit != 0 { return k & PersonWords.maleBit == 0 }
        return true
    }

    /// `PersonWords.sameGender(_:_:)` of a lower-cased title with these `sexBits` and person
    /// `i`'s title.
    private func sameSex(titleKey: String, _ q: UInt8, _ i: Int) -> Bool {
        if all[i].titleKey == titleKey { return true }
        let p = all[i].titleBits
        if q & PersonWords.maleBit != 0 || p & PersonWords.maleBit != 0 { return false }
        return (q & PersonWords.femaleBit != 0) == (p & PersonWords.femaleBit != 0)
    }

    /// The person a subject phrase refers to, without adding anyone: "Ms Dunn" and "Dunn" by name
    /// (the title must agree), "Mum" or "the mother" by family word. Nil for pronouns, for phrases
    /// that name no one the record knows, and when the phrase could be more than one person.
    public func referent(of phrase: [String]) -> Person? {
        var words = phrase.map { Self.withoutDots($0.lowercased()) }
        while let f = words.first, self.words.determiners.contains(f) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        let title = self.words.titles.contains(words[0]) ? words.removeFirst() : nil
        var found: [Int] = []
        if words.count == 1, title == nil, let kin = kinIDs[self.words.canonicalKin(words[0])] {
            found = holders[Int(kin)]
        } else if let last = words.last {
            found = holders(last, surnameIDs) + (words.count == 1 && title == nil ? holders(last, forenameIDs) : [])
            if let title { found = found.filter { i in all[i].title.map { self.words.sameGender(title, $0) } ?? self.words.fits(title: title, all[i]) } }
            // "Jason Webb" in a record with Kerry Webb too: the forename says which.
            if words.count >= 2, Set(found).count > 1 {
                let forename = words[words.count - 2]
                let named = found.filter { all[$0].forename.map { Self.withoutDots($0.lowercased()) == forename } ?? false }
                if !named.isEmpty { found = named }
            }
        }
        let people = Set(found)
        return people.count == 1 ? all[people.first!] : nil
    }

    /// People in a role, most evidence first.
    public func with(_ role: PersonRole) -> [Person] {
        all.filter { $0.role == role }.sorted { ($0.fieldRole != nil ? 100 : 0) + $0.harmVotes + $0.harmedVotes > ($1.fieldRole != nil ? 100 : 0) + $1.harmVotes + $1.harmedVotes }
    }
}

extension Array where Element == Int {
    /// Appends `i` unless it is there already: one look-up of the index's key, not two.
    fileprivate mutating func appendIfAbsent(_ i: Int) { if !contains(i) { append(i) } }
}
