import Foundation
import Yams

/// Reads lexicon YAML files into a `Lexicon`, checking every field and reporting problems with
/// file, line and column.
public enum LexiconLoader {
    /// All `*.yaml` / `*.yml` files of one directory.
    public static func directory(_ path: String) throws(LexiconError) -> Lexicon {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LexiconError(file: path, line: 0, message: "no such lexicon directory")
        }
        guard isDir.boolValue else { throw LexiconError(file: path, line: 0, message: "not a directory (give a folder of .yaml files)") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw LexiconError(file: path, line: 0, message: "cannot read directory: \(error.localizedDescription)")
        }
        var files: [(name: String, text: String)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let full = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: full) else {
                throw LexiconError(file: full, line: 0, message: "cannot read file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconError(file: full, line: 0, message: "not valid UTF-8")
            }
            files.append((full, text))
        }
        if files.isEmpty { throw LexiconError(file: path, line: 0, message: "no .yaml files in lexicon directory") }
        return try parse(files: files)
    }

    /// Parses lexicon files given as (path, text).
    public static func parse(files: [(name: String, text: String)]) throws(LexiconError) -> Lexicon {
        var lexicon = Lexicon()
        var seen: [String: (String, Int)] = [:]
        for (name, text) in files {
            let base = (name as NSString).lastPathComponent
            let reader = FileReader(file: name)
            let root = try reader.root(text)
            switch base {
            case "roles.yaml", "roles.yml": lexicon.roles.merge(try reader.roles(root)) { $0 + $1 }
            case "families.yaml", "families.yml":
                for (k, v) in try reader.families(root) { lexicon.morphology.entries[k] = v }
            case "record.yaml", "record.yml": lexicon.record.overlay(try reader.record(root))
            case "context.yaml", "context.yml":
                let (neg, speech) = try reader.context(root)
                lexicon.negationCues += neg
                lexicon.speechCues += speech
            default:
                let fileCategory = (base as NSString).deletingPathExtension
                for rule in try reader.rules(root, fileCategory: Category(rawValue: fileCategory)) {
                    if let (f, l) = seen[rule.id] {
                        throw LexiconError(file: name, line: rule.line, message: "duplicate rule id '\(rule.id)' (first defined at \(f):\(l))")
                    }
                    seen[rule.id] = (name, rule.line)
                    lexicon.rules.append(rule)
                }
            }
        }
        return lexicon
    }
}

/// Reads one file's YAML nodes, remembering the file name for errors.
private struct FileReader {
    let file: String

    func fail(_ node: Node?, _ message: String) -> LexiconError {
        LexiconError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    func root(_ text: String) throws(LexiconError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { throw fail(nil, "empty lexicon file") }
            return node
        } catch let e as LexiconError {
            throw e
        } catch let YamlError.scanner(_, problem, mark, _) {
            throw LexiconError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
        } catch let YamlError.parser(_, problem, mark, _) {
            throw LexiconError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
        } catch let YamlError.composer(_, problem, mark, _) {
            throw LexiconError(file: file, line: mark.line, column: mark.column, message: "YAML error: \(problem)")
        } catch {
            throw fail(nil, "YAML error: \(error)")
        }
    }

    func mapping(_ node: Node, _ what: String) throws(LexiconError) -> [(key: String, keyNode: Node, value: Node)] {
        guard let m = node.mapping else { throw fail(node, "\(what) must be a mapping of keys to values") }
        var out: [(String, Node, Node)] = []
        for (k, v) in m {
            guard let key = k.scalar?.string else { throw fail(k, "keys must be plain words") }
            out.append((key, k, v))
        }
        return out
    }

    func string(_ node: Node, _ what: String) throws(LexiconError) -> String {
        guard let s = node.scalar, node.sequence == nil else { throw fail(node, "\(what) must be text") }
        return s.string
    }

    func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    func strings(_ node: Node, _ what: String) throws(LexiconError) -> [(String, Node)] {
        guard let seq = node.sequence else { throw fail(node, "\(what) must be a list") }
        var out: [(String, Node)] = []
        for item in seq { out.append((try string(item, "each item of \(what)"), item)) }
        return out
    }

