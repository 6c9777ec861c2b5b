import CaseLensCore
import Foundation

/// The health check as one self-contained HTML file: inline CSS and SVG charts, no scripts and no
/// external assets, readable offline and printable. All text from records is escaped.
public struct HTMLSummary {
    public var check: HealthCheck
    /// Leave out all case text: phrases are shown as rules and categories only.
    public var redact: Bool
    public var comparison: HealthComparison?
    /// Rule messages by id (lexicon text).
    public var ruleMessages: [String: String]

    public init(check: HealthCheck, redact: Bool = false, comparison: HealthComparison? = nil, ruleMessages: [String: String] = [:]) {
        self.check = check; self.redact = redact; self.comparison = comparison; self.ruleMessages = ruleMessages
    }

    /// Each category's colour (Okabe–Ito, distinguishable with colour-blindness).
    public static func colour(category: String) -> String {
        switch category {
        case "victim-blaming": "#D55E00"
        case "victim-tasked": "#E69F00"
        case "mutualising": "#CC79A7"
        case "minimising": "#0072B2"
        case "perpetrator-excuse": "#56B4E9"
        case "absent-perpetrator": "#009E73"
        case "doubting": "#B59B00"
        case "pathologising": "#7F4FA0"
        default: "#7B8794"
        }
    }

    public func render() -> String {
        typealias W = SummaryWording
        let c = check
        var body = "<header><h1>\(e(W.title))</h1>"
        body += "<p class=\"sub\">\(W.count(c.records)) records · \(W.count(c.words)) words</p></header>\n"
        body += "<p class=\"framing\">\(e(W.framing))</p>\n"
        if redact { body += "<p class=\"note\">\(e(W.redactedNote))</p>\n" }

        // At a glance.
        var cards: [(String, String, String?)] = [
            (W.count(c.records), "records audited", nil),
            (W.count(c.words), "words", nil),
            (W.percent(c.share(c.recordsWithHigh)), "of records have at least one high finding", "\(W.count(c.recordsWithHigh)) records"),
            (W.rate(c.perThousandWords(c.countedFindings)), "findings per 1,000 words", "\(W.count(c.countedFindings)) findings"),
        ]
        if let m = c.medianScore { cards.append((W.score(m), "median score out of 100", nil)) }
        if let s = c.skipped, s > 0 { cards.append((W.count(s), "inputs could not be read", nil)) }
        body += "<section><h2>At a glance</h2><div class=\"cards\">"
        for (n, label, detail) in cards {
            body += "<div class=\"card\"><div class=\"n\">\(e(n))</div><div>\(e(label))</div>"
            if let detail { body += "<div class=\"detail\">\(e(detail))</div>" }
            body += "</div>"
        }
        body += "</div></section>\n"

        // Categories.
        let bars = W.categoryRows(c).map { row in
            SVGCharts.Bar(label: row.category, value: row.rate, caption: "\(W.rate(row.rate)) (\(W.count(row.findings)))", colour: Self.colour(category: row.category))
        }
        body += "<section><h2>Findings per 1,000 words, by category</h2><p>\(e(W.categoriesNote))</p>"
        body += "<figure>" + SVGCharts.horizontal(bars, title: "Findings per 1,000 words by category") + "</figure>"
        body += table([.text("Category"), .text("What it does"), .num("Findings"), .num("Per 1,000 words")], W.categoryRows(c).map { row in
            "<tr><td class=\"nowrap\"><span class=\"swatch\" style=\"background:\(Self.colour(category: row.category))\"></span>\(e(row.category))</td>"
                + "<td>\(e(W.describe(category: row.category)))</td><td class=\"num\">\(W.count(row.findings))</td><td class=\"num\">\(W.rate(row.rate))</td></tr>"
        }) + "</section>\n"

        // Scores.
        let bins = c.histogram.map { b in
            SVGCharts.Bar(label: b.label, value: Double(b.count), caption: W.count(b.count), colour: b.label == "100" ? "#2E7D32" : "#4A6FA5")
        }
        body += "<section><h2>Score distribution</h2><p>\(e(W.scoresNote)) Records per score band.</p>"
        body += "<figure>" + SVGCharts.vertical(bins, title: "Records per score band") + "</figure></section>\n"

        // Signals.
        body += "<section><h2>Whole-record signals</h2><p>\(e(W.signalsNote))</p>"
        body += table([.text("Signal"), .num("Records"), .num("Share of records")], W.signalRows(c).map { row in
            "<tr><td class=\"signal\">\(e(row.signal.label)) <code>\(e(row.signal.rawValue))</code></td><td class=\"num\">\(W.count(row.count))</td><td class=\"num\">\(row.share)</td></tr>"
        }) + "</section>\n"

        // Good practice.
        body += "<section class=\"good\"><h2>Good practice</h2><p>\(e(W.goodPracticeNote))</p><ul>"
        for line in W.goodPractice(c) { body += "<li><strong>\(e(line.count))</strong> \(e(line.text))</li>" }
        body += "</ul></section>\n"

        // Phrases and rules.
        if !redact {
            body += "<section><h2>Most frequent phrases</h2>"
            body += table([.text("Phrase"), .text("Rule"), .num("Findings")], c.topPhrases.map { p in
                "<tr><td>\u{201C}\(e(p.phrase))\u{201D}</td><td><code>\(e(p.rule))</code></td><td class=\"num\">\(W.count(p.count))</td></tr>"
            }, empty: "None.") + "</section>\n"
        }
        body += "<section><h2>Most frequent rules</h2>"
        body += table([.text("Rule"), .text("What it flags"), .num("Findings"), .num("Records")], c.topRules.map { r in
            "<tr><td class=\"nowrap\"><span class=\"swatch\" style=\"background:\(Self.colour(category: r.category))\"></span><code>\(e(r.rule))</code></td>"
                + "<td>\(e(ruleMessages[r.rule] ?? r.category))</td><td class=\"num\">\(W.count(r.findings))</td><td class=\"num\">\(W.count(r.records))</td></tr>"
        }, empty: "None.") + "</section>\n"

        // Lowest scores.
        body += "<section><h2>Records with the lowest scores</h2><p>\(e(W.lowestNote))</p>"
        body += table([.text("Record"), .num("Score"), .num("Words"), .num("High"), .num("Medium"), .num("Low"), .text("Most frequent rule")], c.lowest.map { r in
            "<tr><td class=\"id\">\(e(r.id))</td><td class=\"num\">\(r.score)</td><td class=\"num\">\(W.count(r.words))</td>"
                + "<td class=\"num\">\(r.high)</td><td class=\"num\">\(r.medium)</td><td class=\"num\">\(r.low)</td><td><code>\(e(r.topRule))</code></td></tr>"
        }, empty: "None: no record has a counted finding.") + "</section>\n"

        if let cmp = comparison { body += comparisonSection(cmp) }

        body += "<section><h2>How to read this</h2><ul>" + W.howToRead.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>\n"
        body += "<footer>Made by CaseLens on this computer; this page loads nothing from the network.</footer>\n"
        return Self.page(title: W.title, body: body)
    }

