/// Form fields of a record: "Person causing harm: Dean Morris (father)", "Children: Tia (7),
/// Jayden (4)", several to a line where wide gaps part them. Read on the bytes up to the label;
/// the values, which name people, as strings.
extension RecordReader {
    /// "Person causing harm: Dean Morris (father)", "Children: Tia (7), Jayden (4)".
    func readFields(into model: inout RecordModel, fieldLines: inout Set<Int>) {
        let b = document.bytes
        func roleMentioned(in text: String) -> PersonRole? {
            guard !text.isEmpty else { return nil }
            let t = text.lowercased()
            return words.mentionedRoles.first { _, labels in labels.contains { t.containsBytes(of: $0) } }?.role
        }
        var labelColons = Set<Int>()
        for (lineIndex, start) in fieldStarts() {
            // A field both after a semicolon and after a wide gap is read once.
            guard let (colon, label, role) = fieldLabel(from: start), labelColons.insert(colon).inserted else { continue }
            var e = colon + 1
            var spaces = 0
            while e < b.count && b[e] != 0x0A {
                // "Mother: Esra Ibekwe; Father: Tomasz Ibekwe": a semicolon before a label ends the field.
                if b[e] == 0x3B && fieldLabel(from: e + 1) != nil { break }
                if b[e] == 0x20 || b[e] == 0x09 { spaces += b[e] == 0x09 ? 2 : 1 } else {
                    if spaces >= 2 && e > colon + 3, let nextColon = b[e..<min(e + 45, b.count)].firstIndex(of: 0x3A),
                       !b[e..<nextColon].contains(0x0A) { e -= spaces; break }
                    spaces = 0
                }
                e += 1
            }
            let value = document.text(colon + 1, e)
            fieldLines.insert(lineIndex + 1)
            // The last name read in this field: "Sunil Nandakumar (38), husband" links him as husband.
            var previousName: [String]? = nil
            // The label's family word ("Father / person causing harm"), read once for all its items.
            lazy var labelKinship = label.split(whereSeparator: { $0 == "/" || $0 == " " })
                .first { words.kind(lowered: $0).contains(.kin) }.map(String.init)
            for item in Self.splitTopLevel(value) {
                let (namePart, paren) = Self.nameAndParenthesis(item)
                if let name = previousName, paren.isEmpty, !namePart.contains(" "), words.kind(of: namePart).contains(.kin) {
                    _ = model.people.person(named: name, isTitle: isTitle, kinship: namePart.lowercased())
                    previousName = nil
                    continue
                }
                previousName = nil
                // A name, not a sentence: "Health visitor: Kirsty has missed two appointments" names nobody.
                if Self.hasLowerCaseWord(namePart) { continue }
                var nameWords = capitalisedRun(namePart)
                var kinFromName: String? = nil
                if nameWords.count == 1, words.kind(of: nameWords[0]).contains(.kin) {
                    // "Mum (Kerry Lake)": the family word is the kinship, the name is in brackets.
                    kinFromName = nameWords[0].lowercased()
                    nameWords = capitalisedRun(paren)
                }
                guard !nameWords.isEmpty, namePart.utf8.count > Self.longestNoName || !Self.noName.contains(namePart.lowercased()) else { continue }
                var kinship: String? = kinFromName ?? labelKinship
                if kinship == nil && !paren.isEmpty {
                    kinship = paren.split(whereSeparator: { !$0.isLetter && $0 != "-" }).first { words.kind(of: $0).contains(.kin) }?.lowercased()
                }
                guard let i = model.people.person(named: nameWords, isTitle: isTitle, kinship: kinship) else { continue }
                previousName = nameWords
                markProfessionalTitle(&model, i, firstWord: nameWords.first)
                // "Present: Hayley Brooks (mother), SW …": a family member listed with professionals;
                // "Charlie Brooks (4)": an age under 18 in brackets is a child ("(1st respondent)" is
                // an ordinal, not an age).
                // "Present: Ms Cole, HV, DSL …" after "Parents: Ms Stacey Cole (mother)": she is
                // still the mother, not a professional.
                // A form's word for a person with no role of its own ("Applicant", "Client"; not a
                // family word, which is read as one): a plan heading may name them by it.
                if role == .unknown, !label.contains(where: { !$0.isLetter }), !words.kind(of: label).contains(.kin) {
                    let l = label.lowercased()
                    if !model.people.all[i].labels.contains(l) { model.people.all[i].labels.append(l) }
                }
                let knownRole = model.people.all[i].fieldRole
                let family = kinship != nil || model.people.all[i].kinship != nil || [.victim, .personCausingHarm, .child].contains(knownRole)
                var role = role == .professional && family ? PersonRole.unknown : role
                if role != .personCausingHarm, role != .victim, let years = Self.age(paren), years < 18 { role = .child }
                if role == .unknown || role == .child, let r = roleMentioned(in: paren) {
                    model.people.setFieldRole(r, of: i)
                    model.people.all[i].addEvidence("line \(lineIndex + 1): described as \(r == .personCausingHarm ? "the person causing harm" : r.rawValue) in '\(label)'")
                } else if role != .unknown {
                    model.people.setFieldRole(role, of: i)
                    if !label.contains(where: { !$0.isLetter }) { model.people.all[i].fieldLabel = label.lowercased() }
                    model.people.all[i].addEvidence("line \(lineIndex + 1): form field '\(label)'")
                } else {
                    model.people.all[i].addEvidence("line \(lineIndex + 1): named as \(label)")
                }
            }
        }
    }