    func patterns(_ node: Node, _ what: String) throws(LexiconError) -> [Pattern] {
        var out: [Pattern] = []
        for (text, item) in try strings(node, what) {
            do {
                out.append(try PatternParser.parse(text, line: item.mark?.line ?? 0))
            } catch {
                throw LexiconError(file: file, line: item.mark?.line ?? 1, column: (item.mark?.column ?? 1),
                                   message: "bad pattern \"\(text)\": \(error.message) (at character \(error.column))")
            }
        }
        return out
    }

    func rules(_ root: Node, fileCategory: Category?) throws(LexiconError) -> [Rule] {
        var category: Category? = nil
        var rulesNode: Node? = nil
        for (key, keyNode, value) in try mapping(root, "a lexicon file") {
            switch key {
            case "category":
                let name = try string(value, "category")
                guard let c = Category(rawValue: name) else { throw fail(value, "unknown category '\(name)' (one of: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))") }
                if let fc = fileCategory, fc != c { throw fail(value, "category '\(name)' does not match the file name '\(fc.rawValue).yaml'") }
                category = c
            case "rules": rulesNode = value
            default: throw fail(keyNode, "unknown key '\(key)' (a rule file has 'category' and 'rules')")
            }
        }
        guard let rulesNode else { throw fail(root, "missing 'rules:' list") }
        guard let seq = rulesNode.sequence else { throw fail(rulesNode, "'rules' must be a list") }
        var out: [Rule] = []
        for node in seq { out.append(try rule(node, fileCategory: category ?? fileCategory)) }
        return out
    }

    static let ruleKeys: Set<String> = ["id", "category", "severity", "patterns", "exceptions", "unless_in_sentence",
                                         "negation", "requires", "scope", "signal", "message", "why", "suggestion",
                                         "replaces", "source", "examples"]

