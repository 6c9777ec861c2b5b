@testable import CaseLensCore
import XCTest

final class MatcherTests: XCTestCase {
    func spans(_ text: String, _ c: CompiledLexicon) throws -> [String] {
        try Fixtures.check(text, c).findings.filter { $0.context == nil }.map { $0.text ?? "" }
    }

    func testLiteralsFamiliesAlternativesOptionalAndGaps() throws {
        let c = try Fixtures.compiled(
            Fixtures.rule("victim-blaming.ftp", ["~fail to protect"]),
            Fixtures.rule("mutualising.vr", ["(volatile|toxic) (relationship|marriage)", "the? couple ~argue"]),
            Fixtures.rule("minimising.push", ["just *2 push"]))
        XCTAssertEqual(try spans("Mum failed to protect.", c), ["failed to protect"])
        XCTAssertEqual(try spans("Her failure to PROTECT them", c), ["failure to PROTECT"])
        XCTAssertEqual(try spans("A toxic marriage and a volatile relationship.", c), ["toxic marriage", "volatile relationship"])
        XCTAssertEqual(try spans("The couple argued. Couple argues.", c), ["The couple argued", "Couple argues"])
        XCTAssertEqual(try spans("It was just a little push.", c), ["just a little push"])
        XCTAssertEqual(try spans("It was just a very small push.", c), [])                 // gap of 3 > 2
        XCTAssertEqual(try spans("It was just, a push.", c), ["just, a push"])              // gaps cross commas
    }

    func testNoMatchAcrossSentencesOrPunctuation() throws {
        let c = try Fixtures.compiled(Fixtures.rule("victim-blaming.ftp", ["~fail to protect", "just *3 protect"]))
        XCTAssertEqual(try spans("She did not fail to. Protect them.", c), [])
        XCTAssertEqual(try spans("It failed to, protect", c), [])
        XCTAssertEqual(try spans("It is just fine. Protect her.", c), [])
        XCTAssertEqual(try spans("Mum failed to\r\nprotect.", c), ["failed to\r\nprotect"])
    }

    func testRolesExceptionsAndNegation() throws {
        let c = try Fixtures.compiled(
            Fixtures.rule("victim-blaming.ftp", ["~fail to protect @child"], exceptions: ["@perpetrator ~fail to protect"]),
            Fixtures.rule("victim-tasked.call", ["@victim to call the police"], unless: ["agreed with"]))
        XCTAssertEqual(try spans("Mum failed to protect the children.", c), ["failed to protect the children"])
        XCTAssertEqual(try spans("Mr Jones failed to protect the children.", c), [])
        XCTAssertEqual(try spans("He failed to protect her son.", c), [])
        XCTAssertEqual(try spans("It is not clear whether she failed to protect the child.", c), ["failed to protect the child"])
        XCTAssertEqual(try spans("It is not that she failed to protect the child.", c), [])
        XCTAssertEqual(try spans("There is no failure to protect the child.", c), [])
        XCTAssertEqual(try spans("Ms Begum to call the police.", c), ["Ms Begum to call the police"])
        XCTAssertEqual(try spans("IDVA agreed with Ms Begum to call the police.", c), [])
    }

    func testAttributedQuotesAreInfoAndScareQuotesAreNot() throws {
        let c = try Fixtures.compiled(Fixtures.rule("minimising.push", ["just a push"]))
        let quoted = try Fixtures.check("Mr Khan said it was “just a push”.", c).findings
        XCTAssertEqual(quoted.count, 1)
        XCTAssertEqual(quoted[0].context, "quoted")
        XCTAssertEqual(quoted[0].severity, .info)
        XCTAssertNil(quoted[0].suggestion)
        let scare = try Fixtures.check("It was \"just a push\" on the night.", c).findings
        XCTAssertEqual(scare.first?.context, nil)
        XCTAssertEqual(scare.first?.severity, .high)
    }

