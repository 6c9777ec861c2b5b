import CaseLensCore
import Foundation

/// The health check as Markdown: tables, with bars drawn in block characters.
public struct MarkdownSummary {
    public var check: HealthCheck
    /// Leave out all case text: phrases are shown as rules and categories only.
    public var redact: Bool
    public var comparison: HealthComparison?
    /// Rule messages by id, for the rules table (lexicon text, never case text).
    public var ruleMessages: [String: String]

    public init(check: HealthCheck, redact: Bool = false, comparison: HealthComparison? = nil, ruleMessages: [String: String] = [:]) {
        self.check = check; self.redact = redact; self.comparison = comparison; self.ruleMessages = ruleMessages
    }

    public func render() -> String {
        typealias W = SummaryWording
        let c = check
        var out = "# \(W.title)\n\n\(W.framing)\n\n"
        if redact { out += "_\(W.redactedNote)_\n\n" }

        out += "## At a glance\n\n| | |\n| --- | ---: |\n"
        out += "| Records audited | \(W.count(c.records)) |\n"
        out += "| Words | \(W.count(c.words)) |\n"
        out += "| Records with at least one high finding | \(W.count(c.recordsWithHigh)) (\(W.percent(c.share(c.recordsWithHigh)))) |\n"
        out += "| Findings counted | \(W.count(c.countedFindings)) |\n"
        out += "| Findings per 1,000 words | \(W.rate(c.perThousandWords(c.countedFindings))) |\n"
        if let m = c.medianScore { out += "| Median score | \(W.score(m)) / 100 |\n" }
        if let s = c.skipped { out += "| Inputs that could not be read | \(W.count(s)) |\n" }
        out += "\n"

        out += "## Findings per 1,000 words, by category\n\n\(W.categoriesNote)\n\n"
        out += "| Category | What it does | Findings | Per 1,000 words | |\n| --- | --- | ---: | ---: | --- |\n"
        let rows = W.categoryRows(c)
        let maxRate = rows.map(\.rate).max() ?? 0
        for row in rows {
            out += "| \(row.category) | \(W.describe(category: row.category)) | \(W.count(row.findings)) | \(W.rate(row.rate)) | \(bar(row.rate, maxRate)) |\n"
        }
        out += "\n"

        out += "## Score distribution\n\n\(W.scoresNote)\n\n| Score | Records | |\n| --- | ---: | --- |\n"
        let bins = c.histogram
        let maxBin = Double(bins.map(\.count).max() ?? 0)
        for b in bins.reversed() { out += "| \(b.label) | \(W.count(b.count)) | \(bar(Double(b.count), maxBin)) |\n" }
        out += "\n"

        out += "## Whole-record signals\n\n\(W.signalsNote)\n\n| Signal | Records | Share of records |\n| --- | ---: | ---: |\n"
        for row in W.signalRows(c) { out += "| \(row.signal.label) | \(W.count(row.count)) | \(row.share) |\n" }
        out += "\n"

        out += "## Good practice\n\n\(W.goodPracticeNote)\n\n"
        for line in W.goodPractice(c) { out += "- \(line.count) \(line.text)\n" }
        out += "\n"

        if redact {
            out += "## Most frequent rules\n\n"
        } else {
            out += "## Most frequent phrases\n\n| Phrase | Rule | Findings |\n| --- | --- | ---: |\n"
            for p in c.topPhrases { out += "| \u{201C}\(escape(p.phrase))\u{201D} | \(p.rule) | \(W.count(p.count)) |\n" }
            if c.topPhrases.isEmpty { out += "| (none) | | |\n" }
            out += "\n## Most frequent rules\n\n"
        }
        out += "| Rule | Category | What it flags | Findings | Records |\n| --- | --- | --- | ---: | ---: |\n"
        for r in c.topRules {
            out += "| \(r.rule) | \(r.category) | \(escape(ruleMessages[r.rule] ?? "")) | \(W.count(r.findings)) | \(W.count(r.records)) |\n"
        }
        if c.topRules.isEmpty { out += "| (none) | | | | |\n" }
        out += "\n"

        out += "## Records with the lowest scores\n\n\(W.lowestNote)\n\n"
        out += "| Record | Score | Words | High | Medium | Low | Most frequent rule |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
        for r in c.lowest {
            out += "| \(escape(r.id)) | \(r.score) | \(W.count(r.words)) | \(r.high) | \(r.medium) | \(r.low) | \(r.topRule) |\n"
        }
        if c.lowest.isEmpty { out += "| (none: no record has a counted finding) | | | | | | |\n" }
        out += "\n"

        if let cmp = comparison {
            out += "## Change since the previous audit\n\n"
            out += "Previous: \(W.count(cmp.before.records)) records, \(W.count(cmp.before.words)) words. Now: \(W.count(cmp.now.records)) records, \(W.count(cmp.now.words)) words.\n\n"
            out += "| Category | Per 1,000 words before | Now | Change |\n| --- | ---: | ---: | ---: |\n"
            for r in cmp.categories { out += "| \(r.category) | \(W.rate(r.before)) | \(W.rate(r.now)) | \(W.change(r.now - r.before)) |\n" }
            out += "\n| Signal | Share before | Now | Change |\n| --- | ---: | ---: | ---: |\n"
            for r in cmp.signals { out += "| \(r.signal.label) | \(W.percent(r.before)) | \(W.percent(r.now)) | \(W.points(r.now - r.before)) |\n" }
            let hb = cmp.before.share(cmp.before.recordsWithHigh), hn = cmp.now.share(cmp.now.recordsWithHigh)
            out += "| Records with a high finding | \(W.percent(hb)) | \(W.percent(hn)) | \(W.points(hn - hb)) |\n\n"
        }

        out += "## How to read this\n\n" + W.howToRead.map { "- " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// A bar of up to 20 block characters, proportional to `value / max`.
    private func bar(_ value: Double, _ max: Double) -> String {
        guard max > 0, value > 0 else { return "" }
        return String(repeating: "█", count: Swift.max(1, Int((value / max * 20).rounded())))
    }

    /// Text safe in a Markdown table cell: markup characters escaped, line breaks as spaces.
    public func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "&": out += "\\" + String(ch)
            case "\n", "\r", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
