/// Suggestion templates: `{perpetrator}`, `{victim}`, `{children}`, `{who}`, `{N}`, `{N-}`,
/// `{N|object}`, `{N|subject}`, `{N|possessive}` and `{~verb}` (see lexicons/README.md).
public enum SuggestionTemplate {
    /// What a template can refer to when it is filled in.
    public struct Values {
        public var perpetrator: String
        public var victim: String
        public var children: String
        /// Text matched by each top-level pattern element (1-based; index 0 unused).
        public var elements: [String?]
        /// Text from the start of each element (after the words of the elements before it) to the
        /// end of the match, for `{N-}`: the same words whatever optional elements and gaps a
        /// rule's patterns put before the last one.
        public var tails: [String?] = []
        /// For `{who}`: the words of the match's `@victim` element (or of a `<Name>` opening it),
        /// nil when it has neither ("and not to have any contact with Reece": `{victim}` instead).
        public var who: String? = nil
        /// The form of the first word-family word matched, for `{~verb}`.
        public var form: WordForm?
        public var morphology: Morphology
    }

    public static let unknownPerpetrator = "[the person causing harm]"
    public static let unknownVictim = "[the adult victim]"

    /// Fills in a template. Placeholders that fill with nothing (an optional element that did not
    /// match) leave no double spaces behind. Nil when the template inflects a verb (`{~verb}`) but
    /// the match held no word-family word to take the form from: the tense is unknown, and a base
    /// form ("Jade keeps going back" → "Jade return …") would be ungrammatical.
    public static func render(_ template: String, _ v: Values) -> String? {
        if v.form == nil, template.containsBytes(of: "{~") { return nil }
        let filled = substitute(template, v)
        if SimpleText.whiteSpaceStandsAlone(in: filled) {
            // Every space is a character of its own: the same on the bytes.
            var out: [UInt8] = []
            out.reserveCapacity(filled.utf8.count)
            for c in filled.utf8 where !(c == 0x20 && (out.isEmpty || out.last == 0x20)) { out.append(c) }
            while out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
        var collapsed = ""
        for ch in filled {
            if ch == " " && (collapsed.isEmpty || collapsed.last == " ") { continue }
            collapsed.append(ch)
        }
        while collapsed.last == " " { collapsed.removeLast() }
        return collapsed
    }

    private static func substitute(_ template: String, _ v: Values) -> String {
        var out = ""
        var rest = Substring(template)
        // Braces found on the bytes: a template's braces are plain ASCII.
        while let open = rest.utf8.firstIndex(of: 0x7B) {
            out += rest[..<open]
            guard let close = rest[open...].utf8.firstIndex(of: 0x7D) else { out += rest[open...]; return out }
            let body = String(rest[rest.index(after: open)..<close])
            out += fill(body, v)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private static func fill(_ body: String, _ v: Values) -> String {
        switch body {
        case "perpetrator": return v.perpetrator
        case "victim": return v.victim
        case "children": return v.children
        default: break
        }
        if body.hasPrefix("~") {
            let lemma = String(body.dropFirst())
            return v.morphology.inflect(lemma, as: v.form ?? .base)
        }
        let parts = body.split(separator: "|", maxSplits: 1).map(String.init)
        if parts[0] == "who" {
            guard let who = v.who else { return parts.count == 2 && parts[1] == "possessive" ? Pronouns.convert(v.victim, to: "possessive") : v.victim }
            return parts.count == 2 ? Pronouns.convert(who, to: parts[1]) : who
        }
        if parts[0].hasSuffix("-"), let n = Int(parts[0].dropLast()) {
            // From where element N starts (after the last element before it) to the end of the match.
            guard n >= 1, n < v.tails.count else { return "" }
            return v.tails[n] ?? ""
        }
        guard let n = Int(parts[0]), n >= 1, n < v.elements.count, let text = v.elements[n] else { return "" }
        return parts.count == 2 ? Pronouns.convert(text, to: parts[1]) : text
    }

    /// Why a template is invalid for these patterns, or nil when it is fine.
    public static func problem(in template: String, patterns: [Pattern]) -> String? {
        var rest = Substring(template)
        let minElements = patterns.map(\.elements.count).min() ?? 0
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return "unclosed '{'" }
            let body = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            if ["perpetrator", "victim", "children"].contains(body) { continue }
            if body.hasPrefix("~") && body.count > 1 { continue }
            let parts = body.split(separator: "|", maxSplits: 1).map(String.init)
            if parts[0] == "who" {
                if parts.count == 2 && !["object", "subject", "possessive"].contains(parts[1]) {
                    return "unknown case '\(parts[1])' in {\(body)} (object, subject or possessive)"
                }
                continue
            }
            let tail = parts[0].hasSuffix("-") && parts.count == 1
            guard let n = Int(tail ? String(parts[0].dropLast()) : parts[0]) else { return "unknown placeholder {\(body)}" }
            if n < 1 || n > minElements { return "{\(n)} refers to element \(n), but a pattern has only \(minElements) elements" }
            if parts.count == 2 && !["object", "subject", "possessive"].contains(parts[1]) {
                return "unknown case '\(parts[1])' in {\(body)} (object, subject or possessive)"
            }
        }
        return nil
    }
}

/// Pronoun case changes for `{N|object}` and friends; other words are left alone
/// (a name gets 's for the possessive).
enum Pronouns {
    static let object = ["she": "her", "he": "him", "they": "them", "i": "me", "we": "us", "who": "whom"]
    static let subject = ["her": "she", "him": "he", "them": "they", "me": "i", "us": "we"]
    static let possessive = ["she": "her", "he": "his", "they": "their", "her": "her", "him": "his", "them": "their", "i": "my", "we": "our"]

    static func convert(_ text: String, to form: String) -> String {
        let key = text.lowercased()
        let table: [String: String]
        switch form {
        case "object": table = object
        case "subject": table = subject
        default: table = possessive
        }
        if let replacement = table[key] { return replacement == "i" ? "I" : replacement }
        if form == "possessive" { return text.hasSuffix("s") ? text + "'" : text + "'s" }
        return text
    }
}

extension String {
    /// The string with its first letter upper-cased.
    public var capitalisedFirst: String {
        guard let i = firstIndex(where: { $0.isLetter }) else { return self }
        return String(self[..<i]) + self[i].uppercased() + self[index(after: i)...]
    }
}