    func testMostSpecificOverlapWins() throws {
        let c = try Fixtures.compiled(
            Fixtures.rule("minimising.incident", ["incident"], severity: "low"),
            Fixtures.rule("minimising.minor-incident", ["minor incident"], severity: "medium"))
        let f = try Fixtures.check("It was a minor incident.", c).findings
        XCTAssertEqual(f.map(\.rule), ["minimising.minor-incident"])
        // Across categories: a match that starts later inside a longer one is a second problem;
        // one that starts it is the same words named twice, and the longer wins.
        let across = try Fixtures.compiled(
            Fixtures.rule("perpetrator-excuse.money", ["money worries have led to <word> *3 arguments"]),
            Fixtures.rule("mutualising.arguments", ["a lot of arguments"]),
            Fixtures.rule("minimising.domestic", ["a domestic"]),
            Fixtures.rule("mutualising.between", ["a domestic between @victim and @perpetrator"]))
        XCTAssertEqual(try Fixtures.check("Money worries have led to a lot of arguments.", across).findings.map(\.rule),
                       ["perpetrator-excuse.money", "mutualising.arguments"])
        XCTAssertEqual(try Fixtures.check("Police attended a domestic between her and him.", across).findings.map(\.rule),
                       ["mutualising.between"])
    }

    func testSuggestionsFollowCaseAndInflection() throws {
        let c = try Fixtures.compiled(
            Fixtures.rule("absent-perpetrator.passive", ["@victim was (~hit|~assault)"],
                          exceptions: ["was <word> by"], suggestion: "\"{perpetrator} {~assault} {1|object}\""))
        let f = try Fixtures.check("She was assaulted on Friday. Later Mum was hit again. She was hit by Mr Lee.", c).findings
        XCTAssertEqual(f.map { $0.suggestion ?? "" }, ["[The person causing harm] assaulted her", "[the person causing harm] assaulted Mum"])
        XCTAssertEqual(f[0].rewrite, "[the person causing harm] assaulted her on Friday.".capitalisedFirst)
        XCTAssertEqual(f[1].rewrite, "Later [the person causing harm] assaulted Mum again.")
    }

    func testInflectedSuggestionNeedsAWordFamilyMatch() throws {
        // A pattern with no word-family element gives no tense to copy: no suggestion, rather
        // than a base form ("Jade keeps going back to him" → "Jade return to …").
        let c = try Fixtures.compiled(
            Fixtures.rule("victim-blaming.return", ["@victim ~return to him", "@victim keeps going back to him"],
                          suggestion: "\"{1} {~return} to the relationship with {perpetrator}\""))
        let f = try Fixtures.check("Mum returned to him in May. Mum keeps going back to him.", c).findings
        XCTAssertEqual(f.map(\.rule), ["victim-blaming.return", "victim-blaming.return"])
        XCTAssertEqual(f[0].suggestion, "Mum returned to the relationship with [the person causing harm]")
        XCTAssertNil(f[1].suggestion)
        XCTAssertNil(f[1].rewrite)
    }

    func testRolePossessive() throws {
        XCTAssertEqual(try PatternParser.parse("@victim's decision").elements, [.role("victim"), .literal("'s"), .literal("decision")])
        let c = try Fixtures.compiled(Fixtures.rule("victim-blaming.decision", ["@victim's decision to stay"]))
        XCTAssertEqual(try spans("It was Mum's decision to stay.", c), ["Mum's decision to stay"])
        XCTAssertEqual(try spans("It was Ms Lee’s decision to stay.", c), ["Ms Lee’s decision to stay"])
    }

    func testFindingOffsetsAreExactBytes() throws {
        let c = try Fixtures.compiled(Fixtures.rule("victim-blaming.ftp", ["~fail to protect"]))
        let text = "Zoé’s mum “failed to protect”.\nLine two: Élodie failed to protect."
        let f = try Fixtures.check(text, c).findings
        let bytes = Array(text.utf8)
        for x in f {
            XCTAssertEqual(String(decoding: bytes[x.start!..<x.end!], as: UTF8.self), x.text)
        }
        XCTAssertEqual(f.last?.line, 2)
        XCTAssertEqual(f.last?.column, 18)
    }

    func testCostPerTokenIndependentOfRuleCountStructurally() throws {
        // Ten times the rules under new ids: the same matches, and the automaton shares states.
        var rules: [String] = []
        for i in 0..<10 { rules.append(Fixtures.rule("minimising.r\(i)", ["just a push", "minor incident"])) }
        let c = try Fixtures.compiled(rules[0], rules[1], rules[2], rules[3], rules[4], rules[5], rules[6], rules[7], rules[8], rules[9])
        let one = try Fixtures.compiled(rules[0])
        XCTAssertEqual(c.automaton.stateCount, one.automaton.stateCount)
    }
}
