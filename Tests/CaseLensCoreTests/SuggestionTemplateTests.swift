@testable import CaseLensCore
import XCTest

/// Suggestion placeholders whose words do not depend on which of a rule's patterns matched, and
/// the rewrite's join of a sentence with a suggestion.
final class SuggestionTemplateTests: XCTestCase {
    private func values(elements: [String?], tails: [String?] = [], who: String? = nil) -> SuggestionTemplate.Values {
        SuggestionTemplate.Values(perpetrator: "Dean Morris", victim: "Ms Lake", children: "the children",
                                  elements: elements, tails: tails, who: who, form: nil, morphology: Morphology())
    }

    func testWhoIsTheMatchedSubjectElseTheVictim() {
        let t = "{perpetrator} is to have no contact with {who|object}"
        XCTAssertEqual(SuggestionTemplate.render(t, values(elements: [nil, "she"], who: "she")), "Dean Morris is to have no contact with her")
        XCTAssertEqual(SuggestionTemplate.render(t, values(elements: [nil, "and"])), "Dean Morris is to have no contact with Ms Lake")
        XCTAssertNil(SuggestionTemplate.problem(in: t, patterns: []))
        XCTAssertNotNil(SuggestionTemplate.problem(in: "{who|dative}", patterns: []))
    }

    func testTailRunsFromTheElementToTheEndOfTheMatch() {
        // "Stacey to contact «Northvale Women's Centre»": element 4 (an optional "the") matched
        // nothing and a gap took "Northvale"; the tail still holds every word.
        let v = values(elements: [nil, "Stacey", "to", "contact", nil, nil, "Women's Centre"],
                       tails: [nil, "Stacey to contact Northvale Women's Centre", "to contact Northvale Women's Centre",
                               "contact Northvale Women's Centre", "Northvale Women's Centre", "Northvale Women's Centre", "Women's Centre"],
                       who: "Stacey")
        XCTAssertEqual(SuggestionTemplate.render("SW is to offer {who|object} {4-}", v), "SW is to offer Stacey Northvale Women's Centre")
        XCTAssertEqual(SuggestionTemplate.render("{9-}", v), "")
    }

    func testAnArticleBeforeTheMatchGivesWayToTheSuggestions() {
        XCTAssertEqual(Judge.joined("Police attended a ", "an incident in which Dean Morris abused Ms Lake"),
                       "Police attended an incident in which Dean Morris abused Ms Lake")
        XCTAssertEqual(Judge.joined("Kai talked about the ", "[the person causing harm]'s abuse"), "Kai talked about [the person causing harm]'s abuse")
        XCTAssertEqual(Judge.joined("A ", "[the person causing harm] abused"), "[The person causing harm] abused")
        // An article the suggestion does not replace stays.
        XCTAssertEqual(Judge.joined("She attended the ", "programme he was referred to"), "She attended the programme he was referred to")
        XCTAssertEqual(Judge.joined("No article here ", "Dean Morris"), "No article here Dean Morris")
    }
}
