import Foundation

/// The record score: 100 means nothing found. Documented in README ("Scoring").
///
///     penalty = 1000 × Σ weight(severity) / max(words, 200)  +  10 × file-level findings
///     score   = round(100 × e^(−penalty / 40))
///
/// with weights high 5, medium 3, low 1; `info` (quoted) findings weigh nothing.
public enum Score {
    public static func weight(_ s: Severity) -> Double {
        switch s { case .high: 5; case .medium: 3; case .low: 1; case .info: 0 }
    }

    public static func of(findings: [Finding], words: Int) -> Int {
        var spanWeight = 0.0
        var fileLevel = 0.0
        for f in findings where f.context == nil && f.severity != .info {
            if f.scope == .file { fileLevel += 1 } else { spanWeight += weight(f.severity) }
        }
        let penalty = 1000 * spanWeight / Double(max(words, 200)) + 10 * fileLevel
        return Int((100 * exp(-penalty / 40)).rounded())
    }
}
