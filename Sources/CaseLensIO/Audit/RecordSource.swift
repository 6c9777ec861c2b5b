import CaseLensCore

/// Where one audited record came from: a whole file, or one row of a CSV export.
public struct RecordSource: Sendable, Equatable {
    /// The file's path.
    public var path: String
    /// The kind of file.
    public var kind: InputKind
    /// For a CSV row: the data row number (1-based, header not counted).
    public var row: Int?
    /// For a CSV row: the line of the file the row starts on.
    public var line: Int?
    /// For a CSV row: the id column's value, when given.
    public var id: String?

    public init(path: String, kind: InputKind, row: Int? = nil, line: Int? = nil, id: String? = nil) {
        self.path = path; self.kind = kind; self.row = row; self.line = line; self.id = id
    }

    /// The record's name in every output: the path, or `path#id` / `path#row` for a CSV row.
    public var name: String {
        guard let row else { return path }
        return path + "#" + (id ?? String(row))
    }

    /// True when findings' offsets, lines and columns point into the file's own bytes.
    public var offsetsAreFileBytes: Bool { row == nil && kind.offsetsAreFileBytes }
}

/// One record after the check: its report (findings the baseline hides already removed) and
/// what the writers and the summary need about it.
public struct AuditedRecord: Sendable {
    public var source: RecordSource
    /// The report; `file` is `source.name`. The score is of the text as it stands: the baseline
    /// hides reviewed findings but does not change scores.
    public var report: FileReport
    /// Fingerprint of each finding in `report.findings`, in order.
    public var fingerprints: [String]
    /// Findings hidden because the baseline lists them.
    public var suppressed: Int
    /// Baseline keys of every finding before the baseline was applied (for `--write-baseline`).
    public var baselineKeys: [BaselineKey]
    /// Whether the offsets were into text converted from another encoding (UTF-16).
    public var converted: Bool

    public init(source: RecordSource, report: FileReport, fingerprints: [String], suppressed: Int = 0,
                baselineKeys: [BaselineKey] = [], converted: Bool = false) {
        self.source = source; self.report = report; self.fingerprints = fingerprints; self.suppressed = suppressed
        self.baselineKeys = baselineKeys; self.converted = converted
    }
}