    /// Where form fields may start: each line that has a colon, each place in it where two or
    /// more spaces or a tab cut it into fields ("Mother: X        Father: Y"), and each place
    /// after a semicolon ("Mother: X; Father: Y").
    private func fieldStarts() -> [(line: Int, start: Int)] {
        document.bytes.withUnsafeBufferPointer { b in
            var starts: [(line: Int, start: Int)] = []
            var from = 0
            while let colon = ByteSearch.firstIndex(of: 0x3A, in: b, from: from) {
                let lineIndex = document.line(of: colon) - 1
                let start = document.lineStarts[lineIndex]
                let end = ByteSearch.firstIndex(of: 0x0A, in: b, from: colon) ?? b.count
                from = end + 1
                starts.append((lineIndex, start))
                var run = 0
                var q = start
                while q < end {
                    // Eight bytes at a time while none can start a field: no tab, no semicolon, no
                    // two spaces together, and a last byte that is not a space.
                    if run == 0 && q + 8 <= end {
                        let w = ByteSearch.word(b, at: q), spaces = ByteSearch.matches(w, 0x20)
                        if ByteSearch.matches(w, 0x09) | ByteSearch.matches(w, 0x3B) | (spaces & (spaces << 8)) | (spaces >> 56) == 0 {
                            q += 8; continue
                        }
                    }
                    defer { q += 1 }
                    if b[q] == 0x20 || b[q] == 0x09 { run += b[q] == 0x09 ? 2 : 1 } else {
                        if run >= 2 && q - start > 3 { starts.append((lineIndex, q)) }
                        run = 0
                        if b[q] == 0x3B { starts.append((lineIndex, q + 1)) }
                    }
                }
            }
            return starts
        }
    }

    /// The label of a form field at byte `start` ("- Father / person causing harm:"), lower-cased,
    /// with its colon and the role it gives; nil when no label of the lexicon starts there.
    private func fieldLabel(from start: Int) -> (colon: Int, label: String, role: PersonRole)? {
        let b = document.bytes
        var p = start
        while p < b.count && (b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x2D || b[p] == 0x2A) { p += 1 }
        var colon = -1
        var q = p
        while q < b.count && q - p < 45 && b[q] != 0x0A {
            if b[q] == 0x3A { colon = q; break }
            q += 1
        }
        guard colon > p, !b[p..<colon].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let isASCII = !b[p..<colon].contains { $0 >= 0x80 }
        if isASCII { guard role(ofASCIILabel: p..<colon) != nil else { return nil } }
        let label = document.text(p, colon).trimming { $0 == " " || $0 == "\t" }.lowercased()
        guard let role = isASCII ? role(ofASCIILabel: p..<colon) : role(ofLabel: label) else { return nil }
        return (colon, label, role)
    }

