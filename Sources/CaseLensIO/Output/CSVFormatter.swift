import Foundation
import CaseLensCore

/// CSV (RFC 4180), one finding a row: file, line, column, rule, category, severity, text,
/// suggestion, message, context. A record without findings has no row.
public struct CSVFormatter: AuditFormatter {
    public init() {}
    public static let columns = ["file", "line", "column", "rule", "category", "severity", "text", "suggestion", "message", "context"]

    public func header() -> String { Self.columns.joined(separator: ",") + "\r\n" }
    public var separator: String { "" }
    public func footer(_ totals: AuditTotals) -> String { "" }

    public func render(_ record: AuditedRecord, document: Document) -> String {
        var out = ""
        for f in record.report.findings {
            let fields: [String?] = [record.report.file, f.line.map(String.init), f.column.map(String.init), f.rule,
                                     f.category.rawValue, f.severity.rawValue, f.text, f.suggestion, f.message, f.context]
            out += fields.map { Self.field($0 ?? "") }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One field, quoted when it holds a comma, quote, line break or edge space.
    public static func field(_ s: String) -> String {
        let needs = s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ||
            s.first == " " || s.last == " "
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
