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

    public func render(_ record: AuditedRecord, document: Document) -> String {
        JSON.encode(Self.object(record, withBaseline: withBaseline)) + "\n"
    }

    /// The record's JSON object.
    public static func object(_ record: AuditedRecord, withBaseline: Bool = false) -> JSON.Value {
        guard case .object(var pairs) = record.report.json else { return record.report.json }
        if let row = record.source.row {
            pairs += [("path", .string(record.source.path)), ("row", .int(row)), ("id", .string(record.source.id))]
        }
        if let named = record.report.namesPersonCausingHarm { pairs.append(("namesPersonCausingHarm", .bool(named))) }
        if withBaseline { pairs.append(("baselined", .int(record.suppressed))) }
        return .object(pairs)
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
