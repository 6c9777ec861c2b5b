/// Reads a record as a whole: form fields, kinship, who did what to whom, court outcomes and plan
/// actions. Uses the cue matches the automaton already found; touches the text only around them.
struct RecordReader {
    let document: Document
    let tokens: [Token]
    let cues: [RecordCue: [RawMatch]]
    let compiled: CompiledLexicon
    var lexicon: Lexicon { compiled.lexicon }
    let sentenceOf: (Int) -> Range<Int>

    static let passiveAux: Set<String> = ["was", "were", "been", "being", "is", "are", "be", "got", "get", "gets", "getting"]
    static let notNames: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "he", "she", "they", "it", "we", "i", "you", "his", "her",
        "their", "our", "my", "its", "on", "in", "at", "when", "after", "before", "then", "there", "here", "police",
        "today", "yesterday", "during", "following", "later", "also", "both", "all", "no", "not", "if", "and", "but",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "sw", "idva",
        "someone", "somebody", "nobody", "everyone", "who", "which", "what", "as", "so", "while", "whilst", "once",
        "however", "although", "because", "since", "until", "did", "does", "had", "has", "have", "was", "were"]

    func text(_ k: Int) -> String { document.text(Int(tokens[k].start), Int(tokens[k].end)) }
    func lower(_ k: Int) -> String { text(k).lowercased() }

    var titles: Set<String> { Set(lexicon.record.titles.compactMap { p -> String? in
        if case .literal(let w) = p.elements.first { return w.lowercased() }; return nil } + lexicon.record.professionalTitles) }
    var kinWords: Set<String> { Set(lexicon.record.kinship.compactMap { p -> String? in
        if case .literal(let w) = p.elements.first { return w.lowercased() }; return nil }) }

    func read() -> RecordModel {
        var model = RecordModel()
        let titles = self.titles, kin = self.kinWords
        var fieldLines = Set<Int>()
        readFields(into: &model, titles: titles, kin: kin, fieldLines: &fieldLines)
        readKinship(into: &model, titles: titles)
        readAgents(into: &model, titles: titles, kin: kin)
        readTitledNames(into: &model, titles: titles, skip: fieldLines)
        for m in cues[.harmed] ?? [] where !tokens[Int(m.first)].flags.contains(.quoted) {
            let run = nearestNameRun(before: Int(m.first) + 1, titles: titles, kin: kin)
            guard !run.isEmpty else { continue }
            let i = run.count == 1 && kin.contains(lower(run[0])) ? model.people.person(kin: text(run[0]))
                : model.people.person(named: words(run), titles: titles)
            if let i {
                model.people.all[i].harmedVotes += 1
                model.people.all[i].addEvidence("line \(document.position(of: Int(tokens[Int(m.first)].start)).line): harmed (\(document.text(Int(tokens[Int(m.first)].start), Int(tokens[Int(m.last)].end))))")
            }
        }
        model.settleRoles()
        model.recordsAbuse = (cues[.abuseTerm] ?? []).contains { !tokens[Int($0.first)].flags.contains(.quoted) }
        if let p = model.perpetrator { model.perpetratorMentions = mentions(of: p, outside: fieldLines) }
        if !(cues[.outcome] ?? []).isEmpty {
            model.entryDates = EntryDates(document)
            readOutcomes(into: &model)
        }
        readPlan(into: &model, titles: titles, kin: kin)
        return model
    }

    // MARK: people

    /// "Person causing harm: Dean Morris (father)", "Children: Tia (7), Jayden (4)".
    private func readFields(into model: inout RecordModel, titles: Set<String>, kin: Set<String>, fieldLines: inout Set<Int>) {
        let b = document.bytes
        var labelRole: [String: PersonRole] = [:]
        for (role, labels) in lexicon.record.fields {
            let r: PersonRole = role == "perpetrator" ? .personCausingHarm : role == "victim" ? .victim
                : role == "child" ? .child : role == "professional" ? .professional : .unknown
            for l in labels { labelRole[l] = r }
        }
        for kinWord in kin { if labelRole[kinWord] == nil { labelRole[kinWord] = .unknown } }
        /// The most telling role among "Father / person causing harm" parts, or nil if no part is a label.
        func role(of label: String) -> PersonRole? {
            let parts = label.split(whereSeparator: { $0 == "/" || $0 == ";" }).map { $0.trimmingCharacters(in: [" ", "\t"]) }
            // "Father of Kian": a family word first makes a kinship field.
            let roles = parts.compactMap { labelRole[$0] ?? (kin.contains(String($0.split(separator: " ").first ?? "")) ? .unknown : nil) }
            if roles.isEmpty { return nil }
            return roles.first { $0 != .unknown } ?? .unknown
        }
        func roleMentioned(in text: String) -> PersonRole? {
            let t = text.lowercased()
            for r in [PersonRole.personCausingHarm, .victim, .professional] {
                let key = r == .personCausingHarm ? "perpetrator" : r == .victim ? "victim" : "professional"
                if (lexicon.record.fields[key] ?? []).contains(where: { $0.count > 3 && t.containsBytes(of: $0) }) { return r }
            }
            return nil
        }
        // Each line, cut where two or more spaces or a tab separate fields ("Mother: X        Father: Y").
        var segments: [(line: Int, start: Int)] = []
        for (lineIndex, start) in document.lineStarts.enumerated() {
            segments.append((lineIndex, start))
            var q = start, run = 0
            while q < b.count && b[q] != 0x0A {
                if b[q] == 0x20 || b[q] == 0x09 { run += b[q] == 0x09 ? 2 : 1 } else {
                    if run >= 2 && q - start > 3 { segments.append((lineIndex, q)) }
                    run = 0
                }
                q += 1
            }
        }
        for (lineIndex, start) in segments {
            var p = start
            while p < b.count && (b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x2D || b[p] == 0x2A) { p += 1 }
            var colon = -1
            var q = p
            while q < b.count && q - p < 45 && b[q] != 0x0A {
                if b[q] == 0x3A { colon = q; break }
                q += 1
            }
            guard colon > p, !b[p..<colon].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            let label = document.text(p, colon).trimmingCharacters(in: [" ", "\t"]).lowercased()
            guard let role = role(of: label) else { continue }
            var e = colon + 1
            var spaces = 0
            while e < b.count && b[e] != 0x0A {
                if b[e] == 0x20 || b[e] == 0x09 { spaces += b[e] == 0x09 ? 2 : 1 } else {
                    if spaces >= 2 && e > colon + 3, let nextColon = b[e..<min(e + 45, b.count)].firstIndex(of: 0x3A),
                       !b[e..<nextColon].contains(0x0A) { e -= spaces; break }
                    spaces = 0
                }
                e += 1
            }
            let value = document.text(colon + 1, e)
            fieldLines.insert(lineIndex + 1)
            for item in Self.splitTopLevel(value) {
                let (namePart, paren) = Self.nameAndParenthesis(item)
                func capitalisedRun(_ text: String) -> [String] {
                    Array(text.split(separator: " ").map(String.init).prefix { w in
                        guard let f = w.first else { return false }
                        return f.isUppercase && !Self.notNames.contains(w.lowercased()) && !w.hasSuffix("'s") && !w.hasSuffix("’s")
                    }.prefix(4))
                }
                // A name, not a sentence: "Health visitor: Kirsty has missed two appointments" names nobody.
                let particles: Set<String> = ["de", "van", "von", "bin", "al", "da", "di", "le", "la", "du"]
                let partWords = namePart.split(separator: " ").map(String.init).filter { !particles.contains($0) }
                if partWords.contains(where: { $0.first?.isLowercase ?? false }) { continue }
                var nameWords = capitalisedRun(namePart)
                var kinFromName: String? = nil
                if nameWords.count == 1, kin.contains(nameWords[0].lowercased()) {
                    // "Mum (Kerry Lake)": the family word is the kinship, the name is in brackets.
                    kinFromName = nameWords[0].lowercased()
                    nameWords = capitalisedRun(paren)
                }
                guard !nameWords.isEmpty, !["unknown", "n/a", "none", "not known"].contains(namePart.lowercased()) else { continue }
                var kinship: String? = kinFromName ?? label.split(whereSeparator: { $0 == "/" || $0 == " " }).map(String.init).first { kin.contains($0) }
                if kinship == nil { kinship = paren.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map { $0.lowercased() }.first { kin.contains($0) } }
                guard let i = model.people.person(named: nameWords, titles: titles, kinship: kinship) else { continue }
                markProfessionalTitle(&model, i, nameWords)
                // "Present: Hayley Brooks (mother), SW …": a family member listed with professionals;
                // "Charlie Brooks (4)": an age under 18 in brackets is a child.
                var role = role == .professional && kinship != nil ? PersonRole.unknown : role
                if let age = Int(paren.trimmingCharacters(in: [" "]).prefix { $0.isNumber }), age < 18,
                   paren.trimmingCharacters(in: [" "]).first?.isNumber == true, role != .personCausingHarm, role != .victim {
                    role = .child
                }
                if let r = roleMentioned(in: paren), role == .unknown || role == .child {
                    model.people.all[i].fieldRole = r
                    model.people.all[i].addEvidence("line \(lineIndex + 1): described as \(r == .personCausingHarm ? "the person causing harm" : r.rawValue) in '\(label)'")
                } else if role != .unknown {
                    model.people.all[i].fieldRole = role
                    model.people.all[i].addEvidence("line \(lineIndex + 1): form field '\(label)'")
                } else {
                    model.people.all[i].addEvidence("line \(lineIndex + 1): named as \(label)")
                }
            }
        }
    }

    static func splitTopLevel(_ s: String) -> [String] {
        var out: [String] = [], cur = "", depth = 0
        for ch in s {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            if depth == 0 && (ch == "," || ch == ";" || ch == "&") { out.append(cur); cur = ""; continue }
            cur.append(ch)
            if depth == 0 && cur.hasSuffix(" and ") { out.append(String(cur.dropLast(5))); cur = "" }
        }
        out.append(cur)
        return out.map { $0.trimmingCharacters(in: [" ", "\t", "\r", "."]) }.filter { !$0.isEmpty }
    }

    static func nameAndParenthesis(_ item: String) -> (String, String) {
        guard let open = item.firstIndex(of: "(") else {
            let cut = item.firstIndex(where: { $0 == "-" || $0 == "–" }) ?? item.endIndex
            return (String(item[..<cut]).trimmingCharacters(in: [" "]), "")
        }
        let close = item[open...].firstIndex(of: ")") ?? item.endIndex
        return (String(item[..<open]).trimmingCharacters(in: [" "]), String(item[item.index(after: open)..<close]))
    }

    /// The capitalised name run starting at token `k` (title allowed first), up to 3 words.
    private func nameRun(from k: Int, titles: Set<String>) -> [Int] {
        var run: [Int] = []
        var i = k
        while i < tokens.count && run.count < 4 {
            let t = tokens[i]
            if !run.isEmpty && t.flags.contains(.hardBreak) { break }
            if !run.isEmpty && t.flags.contains(.softBreak) && !titles.contains(lower(run.last!)) { break }
            let w = lower(i)
            if run.isEmpty && titles.contains(w) { run.append(i); i += 1; continue }
            guard t.flags.contains(.capitalised), !t.flags.contains(.number), !Self.notNames.contains(w) else { break }
            run.append(i); i += 1
        }
        if run.count == 1 && titles.contains(lower(run[0])) { return [] }
        return run
    }

    /// The capitalised name run ending at token `k` (a title may lead it), up to 3 words.
    private func nameRun(endingAt k: Int, titles: Set<String>) -> [Int] {
        var run: [Int] = []
        var i = k
        while i >= 0 && run.count < 4 {
            let t = tokens[i]
            let w = lower(i)
            if titles.contains(w) { run.insert(i, at: 0); break }
            guard run.count < 3, t.flags.contains(.capitalised), !t.flags.contains(.number), !Self.notNames.contains(w) else { break }
            run.insert(i, at: 0)
            if t.flags.contains(.hardBreak) || t.flags.contains(.softBreak) { break }
            i -= 1
        }
        if let f = run.first, titles.contains(lower(f)), run.count == 1 { return [] }
        return run
    }

    /// "DC Morley", "Dr Khan": a professional, unless the record says otherwise.
    private func markProfessionalTitle(_ model: inout RecordModel, _ i: Int, _ words: [String]) {
        guard let first = words.first.map({ People.withoutDots($0.lowercased()) }),
              lexicon.record.professionalTitles.contains(first), model.people.all[i].fieldRole == nil else { return }
        model.people.all[i].fieldRole = .professional
        model.people.all[i].addEvidence("titled \(words[0])")
    }

    /// The nearest name (or family word) before token `k` in its sentence, within 25 words.
    private func nearestNameRun(before k: Int, titles: Set<String>, kin: Set<String>) -> [Int] {
        var j = k - 1
        while j >= 0 && j >= k - 25 {
            if tokens[j + 1].flags.contains(.hardBreak) { break }
            let t = tokens[j]
            if !t.flags.contains(.quoted) {
                let w = lower(j)
                if Self.passiveAux.contains(w) { return [] }        // "had been punched and pushed": passive
                if kin.contains(w) { return [j] }
                if t.flags.contains(.capitalised) && !t.flags.contains(.number) && !Self.notNames.contains(w) {
                    let run = nameRun(endingAt: j, titles: titles)
                    if !run.isEmpty { return run }
                }
            }
            j -= 1
        }
        return []
    }

    /// Words that may stand between a subject and its verb: "Mr Platt had kicked".
    static let betweenSubjectAndVerb: Set<String> = ["had", "has", "have", "then", "also", "again", "repeatedly",
        "reportedly", "deliberately", "physically", "once", "twice", "previously", "recently", "later"]

    private func words(_ run: [Int]) -> [String] { run.map { text($0) } }

    /// "the children's father, Dean Morris" and "Dean Morris (father)".
    private func readKinship(into model: inout RecordModel, titles: Set<String>) {
        for m in cues[.kinship] ?? [] {
            let f = Int(m.first), l = Int(m.last)
            let kinWord = lower(l)
            // Forward ("the children's father, Dean Morris", "father Dean Morris") only after a
            // determiner or with nothing between: "Hayley (Mum), Kieran" does not make Kieran "mum".
            let determined = f > 0 && ["the", "her", "his", "their", "'s", "’s", "a", "an", "whose", "mum's", "dad's"].contains(lower(f - 1))
            if l + 1 < tokens.count, !tokens[l + 1].flags.contains(.hardBreak),
               determined || !tokens[l + 1].flags.contains(.softBreak) || onlyComma(between: l, and: l + 1) {
                let run = nameRun(from: l + 1, titles: titles)
                if !run.isEmpty, let i = model.people.person(named: words(run), titles: titles, kinship: kinWord) {
                    model.people.all[i].addEvidence("line \(document.position(of: Int(tokens[f].start)).line): named as \(kinWord)")
                    continue
                }
            }
            if f > 0, tokens[f].flags.contains(.softBreak), l + 1 >= tokens.count || tokens[l + 1].flags.contains(.softBreak) || tokens[l + 1].flags.contains(.hardBreak) {
                let run = nameRun(endingAt: f - 1, titles: titles)
                if !run.isEmpty, let i = model.people.person(named: words(run), titles: titles, kinship: kinWord) {
                    model.people.all[i].addEvidence("line \(document.position(of: Int(tokens[f].start)).line): named as \(kinWord)")
                }
            }
        }
    }

    /// Who did what to whom: "Mr Khan punched Ms Begum", "Ms Begum was punched by Mr Khan".
    private func readAgents(into model: inout RecordModel, titles: Set<String>, kin: Set<String>) {
        func reference(_ run: [Int]) -> Int? {
            if run.count == 1 && kin.contains(lower(run[0])) { return model.people.person(kin: text(run[0])) }
            let i = model.people.person(named: words(run), titles: titles)
            if let i { markProfessionalTitle(&model, i, words(run)) }
            return i
        }
        func note(_ i: Int?, harmed: Bool, verb: Int) {
            guard let i else { return }
            if harmed { model.people.all[i].harmedVotes += 1 } else { model.people.all[i].harmVotes += 1 }
            let line = document.position(of: Int(tokens[verb].start)).line
            model.people.all[i].addEvidence("line \(line): \(harmed ? "harmed" : "the one who") \(harmed ? "(" : "")\(text(verb))\(harmed ? ")" : "")")
        }
        for m in cues[.harmVerb] ?? [] {
            let k = Int(m.first), l = Int(m.last)
            if tokens[k].flags.contains(.quoted) { continue }
            if k > 0, Self.passiveAux.contains(lower(k - 1)), !tokens[k].flags.contains(.softBreak) {
                // Passive: the subject was harmed ("Mum had been punched"); an agent follows "by".
                var e = k - 1
                while e >= 0, Self.passiveAux.contains(lower(e)) || ["had", "has", "have"].contains(lower(e)) { e -= 1 }
                if e >= 0 { let run = nameRun(endingAt: e, titles: titles); if !run.isEmpty { note(reference(run), harmed: true, verb: k) } }
                var j = l + 1
                while j < tokens.count && j <= l + 3 && !tokens[j].flags.contains(.hardBreak) {
                    if lower(j) == "by" {
                        var n = j + 1
                        while n < tokens.count, ["her", "his", "their", "the", "mum's", "mother's"].contains(lower(n)) { n += 1 }
                        if n < tokens.count {
                            let w = lower(n)
                            if kin.contains(w) { note(model.people.person(kin: text(n)), harmed: false, verb: k) }
                            else { let run = nameRun(from: n, titles: titles); if !run.isEmpty { note(reference(run), harmed: false, verb: k) } }
                        }
                        break
                    }
                    j += 1
                }
                continue
            }
            // Active: NAME (had) VERB (NAME). A bare base form ("abuse", "harm") is more often a
            // noun or an infinitive than a finite verb: no subject is read from it.
            if let lemma = compiled.patterns[Int(m.pattern)].elements.first?.first?.first?.family {
                let w = lower(k)
                if lexicon.morphology.form(of: w, lemma: lemma) == .base && lexicon.morphology.inflect(lemma, as: .past) != lemma { continue }
            }
            var subject: [Int] = []
            if k > 0, !tokens[k].flags.contains(.softBreak), !tokens[k].flags.contains(.hardBreak) {
                var end = k - 1
                while end > 0, end >= k - 2, Self.betweenSubjectAndVerb.contains(lower(end)),
                      !tokens[end].flags.contains(.softBreak), !tokens[end].flags.contains(.hardBreak) { end -= 1 }
                subject = nameRun(endingAt: end, titles: titles)
                if subject.isEmpty && ["he", "she", "they", "i", "we", "you", "it", "who"].contains(lower(end)) { continue }
            }
            if subject.isEmpty { subject = nearestNameRun(before: k, titles: titles, kin: kin) }
            if !subject.isEmpty { note(reference(subject), harmed: false, verb: k) }
            if l + 1 < tokens.count, !tokens[l + 1].flags.contains(.softBreak), !tokens[l + 1].flags.contains(.hardBreak) {
                let object = nameRun(from: l + 1, titles: titles)
                if !object.isEmpty { note(reference(object), harmed: true, verb: k) }
            }
        }
    }

    /// True when only a comma and spaces separate two tokens ("Mum, Samira Hussain").
    private func onlyComma(between a: Int, and b: Int) -> Bool {
        let gap = document.bytes[Int(tokens[a].end)..<Int(tokens[b].start)]
        return gap.contains(0x2C) && gap.allSatisfy { $0 == 0x2C || $0 == 0x20 }
    }

    /// "Mr Tariq Bashir", "DC Morley": every titled name is a person of the record.
    private func readTitledNames(into model: inout RecordModel, titles: Set<String>, skip fieldLines: Set<Int>) {
        for m in cues[.title] ?? [] {
            let k = Int(m.first)
            if tokens[k].flags.contains(.quoted) || fieldLines.contains(document.position(of: Int(tokens[k].start)).line) { continue }
            let run = nameRun(from: k, titles: titles)
            guard run.count >= 2, let i = model.people.person(named: words(run), titles: titles) else { continue }
            markProfessionalTitle(&model, i, words(run))
        }
    }

    private func mentions(of p: Person, outside fieldLines: Set<Int>) -> Int {
        let keys = Set([p.surname, p.forename, p.kinship == nil || p.surname != nil ? nil : p.name].compactMap { $0.map { Array($0.lowercased().utf8) } })
        let lengths = Set(keys.map(\.count))
        var n = 0
        let b = document.bytes
        for t in tokens where t.flags.contains(.capitalised) && lengths.contains(Int(t.end - t.start)) {
            let word = b[Int(t.start)..<Int(t.end)].map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
            if keys.contains(word) && !fieldLines.contains(document.position(of: Int(t.start)).line) { n += 1 }
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
            if k > 0, ["not", "n't", "never"].contains(lower(k - 1)) { continue }
            let offset = Int(tokens[k].start)
            model.outcomes.append(Outcome(offset: offset, date: model.date(at: offset),
                                          text: document.text(offset, Int(tokens[Int(m.last)].end))))
        }
    }

    // MARK: plans

    /// Action lines: in a plan section, or any bullet / numbered / "Action:" line, whose first
    /// words are an actor followed by an action verb ("Mum to …", "Mr Khan will …").
    private func readPlan(into model: inout RecordModel, titles: Set<String>, kin: Set<String>) {
        let actionStarts = Dictionary((cues[.actionVerb] ?? []).map { (Int($0.first), Int($0.last)) }, uniquingKeysWith: max)
        guard !actionStarts.isEmpty else { return }
        let agencyStarts = Dictionary((cues[.agency] ?? []).map { (Int($0.first), Int($0.last)) }, uniquingKeysWith: max)
        var headingLines = Set<Int>()
        for m in cues[.planHeading] ?? [] where isLineStart(Int(m.first)) {
            headingLines.insert(document.position(of: Int(tokens[Int(m.first)].start)).line)
        }
        let b = document.bytes
        var inPlan = false
        var k = 0
        for (index, start) in document.lineStarts.enumerated() {
            let line = index + 1
            let end = index + 1 < document.lineStarts.count ? document.lineStarts[index + 1] : b.count
            if headingLines.contains(line) { inPlan = true; continue }
            var p = start
            while p < end && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
            let isBullet = p < end && (b[p] == 0x2D || b[p] == 0x2A || (b[p] >= 0x30 && b[p] <= 0x39) || b[p] == 0xE2)
            if inPlan && !isBullet && Self.looksLikeHeading(document.text(p, end)) { inPlan = false }
            while k < tokens.count && Int(tokens[k].start) < start { k += 1 }
            guard k < tokens.count, Int(tokens[k].start) < end else { continue }
            var first = k
            let len = Int(tokens[first].end - tokens[first].start)
            if (len == 6 || len == 7), ["action", "actions"].contains(lower(first)), first + 1 < tokens.count, tokens[first + 1].flags.contains(.softBreak) { first += 1 }
            while first < tokens.count && tokens[first].flags.contains(.number) && Int(tokens[first].start) < end { first += 1 }
            guard inPlan || isBullet || first != k else { continue }
            // The actor: up to six words before an action verb.
            var verbAt = -1
            for j in first..<min(first + 7, tokens.count) where Int(tokens[j].start) < end {
                if j > first, actionStarts[j] != nil { verbAt = j; break }
                if j > first && (tokens[j].flags.contains(.softBreak) || tokens[j].flags.contains(.hardBreak)) { break }
            }
            guard verbAt > first else { continue }
            let actorText = document.text(Int(tokens[first].start), Int(tokens[verbAt - 1].end))
            if agencyStarts[first] != nil {
                model.actions.append(PlanAction(line: line, actor: actorText, role: .professional, isAgency: true))
                continue
            }
            // Family actors, possibly several ("Mum and Dad").
            var j = first
            while j < verbAt {
                if ["and", "&", "both"].contains(lower(j)) { j += 1; continue }
                var run = nameRun(from: j, titles: titles)
                var who: Int? = nil
                if kin.contains(lower(j)) { who = model.people.person(kin: text(j)); run = [j] }
                else if !run.isEmpty { who = model.people.person(named: words(run), titles: titles) }
                let role = who.map { model.people.all[$0].role } ?? .unknown
                model.actions.append(PlanAction(line: line, actor: run.isEmpty ? actorText : words(run).joined(separator: " "), role: role, isAgency: false))
                j = run.isEmpty ? j + 1 : (run.last! + 1)
            }
        }
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

    /// A short line ending with a colon, or in capitals: a section heading.
    static func looksLikeHeading(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: [" ", "\t", "\r", "\n"])
        guard !t.isEmpty, t.count < 45 else { return false }
        if t.hasSuffix(":") { return true }
        let letters = t.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
    }
}
