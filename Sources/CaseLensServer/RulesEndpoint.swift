import CaseLensCore
import Hummingbird

/// `GET /v1/rules` (optionally `?category=`) and `GET /v1/rules/{id}`: the same JSON as
/// `caselens rules --format json`, and one rule in full.
struct RulesEndpoint: Sendable {
    let lexicon: Lexicon

    func list(_ request: Request) throws -> Response {
        var category: Category?
        if let c = request.uri.queryParameters["category"] {
            guard let known = Category(rawValue: String(c)) else {
                throw APIError(.badRequest, "unknown-category",
                               "unknown category; one of: \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            category = known
        }
        return Response.json(JSON.encode(.array(lexicon.sortedRules(category: category).map(\.summaryJSON)), pretty: true) + "\n")
    }

    func detail(_ id: String) throws -> Response {
        guard let rule = lexicon.rule(id) else { throw APIError.unknownRule(id, close: lexicon.closeRuleIDs(to: id)) }
        return Response.json(JSON.encode(rule.detailJSON, pretty: true) + "\n")
    }
}
