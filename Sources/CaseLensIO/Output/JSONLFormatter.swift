import CaseLensCore

/// JSON Lines: one record a line, in the findings schema (`FileReport.json`). A CSV row adds
/// `"path"`, `"row"` and `"id"`; a record that records abuse adds `"namesPersonCausingHarm"`
/// (true or false, never the name); an audit with a baseline adds `"baselined"` (findings hidden).
public struct JSONLFormatter: AuditFormatter {
    public var withBaseline: Bool
    public init(withBaseline: Bool = false) { self.withBaseline = withBaseline }

    public func header() -> String { "" }
    public var separator: String { "" }
    public func footer(_ totals: AuditTotals) -> String { "" }

    /// The record's line, written straight into bytes (an audit writes hundreds of thousands of
    /// findings: no `JSON.Value` tree for each).
    public func render(_ record: AuditedRecord, document: Document) -> String {
        var w = JSON.Writer(capacity: 512 + 400 * record.report.findings.count)
        record.report.writeOpen(to: &w)
        Self.extraMembers(record, withBaseline: withBaseline) { w.field($0, $1) }
        w.endObject()
        w.newline()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The members a record's line has after the report's own.
    static func extraMembers(_ record: AuditedRecord, withBaseline: Bool, _ body: (StaticString, JSON.Scalar) -> Void) {
        if let row = record.source.row {
            body("path", .string(record.source.path)); body("row", .int(row)); body("id", .string(record.source.id))
        }
        if let named = record.report.namesPersonCausingHarm { body("namesPersonCausingHarm", .bool(named)) }
        if withBaseline { body("baselined", .int(record.suppressed)) }
    }
}

extension FileReport {
    /// For a record that records abuse: whether it says who the person causing harm is (good
    /// practice the summary credits). nil when the record doesn't speak of abuse.
    public var namesPersonCausingHarm: Bool? {
        guard let r = record, r.recordsAbuse else { return nil }
        return r.perpetrator != nil
    }
}
