import CaseLensCore
import XCTest

/// Small inline lexicons for engine tests, independent of the shipped rules.
enum Fixtures {
    static let roles = """
    roles:
      victim: [mother, mum, "ms <Name>", she, her]
      perpetrator: [father, dad, "mr <Name>", he, him, partner]
      child: ["the children", "the child", "her son"]
    """
    static let families = """
    families:
      fail: { also: [failure] }
      hit: { past: hit, ing: hitting }
      say: { past: said, s: says }
      tell: { past: told }
    """
    static let context = """
    negation: [not, "n't", never, "no"]
    speech_verbs: [~say, ~tell, ~describe]
    """

    static func rule(_ id: String, _ patterns: [String], exceptions: [String] = [], unless: [String] = [],
                     suggestion: String = "null", severity: String = "high", negation: String = "cancels") -> String {
        let category = String(id.prefix { $0 != "." })
        func list(_ xs: [String]) -> String { "[" + xs.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        return """
          - id: \(id)
            category: \(category)
            severity: \(severity)
            patterns: \(list(patterns))
            exceptions: \(list(exceptions))
            unless_in_sentence: \(list(unless))
            negation: \(negation)
            message: "m"
            why: "w"
            suggestion: \(suggestion)
            source: "test"
            examples:
              flag: ["a", "b"]
              pass: ["c", "d"]

        """
    }

    /// A compiled lexicon with the given rule entries (all in one file per category).
    static func compiled(_ rules: String...) throws -> CompiledLexicon {
        var byCategory: [String: String] = [:]
        for r in rules {
            let cat = r.components(separatedBy: "category: ")[1].prefix { $0 != "\n" }
            byCategory[String(cat), default: ""] += r
        }
        var files: [(name: String, text: String)] = [("roles.yaml", roles), ("families.yaml", families), ("context.yaml", context)]
        for (cat, body) in byCategory { files.append(("\(cat).yaml", "category: \(cat)\nrules:\n" + body)) }
        return try CompiledLexicon(try LexiconLoader.parse(files: files))
    }

    static func check(_ text: String, _ compiled: CompiledLexicon) throws -> FileReport {
        try Checker(compiled).check(Document(name: "t", text: text))
    }
}
