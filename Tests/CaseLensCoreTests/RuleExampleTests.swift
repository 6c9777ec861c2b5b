import CaseLensCore
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
