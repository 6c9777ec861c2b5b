import CaseLensCore

/// A file or row that was not audited, and why.
public struct Skip: Sendable, Equatable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
}

/// Counts over a whole audit, kept as records stream past (for the closing line, SARIF's
/// notifications and the exit status).
public struct AuditTotals: Sendable {
    /// Files from which at least one record was read.
    public var files = 0
    public var records = 0
    public var words = 0
    /// Counted findings (not in attributed quotes) by severity.
    public var findings: [Severity: Int] = [:]
    /// Findings in attributed quotes (info).
    public var quoted = 0
    public var recordsWithHigh = 0
    public var scoreSum = 0
    /// Findings the baseline hid.
    public var suppressed = 0
    /// Inputs not audited, in path order.
    public var skipped: [Skip] = []
    /// The most severe counted finding reported.
    public var worst: Severity?

    public init() {}

    public var countedFindings: Int { findings.values.reduce(0, +) }
    public var meanScore: Double? { records == 0 ? nil : Double(scoreSum) / Double(records) }

    /// Adds one record.
    public mutating func add(_ r: AuditedRecord) {
        records += 1
        words += r.report.words
        scoreSum += r.report.score
        suppressed += r.suppressed
        var high = false
        for f in r.report.findings {
            if f.context != nil || f.severity == .info { quoted += 1; continue }
            findings[f.severity, default: 0] += 1
            if f.severity == .high { high = true }
            worst = max(worst ?? f.severity, f.severity)
        }
        if high { recordsWithHigh += 1 }
    }
}
