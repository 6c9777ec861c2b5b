import CaseLensCore
@testable import CaseLensIO
import Foundation
import XCTest

final class SummaryTests: XCTestCase {
    func f(_ rule: String, _ sev: Severity, _ text: String? = "x", quoted: Bool = false, scope: String = "span") -> SummaryFinding {
        SummaryFinding(rule: rule, category: String(rule.split(separator: ".")[0]), severity: sev, scope: scope, text: text, quoted: quoted)
    }

    func sample() -> HealthCheck {
        var c = HealthCheck()
        c.add(SummaryRecord(id: "a.txt", words: 300, score: 54, findings: [
            f("victim-blaming.failure-to-protect", .high, "Failed to\n protect"),
            f("victim-tasked.plan-imbalance", .medium, nil, scope: "file"),
            f("minimising.just-a-push", .info, "just a push", quoted: true),
        ]))
        c.add(SummaryRecord(id: "b.txt", words: 100, score: 100, findings: [f("minimising.just-a-push", .info, "just a push", quoted: true)]))
        c.add(SummaryRecord(id: "c.csv#7", words: 600, score: 80, findings: [
            f("victim-blaming.failure-to-protect", .high, "failed to protect"),
            f("doubting.alleged-after-outcome", .medium, "alleged"),
            f("doubting.alleged-after-outcome", .medium, "alleged"),
        ]))
        c.add(SummaryRecord(id: "d.txt", words: 0, score: 100, findings: []))
        return c
    }

    func testNumbers() {
        let c = sample()
        XCTAssertEqual(c.records, 4)
        XCTAssertEqual(c.words, 1000)
        XCTAssertEqual(c.recordsWithHigh, 2)
        XCTAssertEqual(c.countedFindings, 5)
        XCTAssertEqual(c.byCategory, ["victim-blaming": 2, "victim-tasked": 1, "doubting": 2])
        XCTAssertEqual(c.perThousandWords(c.byCategory["doubting"]!), 2)
        XCTAssertEqual(c.signals, [.planImbalance: 1, .allegedAfterOutcome: 1])
        XCTAssertEqual(c.clean, 2)
        XCTAssertEqual(c.quotedEvidence, 2)
        XCTAssertEqual(c.medianScore, 90)
        XCTAssertEqual(c.histogram.map(\.count), [0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 2])
        XCTAssertEqual(c.topPhrases.map(\.phrase), ["alleged", "failed to protect"], "ties by phrase; spacing and case folded")
        XCTAssertEqual(c.topPhrases.map(\.count), [2, 2])
        XCTAssertEqual(c.topRules.map(\.rule), ["doubting.alleged-after-outcome", "victim-blaming.failure-to-protect", "victim-tasked.plan-imbalance"])
        XCTAssertEqual(c.topRules.map(\.records), [1, 2, 1])
        XCTAssertEqual(c.lowest.map(\.id), ["a.txt", "c.csv#7"])
        XCTAssertEqual(c.lowest[1].topRule, "doubting.alleged-after-outcome")
    }

    func testLowestKeepsTwentyInOrder() {
        var c = HealthCheck()
        for i in 0..<50 { c.add(SummaryRecord(id: String(format: "r%02d", i), words: 200, score: 90 - i % 30, findings: [f("minimising.x", .low)])) }
        XCTAssertEqual(c.lowest.count, 20)
        XCTAssertEqual(c.lowest.prefix(3).map(\.id), ["r29", "r28", "r27"])
        XCTAssertEqual(c.lowest.map(\.score), c.lowest.map(\.score).sorted())
    }

    func testMarkdownAndRedaction() {
        let md = MarkdownSummary(check: sample()).render()
        XCTAssertTrue(md.contains("| Records audited | 4 |"), md)
        XCTAssertTrue(md.contains("| Records with at least one high finding | 2 (50%) |"), md)
        XCTAssertTrue(md.contains("| doubting | casts doubt on the victim's account | 2 | 2.0 |"), md)
        XCTAssertTrue(md.contains("\u{201C}failed to protect\u{201D}"), md)
        XCTAssertTrue(md.contains("not judgements of the workers"), md)
        let redacted = MarkdownSummary(check: sample(), redact: true).render()
        XCTAssertFalse(redacted.contains("failed to protect"), redacted)
        XCTAssertFalse(redacted.contains("alleged |"), redacted)
        XCTAssertFalse(redacted.contains("just a push"), redacted)
        XCTAssertTrue(redacted.contains("victim-blaming.failure-to-protect"), redacted)
    }

    func testComparison() {
        var before = HealthCheck()
        before.add(SummaryRecord(id: "old", words: 500, score: 40, findings: [f("doubting.alleged-after-outcome", .medium, "alleged"),
                                                                          f("doubting.alleged-after-outcome", .medium, "alleged")]))
        let cmp = HealthComparison(now: sample(), before: before)
        let doubting = cmp.categories.first { $0.category == "doubting" }!
        XCTAssertEqual(doubting.before, 4)
        XCTAssertEqual(doubting.now, 2)
        let alleged = cmp.signals.first { $0.signal == .allegedAfterOutcome }!
        XCTAssertEqual(alleged.before, 1)
        XCTAssertEqual(alleged.now, 0.25)
        let md = MarkdownSummary(check: sample(), comparison: cmp).render()
        XCTAssertTrue(md.contains("| doubting | 4.0 | 2.0 | \u{2212}2.0 |"), md)
        XCTAssertTrue(md.contains("| 100% | 25% | \u{2212}75 pts |"), md)
    }

    /// Case text can never become markup: a note containing <script> renders as text.
    func testHTMLEscapesCaseText() {
        var c = HealthCheck()
        c.add(SummaryRecord(id: "<script>alert('id')</script>.txt", words: 10, score: 10,
                            findings: [f("minimising.x", .high, "<script>alert(\"x\")</script> & more")]))
        let html = HTMLSummary(check: c).render()
        XCTAssertFalse(html.contains("<script"), "no script element may appear")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;.txt"))
        XCTAssertFalse(html.contains("http://") && html.contains("src="), "no external assets")
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertFalse(HTMLSummary(check: c, redact: true).render().contains("alert(&quot;x"))
    }

    func testJSONLReaderSkipsBadLines() throws {
        let dir = try IOFixtures.folder(self)
        try IOFixtures.write("""
        {"file":"a","words":10,"score":100,"findings":[]}
        not json
        {"file":"b","words":5,"score":66,"findings":[{"rule":"minimising.x","category":"minimising","severity":"high","scope":"span","text":"t","context":null}]}

        """, "a.jsonl", in: dir)
        var records: [SummaryRecord] = []
        let problems = try JSONLRecords.read(path: dir.appendingPathComponent("a.jsonl").path) { records.append($0) }
        XCTAssertEqual(records.map(\.id), ["a", "b"])
        XCTAssertEqual(records[1].findings.first?.quoted, false)
        XCTAssertEqual(problems, ["line 2 is not a record of the findings schema; left out"])
    }
}