    /// The most telling role among a lower-cased label's parts ("father / person causing harm"),
    /// or nil if no part is a label. "Father of Kian": a family word first makes a kinship field.
    private func role(ofLabel label: String) -> PersonRole? {
        let parts = label.split(whereSeparator: { $0 == "/" || $0 == ";" }).map { $0.trimmingCharacters(in: [" ", "\t"]) }
        let roles = parts.compactMap { part in
            words.labelRole(lowered: part) ?? (words.kind(lowered: part.split(separator: " ").first ?? "").contains(.kin) ? .unknown : nil)
        }
        return roles.first { $0 != .unknown } ?? roles.first
    }

    /// `role(ofLabel:)` of the ASCII label at `range`, read on its bytes.
    private func role(ofASCIILabel range: Range<Int>) -> PersonRole? {
        document.bytes.withUnsafeBufferPointer { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { lowered in
                for i in range { let c = b[i]; lowered[i - range.lowerBound] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                var found: PersonRole? = nil
                var partStart = 0
                for end in 0...range.count where end == range.count || lowered[end] == 0x2F || lowered[end] == 0x3B {
                    var lo = partStart, hi = end
                    partStart = end + 1
                    while lo < hi && (lowered[lo] == 0x20 || lowered[lo] == 0x09) { lo += 1 }
                    while hi > lo && (lowered[hi - 1] == 0x20 || lowered[hi - 1] == 0x09) { hi -= 1 }
                    guard lo < hi else { continue }
                    let part = UnsafeBufferPointer(rebasing: lowered[lo..<hi])
                    let firstWord = UnsafeBufferPointer(rebasing: part[0..<(part.firstIndex(of: 0x20) ?? part.count)])
                    guard let role = words.labelRole(part) ?? (words.kind(firstWord).contains(.kin) ? .unknown : nil) else { continue }
                    if role != .unknown { return role }
                    found = role
                }
                return found
            }
        }
    }

    /// Lower-case words a name may contain: "Ayo de Souza".
    static let nameParticles: Set<String> = ["de", "van", "von", "bin", "al", "da", "di", "le", "la", "du"]
    /// Field values that name no one.
    static let noName: Set<String> = ["unknown", "n/a", "none", "not known"]
    /// Bytes in the longest of `noName`: a longer value is none of them.
    static let longestNoName = noName.map(\.utf8.count).max()!

    /// The age in a field item's brackets: "7" in "Tia (7)", "4 years" in "Jayden (4 years)"; nil for
    /// none, or for an ordinal ("1st respondent").
    static func age(_ paren: String) -> Int? {
        let age = paren.trimming { $0 == " " }
        guard age.first?.isNumber == true, let years = Int(age.prefix { $0.isNumber }) else { return nil }
        let afterDigits = age.drop { $0.isNumber }.lowercased()
        let ordinal = ["st", "nd", "rd", "th"].contains { afterDigits.hasPrefix($0) && !(afterDigits.dropFirst(2).first?.isLetter ?? false) }
        return ordinal ? nil : years
    }

    /// Whether a word of `name` (cut at spaces) starts lower-case and is no name particle: then
    /// the value is a sentence, not a name. ASCII is read on its bytes.
    static func hasLowerCaseWord(_ name: String) -> Bool {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.split(separator: " ").contains { w in
                (w.first.map { $0.asciiValue.map { $0 >= 0x61 && $0 <= 0x7A } ?? $0.isLowercase } ?? false)
                    && !nameParticles.contains(String(w))
            }
        }
        return name.utf8.split(separator: 0x20).contains { w in
            w.first.map { $0 >= 0x61 && $0 <= 0x7A } == true && !nameParticles.contains(String(Substring(w)))
        }
    }

