import CaseLensCore

/// For people: each record's findings as `caselens check` prints them, a score line for every
/// record, and a closing line with the totals.
public struct TextFormatter: AuditFormatter {
    public var colour: Bool
    public init(colour: Bool) { self.colour = colour }

    public func header() -> String { "" }
    public var separator: String { "" }

    public func render(_ record: AuditedRecord, document: Document) -> String {
        let text = TextReport(colour: colour)
        var out = record.report.findings.isEmpty ? text.summaryLine(record.report) + "\n" : text.render(record.report, document: document)
        if record.suppressed > 0 {
            out.removeLast()
            out += " (\(record.suppressed) reviewed in the baseline)\n"
        }
        if !record.report.findings.isEmpty { out += "\n" }
        return out
    }

    public func footer(_ t: AuditTotals) -> String { "\n" + Self.closingLine(t) + "\n" }

    /// One line with the batch's totals.
    public static func closingLine(_ t: AuditTotals) -> String {
        var line = "audited \(count(t.records, "record")) in \(count(t.files, "file")), \(count(t.words, "word")): "
        let n = t.countedFindings
        if n == 0 {
            line += "no findings"
        } else {
            let parts = [Severity.high, .medium, .low].compactMap { s in t.findings[s].map { "\($0) \(s.rawValue)" } }
            line += "\(count(n, "finding")) (\(parts.joined(separator: ", ")))"
            line += "; \(t.recordsWithHigh) of \(t.records) records with a high finding"
        }
        if t.quoted > 0 { line += "; \(t.quoted) in attributed quotes" }
        if let mean = t.meanScore { line += "; mean score \(Int(mean.rounded()))/100" }
        if t.suppressed > 0 { line += "; \(t.suppressed) reviewed in the baseline, not shown" }
        if !t.skipped.isEmpty { line += "; \(t.skipped.count) skipped (listed on standard error)" }
        return line
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }

    /// 12345 → "12,345".
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