    private func comparisonSection(_ cmp: HealthComparison) -> String {
        typealias W = SummaryWording
        var s = "<section><h2>Change since the previous audit</h2>"
        s += "<p>Previous: \(W.count(cmp.before.records)) records, \(W.count(cmp.before.words)) words. Now: \(W.count(cmp.now.records)) records, \(W.count(cmp.now.words)) words. Fewer is better in every row.</p>"
        s += table([.text("Category"), .num("Per 1,000 words before"), .num("Now"), .num("Change")], cmp.categories.map { r in
            "<tr><td>\(e(r.category))</td><td class=\"num\">\(W.rate(r.before))</td><td class=\"num\">\(W.rate(r.now))</td>"
                + "<td class=\"num \(trend(r.now - r.before))\">\(W.change(r.now - r.before))</td></tr>"
        })
        var rows = cmp.signals.map { ($0.signal.label, $0.before, $0.now) }
        rows.append(("Records with a high finding", cmp.before.share(cmp.before.recordsWithHigh), cmp.now.share(cmp.now.recordsWithHigh)))
        s += table([.text("Signal"), .num("Share before"), .num("Now"), .num("Change")], rows.map { label, before, now in
            "<tr><td>\(e(label))</td><td class=\"num\">\(W.percent(before))</td><td class=\"num\">\(W.percent(now))</td>"
                + "<td class=\"num \(trend(now - before))\">\(W.points(now - before))</td></tr>"
        })
        return s + "</section>\n"
    }

    /// A column heading; numeric columns are right-aligned.
    private enum Column {
        case text(String), num(String)
        var html: String {
            switch self {
            case .text(let t): return "<th>\(t)</th>"
            case .num(let t): return "<th class=\"num\">\(t)</th>"
            }
        }
    }

    /// One table: headings, rows already rendered, and a row saying `empty` when there are none.
    private func table(_ columns: [Column], _ rows: [String], empty: String? = nil) -> String {
        var t = "<table><thead><tr>" + columns.map(\.html).joined() + "</tr></thead><tbody>" + rows.joined()
        if rows.isEmpty, let empty { t += "<tr><td colspan=\"\(columns.count)\">\(empty)</td></tr>" }
        return t + "</tbody></table>"
    }

    private func trend(_ delta: Double) -> String { abs(delta) < 0.0005 ? "same" : delta < 0 ? "better" : "worse" }

    private func e(_ s: String) -> String { HTMLEscape.text(s) }

    /// The page around `body`: inline CSS only.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscape.text(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static let css = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f4f5f7; color: #1f2933; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
    main { max-width: 940px; margin: 0 auto; padding: 28px 36px 40px; background: #fff; }
    h1 { font-size: 27px; margin: 0 0 2px; }
    h2 { font-size: 19px; margin: 30px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #e1e5ea; }
    .sub { color: #52606d; margin: 0 0 14px; }
    .framing { background: #eef4fb; border-left: 4px solid #4a6fa5; padding: 12px 16px; margin: 0; }
    .note { background: #fff8e1; border-left: 4px solid #b59b00; padding: 8px 14px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; }
    .card { border: 1px solid #e1e5ea; border-radius: 6px; padding: 10px 14px; }
    .card .n { font-size: 26px; font-weight: 650; }
    .card .detail { color: #52606d; font-size: 13px; }
    figure { margin: 8px 0 12px; }
    svg { display: block; max-width: 100%; height: auto; }
    svg text { font-family: inherit; }
    svg .label { font-size: 13px; fill: #1f2933; }
    svg .value { font-size: 12px; fill: #52606d; }
    svg .axis { stroke: #9aa5b1; stroke-width: 1; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e1e5ea; vertical-align: top; }
    th { font-weight: 600; background: #f7f8fa; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.id, code { overflow-wrap: anywhere; }
    td.nowrap { white-space: nowrap; }
    code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; }
    .signal code { display: block; color: #52606d; font-size: 12px; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
    .good ul { padding-left: 20px; }
    .better { color: #2e7d32; } .worse { color: #b3261e; } .same { color: #52606d; }
    footer { margin-top: 28px; color: #7b8794; font-size: 13px; }
    @media print {
      body { background: #fff; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      figure, tr, .card, .framing { break-inside: avoid; }
      h2, h2 + p { break-after: avoid; }
      thead { display: table-header-group; }
      .framing, .note, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
