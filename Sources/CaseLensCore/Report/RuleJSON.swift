/// Rule listings and rule details as JSON, shared by `caselens rules`/`explain` and the HTTP API.
extension Lexicon {
    /// Rules sorted by category then id, only those of `category` when given.
    public func sortedRules(category: Category? = nil) -> [Rule] {
        rules.filter { category == nil || $0.category == category }
            .sorted { ($0.category, $0.id) < ($1.category, $1.id) }
    }

    /// Up to five rule ids close to an unknown `id` (one contains the other), for "did you mean".
    public func closeRuleIDs(to id: String) -> [String] {
        Array(rules.map(\.id).filter { $0.contains(id) || id.contains($0) }.prefix(5))
    }
}

extension Rule {
    /// The rule as one entry of the rule list: id, category, severity, message.
    public var summaryJSON: JSON.Value {
        .object([("id", .string(id)), ("category", .string(category.rawValue)),
                 ("severity", .string(severity.rawValue)), ("message", .string(message))])
    }

    /// Everything about the rule: the list entry plus why, suggestion, patterns, examples and source.
    public var detailJSON: JSON.Value {
        guard case .object(var pairs) = summaryJSON else { return summaryJSON }
        pairs += [
            ("why", .string(why)), ("suggestion", .string(suggestion)),
            ("patterns", .array(patterns.map { .string($0.source) })),
            ("exceptions", .array(exceptions.map { .string($0.source) })),
            ("flags", .array(flagExamples.map { .string($0) })),
            ("passes", .array(passExamples.map { .string($0) })),
            ("source", .string(source)),
        ]
        return .object(pairs)
    }
}
