import CaseLensCore
import Foundation
import CaseLensLexicons
import XCTest

/// Every shipped rule's own examples: each `flag` example must produce a finding of that rule in
/// the writer's voice, and each `pass` example must not. Failures name the rule and the example.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleExample() throws {
        // Examples come from the full lexicon; the checker is what `caselens check` runs: the core.
        let lexicon = try BuiltInLexicon.lexicon()
        let checker = try Checker(try BuiltInLexicon.compiled())
        var failures: [String] = []
        var checked = 0
        for rule in lexicon.rules {
            for example in rule.flagExamples {
                checked += 1
                let found = checker.check(Document(name: rule.id, text: example)).findings
                    .filter { $0.rule == rule.id && $0.context == nil }
                if found.isEmpty {
                    let others = checker.check(Document(name: rule.id, text: example)).findings.map { "\($0.rule)\($0.context == nil ? "" : " (quoted)")" }
                    failures.append("\(rule.id) (\(rule.file):\(rule.line)): flag example not flagged: \"\(example)\"" + (others.isEmpty ? "" : " [found instead: \(others.joined(separator: ", "))]"))
                }
                for f in found where (f.suggestion ?? "").contains("{") {
                    failures.append("\(rule.id): unfilled placeholder in suggestion \"\(f.suggestion!)\"")
                }
                // A suggestion that fills an element with the wrong words (one pattern of the rule
                // has an optional "the" or a gap where another has the phrase) leaves a broken phrase
                // in the rewritten sentence: "SW is to offer Mum the and evidence her learning".
                for f in found {
                    guard let rewrite = f.rewrite else { continue }
                    let broken = Self.brokenPairs(in: rewrite).subtracting(Self.brokenPairs(in: example))
                    if !broken.isEmpty {
                        failures.append("\(rule.id) (\(rule.file):\(rule.line)): rewrite has \(broken.sorted().map { "'\($0)'" }.joined(separator: ", ")): \"\(rewrite)\" for \"\(example)\"")
                    }
                }
            }
            for example in rule.passExamples {
                checked += 1
                let found = checker.check(Document(name: rule.id, text: example)).findings
                    .filter { $0.rule == rule.id && $0.context == nil }
                if let f = found.first {
                    failures.append("\(rule.id) (\(rule.file):\(rule.line)): pass example flagged at \"\(f.text ?? "")\": \"\(example)\"")
                }
            }
        }
        print("Rule examples: \(checked) checked over \(lexicon.rules.count) rules, \(failures.count) failing")
        if !failures.isEmpty { XCTFail("\(failures.count) rule example(s) failed:\n" + failures.joined(separator: "\n")) }
    }

    static let determiners: Set<String> = ["the", "a", "an"]
    static let prepositions: Set<String> = ["to", "of", "with", "for", "by", "at", "in", "on", "from", "into"]
    static let conjunctions: Set<String> = ["and", "or", "but"]

    /// Word pairs no sentence should have: a determiner before a function word or the end of a
    /// clause ("the and", "the."), a preposition before a preposition, conjunction or clause end
    /// ("with to", "with and").
    static func brokenPairs(in text: String) -> Set<String> {
        var words: [String] = []
        for piece in text.lowercased().split(separator: " ") {
            let word = piece.trimmingCharacters(in: .punctuationCharacters)
            if !word.isEmpty { words.append(word) }
            if let end = piece.last, ".,;:!?".contains(end) { words.append("|") }
        }
        words.append("|")
        var out: Set<String> = []
        for (a, b) in zip(words, words.dropFirst()) {
            let function = prepositions.union(conjunctions).union(determiners)
            if determiners.contains(a) && (function.contains(b) || b == "|") { out.insert("\(a) \(b)") }
            if prepositions.contains(a) && (prepositions.contains(b) || conjunctions.contains(b) || b == "|") { out.insert("\(a) \(b)") }
        }
        return out
    }

    func testLexiconCoverage() throws {
        let lexicon = try BuiltInLexicon.lexicon()
        XCTAssertGreaterThanOrEqual(lexicon.rules.count, 120, "lexicon v1 has at least 120 rules")
        for c in Category.allCases {
            XCTAssertFalse(lexicon.rules.filter { $0.category == c }.isEmpty, "no rules for \(c.rawValue)")
        }
        for r in lexicon.rules {
            XCTAssertGreaterThanOrEqual(r.flagExamples.count, 2, r.id)
            XCTAssertGreaterThanOrEqual(r.passExamples.count, 2, r.id)
            XCTAssertTrue(r.file.hasSuffix("\(r.category.rawValue).yaml"), "\(r.id) is in \(r.file)")
        }
    }
}
