import CaseLensCore
import CaseLensLexicons
import XCTest

/// A suggestion that stands for a whole clause (`replaces: clause`) must not leave the end of that
/// clause behind when the match stops inside it: "She was told to call the police if he returns"
/// once read "… whether calling the police is safe and realistic returns".
final class RewriteClauseTests: XCTestCase {
    private func rewrite(_ text: String, rule: String) throws -> String? {
        let checker = try Checker(try BuiltInLexicon.compiled())
        return checker.check(Document(name: "t", text: text)).findings.first { $0.rule == rule && $0.context == nil }?.rewrite
    }

    func testAnOpenIfClauseIsReplacedToItsEnd() throws {
        XCTAssertEqual(try rewrite("She was told to call the police if he returns.", rule: "victim-tasked.call-the-police"),
                       "SW and IDVA are to agree with [the adult victim] whether calling the police is safe and realistic.")
        XCTAssertEqual(try rewrite("Dionne to keep her phone on her and call the police if he turns up.", rule: "victim-tasked.call-the-police"),
                       "SW and IDVA are to agree with [the adult victim] whether calling the police is safe and realistic.")
        // The clause ends at a joiner: the next instruction stays.
        XCTAssertEqual(try rewrite("Mum advised to ring 999 if Dad comes back to the property and not to let him in.", rule: "victim-tasked.call-the-police"),
                       "SW and IDVA are to agree with [the adult victim] whether calling the police is safe and realistic and not to let him in.")
    }

    func testAnOpenPhraseIsReplacedToTheClauseEnd() throws {
        XCTAssertEqual(try rewrite("Hannah to avoid contact with Ryan and to keep herself safe.", rule: "victim-tasked.no-contact-with-him"),
                       "[The person causing harm] is to have no contact with Hannah and to keep herself safe.")
        XCTAssertEqual(try rewrite("Client to stop her husband using her card.", rule: "victim-tasked.monitor-his-behaviour"),
                       "SW and partner agencies are to monitor [the person causing harm]'s behaviour.")
    }

    func testAClosedMatchKeepsWhatFollows() throws {
        // "Mum to call 999" is a whole action: the condition after it still reads.
        XCTAssertEqual(try rewrite("Mum to call 999 if Paul becomes abusive.", rule: "victim-tasked.call-the-police"),
                       "SW and IDVA are to agree with [the adult victim] whether calling the police is safe and realistic if Paul becomes abusive.")
    }

    /// Every flag example of a clause rule: the finding ends where its clause does.
    func testNoClauseRuleLeavesItsClauseOpen() throws {
        let lexicon = try BuiltInLexicon.lexicon()
        let checker = try Checker(try BuiltInLexicon.compiled())
        var failures: [String] = []
        for rule in lexicon.rules where rule.replacesClause {
            for example in rule.flagExamples {
                for f in checker.check(Document(name: rule.id, text: example)).findings where f.rule == rule.id && f.context == nil {
                    guard let end = f.end else { continue }
                    let rest = example.utf8.dropFirst(end)
                    let next = String(decoding: rest, as: UTF8.self).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                    let text = (f.text ?? "").lowercased().split(separator: " ").map(String.init)
                    let opened = text.dropFirst().contains { ["if", "when", "whenever", "until", "unless"].contains($0) }
                        || ["with", "about", "from", "to", "of", "the", "a", "'s"].contains(text.last ?? "")
                    let closed = next.isEmpty || !(next.first!.isLetter) || ["and", "but", "or", "then"].contains(next.lowercased())
                    if opened && !closed { failures.append("\(rule.id): «\(f.text ?? "")» leaves '\(next)' in \"\(example)\"") }
                }
            }
        }
        XCTAssert(failures.isEmpty, failures.joined(separator: "\n"))
    }
}