    /// The capitalised words that open `text` and may be a name, at most four. A lone letter
    /// without a full stop is shorthand, not a name ("Present: M, Kacey": M is the mother).
    private func capitalisedRun(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return capitalisedRun(characters: text) }
        // ASCII: a Character is a byte, and no "’s" can end a word.
        var run: [String] = []
        for w in text.utf8.split(separator: 0x20) {
            guard run.count < 4, w.count > 1, let f = w.first, f >= 0x41 && f <= 0x5A else { break }
            let word = Substring(w)
            guard !words.kind(of: word).contains(.notName), !word.hasSuffix("'s") else { break }
            run.append(String(word))
        }
        return run
    }

    /// `capitalisedRun(_:)` read by Characters.
    private func capitalisedRun(characters text: String) -> [String] {
        var run: [String] = []
        for w in text.split(separator: " ") {
            guard run.count < 4, w.count > 1, let f = w.first, f.asciiValue.map({ $0 >= 0x41 && $0 <= 0x5A }) ?? f.isUppercase,
                  !words.kind(of: w).contains(.notName),
                  !w.hasSuffix("'s"), !w.hasSuffix("’s") else { break }
            run.append(String(w))
        }
        return run
    }

    /// The items of a field value: cut at commas, semicolons, "&" and " and " outside brackets.
    static func splitTopLevel(_ s: String) -> [String] {
        SimpleText.charactersAreScalars(in: s) ? splitTopLevel(s, reading: s.unicodeScalars) : splitTopLevel(s, reading: s)
    }

    /// `splitTopLevel(_:)` reading `s` through `view`: its Characters, or its scalars where those are the same.
    private static func splitTopLevel<View: BidirectionalCollection>(_ s: String, reading view: View) -> [String]
    where View.Element: Equatable & ExpressibleByUnicodeScalarLiteral, View.Index == String.Index {
        var out: [String] = [], depth = 0
        var start = view.startIndex
        // How much of " and " the current item ends with.
        var and = 0
        let andWord: [View.Element] = [" ", "a", "n", "d", " "]
        var i = view.startIndex
        while i < view.endIndex {
            let ch = view[i]
            let next = view.index(after: i)
            defer { i = next }
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            if depth == 0 && (ch == "," || ch == ";" || ch == "&") { out.append(String(s[start..<i])); start = next; and = 0; continue }
            and = ch == andWord[and] ? and + 1 : ch == " " ? 1 : 0
            if and == andWord.count {
                if depth == 0 { out.append(String(s[start..<view.index(next, offsetBy: -andWord.count)])); start = next; and = 0 }
                else { and = 1 }
            }
        }
        out.append(String(s[start...]))
        return out.map { $0.trimming { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "." } }.filter { !$0.isEmpty }
    }

    /// The name part of a field item and what its brackets say: "Tia Khan (7)" → ("Tia Khan", "7").
    static func nameAndParenthesis(_ item: String) -> (String, String) {
        SimpleText.charactersAreScalars(in: item) ? nameAndParenthesis(item, reading: item.unicodeScalars)
            : nameAndParenthesis(item, reading: item)
    }

    /// `nameAndParenthesis(_:)` reading `item` through `view`, as `splitTopLevel(_:reading:)` does.
    private static func nameAndParenthesis<View: BidirectionalCollection>(_ item: String, reading view: View) -> (String, String)
    where View.Element: Equatable & ExpressibleByUnicodeScalarLiteral, View.Index == String.Index {
        guard let open = view.firstIndex(of: "(") else {
            let cut = view.firstIndex(where: { $0 == "-" || $0 == "–" }) ?? view.endIndex
            return (String(item[..<cut]).trimming { $0 == " " }, "")
        }
        let close = view[open...].firstIndex(of: ")") ?? view.endIndex
        return (String(item[..<open]).trimming { $0 == " " }, String(item[view.index(after: open)..<close]))
    }
}