    func rule(_ node: Node, fileCategory: Category?) throws(LexiconError) -> Rule {
        var fields: [String: Node] = [:]
        for (key, keyNode, value) in try mapping(node, "a rule") {
            guard Self.ruleKeys.contains(key) else {
                throw fail(keyNode, "unknown rule field '\(key)' (fields: \(Self.ruleKeys.sorted().joined(separator: ", ")))")
            }
            fields[key] = value
        }
        func required(_ k: String) throws(LexiconError) -> Node {
            guard let v = fields[k] else { throw fail(node, "rule is missing '\(k)'") }
            return v
        }
        let id = try string(try required("id"), "id")
        let categoryName = try string(try required("category"), "category")
        guard let category = Category(rawValue: categoryName) else {
            throw fail(fields["category"], "unknown category '\(categoryName)'")
        }
        if let fc = fileCategory, fc != category { throw fail(fields["category"], "rule '\(id)' has category '\(categoryName)' in the \(fc.rawValue) file") }
        guard id.hasPrefix(category.rawValue + "."),
              id.dropFirst(category.rawValue.count + 1).allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }),
              id.count > category.rawValue.count + 1 else {
            throw fail(fields["id"], "rule id '\(id)' must be '\(category.rawValue).name' in lower case with hyphens")
        }
        let severityName = try string(try required("severity"), "severity")
        guard let severity = Severity(rawValue: severityName), severity != .info else {
            throw fail(fields["severity"], "severity must be high, medium or low (found '\(severityName)')")
        }
        var signal: RecordSignal? = nil
        if let n = fields["scope"] {
            let v = try string(n, "scope")
            guard v == "file" || v == "span" else { throw fail(n, "scope must be 'span' (default) or 'file'") }
            if v == "file" {
                guard let sn = fields["signal"] else { throw fail(n, "a file-level rule needs 'signal' (plan-imbalance or unnamed)") }
                let sv = try string(sn, "signal")
                guard let sig = RecordSignal(rawValue: sv) else { throw fail(sn, "unknown signal '\(sv)' (plan-imbalance or unnamed)") }
                signal = sig
            }
        }
        let patterns = signal != nil && fields["patterns"] == nil ? [] : try patterns(try required("patterns"), "patterns")
        if patterns.isEmpty && signal == nil { throw fail(fields["patterns"], "rule '\(id)' has no patterns") }
        var requires: RuleCondition? = nil
        if let n = fields["requires"] {
            let v = try string(n, "requires")
            guard let c = RuleCondition(rawValue: v) else { throw fail(n, "unknown condition '\(v)' (prior-outcome, victim-task)") }
            requires = c
        }
        let exceptions = try fields["exceptions"].map { n throws(LexiconError) in try self.patterns(n, "exceptions") } ?? []
        let unless = try fields["unless_in_sentence"].map { n throws(LexiconError) in try self.patterns(n, "unless_in_sentence") } ?? []
        var negation = NegationPolicy.cancels
        if let n = fields["negation"] {
            let v = try string(n, "negation")
            guard let p = NegationPolicy(rawValue: v) else { throw fail(n, "negation must be 'cancels' or 'ignored'") }
            negation = p
        }
        let message = try string(try required("message"), "message")
        let why = try string(try required("why"), "why")
        let suggestionNode = try required("suggestion")
        let suggestion: String? = isNull(suggestionNode) ? nil : try string(suggestionNode, "suggestion")
        if let suggestion, let problem = SuggestionTemplate.problem(in: suggestion, patterns: patterns) {
            throw fail(suggestionNode, "suggestion: \(problem)")
        }
        var replacesClause = false
        if let n = fields["replaces"] {
            let v = try string(n, "replaces")
            guard v == "match" || v == "clause" else { throw fail(n, "replaces must be 'match' (default) or 'clause'") }
            guard suggestion != nil || v == "match" else { throw fail(n, "rule '\(id)' replaces a clause but has no suggestion") }
            replacesClause = v == "clause"
        }
        let source = try string(try required("source"), "source")
        let examplesNode = try required("examples")
        var flag: [String] = [], pass: [String] = []
        for (key, keyNode, value) in try mapping(examplesNode, "examples") {
            switch key {
            case "flag": flag = try strings(value, "examples.flag").map(\.0)
            case "pass": pass = try strings(value, "examples.pass").map(\.0)
            default: throw fail(keyNode, "unknown key '\(key)' in examples (use 'flag' and 'pass')")
            }
        }
        if flag.count < 2 { throw fail(examplesNode, "rule '\(id)' needs at least two examples.flag") }
        if pass.count < 2 { throw fail(examplesNode, "rule '\(id)' needs at least two examples.pass") }
        for (k, v) in [("message", message), ("why", why), ("source", source)] where v.trimmedSpaces.isEmpty {
            throw fail(fields[k], "rule '\(id)' has an empty \(k)")
        }
        return Rule(id: id, category: category, severity: severity, patterns: patterns, exceptions: exceptions,
                    unlessInSentence: unless, negation: negation, requires: requires, signal: signal, message: message.trimmedSpaces,
                    why: why.trimmedSpaces, suggestion: suggestion, replacesClause: replacesClause,
                    source: source, flagExamples: flag, passExamples: pass, file: file, line: node.mark?.line ?? 0)
    }

    func roles(_ root: Node) throws(LexiconError) -> [String: [Pattern]] {
        var out: [String: [Pattern]] = [:]
        for (key, keyNode, value) in try mapping(root, "roles.yaml") {
            guard key == "roles" else { throw fail(keyNode, "roles.yaml has one key, 'roles'") }
            for (name, _, list) in try mapping(value, "roles") {
                let ps = try patterns(list, "role '\(name)'")
                for p in ps where p.containsRole {
                    throw LexiconError(file: file, line: p.line, message: "role '\(name)': a role entry cannot use another role")
                }
                out[name.lowercased(), default: []] += ps
            }
        }
        return out
    }

    func families(_ root: Node) throws(LexiconError) -> [String: FamilyEntry] {
        var out: [String: FamilyEntry] = [:]
        for (key, keyNode, value) in try mapping(root, "families.yaml") {
            guard key == "families" else { throw fail(keyNode, "families.yaml has one key, 'families'") }
            for (word, _, spec) in try mapping(value, "families") {
                var e = FamilyEntry()
                for (k, kn, v) in try mapping(spec, "family '\(word)'") {
                    switch k {
                    case "s": e.s = try string(v, k)
                    case "past": e.past = try string(v, k)
                    case "participle": e.participle = try string(v, k)
                    case "ing": e.ing = try string(v, k)
                    case "also": e.also = try strings(v, k).map(\.0)
                    default: throw fail(kn, "unknown key '\(k)' in family '\(word)' (s, past, participle, ing, also)")
                    }
                }
                out[word.lowercased()] = e
            }
        }
        return out
    }

    func record(_ root: Node) throws(LexiconError) -> RecordCues {
        var cues = RecordCues()
        for (key, keyNode, value) in try mapping(root, "record.yaml") {
            switch key {
            case "fields":
                for (role, _, list) in try mapping(value, "fields") {
                    cues.fields[role.lowercased(), default: []] += try strings(list, "fields.\(role)").map { $0.0.lowercased() }
                }
            case "kinship": cues.kinship = try patterns(value, key)
            case "titles": cues.titles = try patterns(value, key)
            case "professional_titles": cues.professionalTitles = try strings(value, key).map { $0.0.lowercased() }
            case "harm_verbs": cues.harmVerbs = try patterns(value, key)
            case "harmed_cues": cues.harmedCues = try patterns(value, key)
            case "outcomes": cues.outcomes = try patterns(value, key)
            case "outcome_negations": cues.outcomeNegations = try patterns(value, key)
            case "doubt_words": cues.doubtWords = try patterns(value, key)
            case "new_matter": cues.newMatter = try patterns(value, key)
            case "other_matter": cues.otherMatter = try patterns(value, key)
            case "other_matter_mentions": cues.otherMatterMentions = try patterns(value, key)
            case "plan_headings": cues.planHeadings = try patterns(value, key)
            case "action_verbs": cues.actionVerbs = try patterns(value, key)
            case "agencies": cues.agencies = try patterns(value, key)
            case "abuse_terms": cues.abuseTerms = try patterns(value, key)
            case "kin_equivalents":
                for (word, _, variants) in try mapping(value, "kin_equivalents") {
                    cues.kinEquivalents[word.lowercased(), default: []] += try strings(variants, "kin_equivalents.\(word)").map { $0.0.lowercased() }
                }
            case "grammar":
                for (list, listNode, words) in try mapping(value, "grammar") {
                    guard RecordWords.grammarLists[list] != nil else {
                        throw fail(listNode, "unknown grammar list '\(list)' in record.yaml (known: \(RecordWords.grammarLists.keys.sorted().joined(separator: ", ")))")
                    }
                    cues.grammar[list, default: []] += try strings(words, "grammar.\(list)").map { $0.0.lowercased() }
                }
            default: throw fail(keyNode, "unknown key '\(key)' in record.yaml")
            }
        }
        return cues
    }

    func context(_ root: Node) throws(LexiconError) -> ([Pattern], [Pattern]) {
        var neg: [Pattern] = [], speech: [Pattern] = []
        for (key, keyNode, value) in try mapping(root, "context.yaml") {
            switch key {
            case "negation": neg = try patterns(value, "negation")
            case "speech_verbs": speech = try patterns(value, "speech_verbs")
            default: throw fail(keyNode, "unknown key '\(key)' in context.yaml (negation, speech_verbs)")
            }
        }
        return (neg, speech)
    }
}

extension String {
    /// The string without leading and trailing white space (without Foundation's bridging cost).
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Pattern {
    /// True when the pattern refers to a role class anywhere.
    var containsRole: Bool { elements.contains { $0.containsRole } }
}

extension PatternElement {
    var containsRole: Bool {
        switch self {
        case .role: return true
        case .group(let alts): return alts.contains { $0.contains { $0.containsRole } }
        case .optional(let e): return e.containsRole
        default: return false
        }
    }
}
