import CaseLensCore
import Foundation

/// One finding as the summary sees it.
public struct SummaryFinding: Sendable, Equatable {
    public var rule: String
    public var category: String
    public var severity: Severity
    public var scope: String
    /// The words found; nil for file-level findings.
    public var text: String?
    /// True for findings in attributed quotes (evidence, not counted).
    public var quoted: Bool

    public init(rule: String, category: String, severity: Severity, scope: String, text: String?, quoted: Bool) {
        self.rule = rule; self.category = category; self.severity = severity; self.scope = scope; self.text = text; self.quoted = quoted
    }

    /// Counted: in the writer's own voice (not quoted, not info).
    public var counted: Bool { !quoted && severity != .info }
}

/// One record as the summary sees it: from an audit run in this process, or one line of an
/// audit's JSON Lines.
public struct SummaryRecord: Sendable, Equatable {
    /// The record's name: its path, or `path#id` for a CSV row.
    public var id: String
    public var words: Int
    public var score: Int
    public var findings: [SummaryFinding]
    /// Whether the record names the person causing harm as an actor, when known.
    public var namesPersonCausingHarm: Bool?

    public init(id: String, words: Int, score: Int, findings: [SummaryFinding], namesPersonCausingHarm: Bool? = nil) {
        self.id = id; self.words = words; self.score = score; self.findings = findings
        self.namesPersonCausingHarm = namesPersonCausingHarm
    }

    public init(_ r: AuditedRecord) {
        self.init(id: r.source.name, words: r.report.words, score: r.report.score,
                  findings: r.report.findings.map {
                      SummaryFinding(rule: $0.rule, category: $0.category.rawValue, severity: $0.severity,
                                     scope: $0.scope.rawValue, text: $0.text, quoted: $0.context != nil)
                  },
                  namesPersonCausingHarm: r.report.namesPersonCausingHarm)
    }

    /// A record from one JSON Lines object (the findings schema); nil when it isn't one.
    public init?(json: Any) {
        guard let o = json as? [String: Any], let file = o["file"] as? String,
              let words = o["words"] as? Int, let score = o["score"] as? Int,
              let list = o["findings"] as? [[String: Any]] else { return nil }
        var findings: [SummaryFinding] = []
        for f in list {
            guard let rule = f["rule"] as? String, let sev = (f["severity"] as? String).flatMap(Severity.init(rawValue:)) else { return nil }
            let category = f["category"] as? String ?? String(rule.split(separator: ".").first ?? "")
            findings.append(SummaryFinding(rule: rule, category: category, severity: sev, scope: f["scope"] as? String ?? "span",
                                           text: f["text"] as? String, quoted: f["context"] is String))
        }
        self.init(id: file, words: words, score: score, findings: findings,
                  namesPersonCausingHarm: o["namesPersonCausingHarm"] as? Bool ?? Self.namesPersonCausingHarm(o["people"]))
    }

    /// Reads "names the person causing harm" from a `people` section (`check --format json`'s
    /// shape), when there is one: true when a person with a name has the role `person-causing-harm`.
    static func namesPersonCausingHarm(_ people: Any?) -> Bool? {
        guard let list = people as? [[String: Any]] else { return nil }
        return list.contains { p in
            p["role"] as? String == "person-causing-harm" && !((p["name"] as? String) ?? "").isEmpty
        }
    }
}

/// Reads an audit's JSON Lines one line at a time (memory stays flat), handing out each record.
public enum JSONLRecords {
    /// Reads `path` ('-' for standard input). Returns the problems met (line numbers, no text);
    /// throws when the file cannot be read at all.
    public static func read(path: String, record: (SummaryRecord) -> Void) throws(ReadProblem) -> [String] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                    throw ReadProblem(isDir.boolValue ? "is a folder" : "cannot be read (permission denied?)")
                }
                throw ReadProblem("no such file")
            }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        var problems: [String] = []
        var pending = Data()
        var lineNumber = 0
        func line(_ bytes: Data) {
            lineNumber += 1
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return }
            guard let value = try? JSONSerialization.jsonObject(with: bytes), let r = SummaryRecord(json: value) else {
                problems.append("line \(lineNumber) is not a record of the findings schema; left out")
                return
            }
            record(r)
        }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch {
                throw ReadProblem("cannot be read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                line(pending[start..<nl])
                start = nl + 1
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { line(pending) }
        return problems
    }
}
