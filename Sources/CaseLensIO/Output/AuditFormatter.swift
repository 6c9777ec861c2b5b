import CaseLensCore

/// Renders an audit in one output format. `render` runs on worker threads (it may read the
/// document, which only workers hold), the rest on the writing thread, so formatters are
/// immutable values.
public protocol AuditFormatter: Sendable {
    /// Text before the first record.
    func header() -> String
    /// One record's output; empty for nothing.
    func render(_ record: AuditedRecord, document: Document) -> String
    /// Written between two non-empty record outputs.
    var separator: String { get }
    /// Text after the last record.
    func footer(_ totals: AuditTotals) -> String
}

/// The output formats of `caselens audit`.
public enum AuditFormat: String, Sendable, CaseIterable {
    case text, jsonl, csv, sarif
}
