import Foundation
import Yams

/// One annotated finding from a record's `.expected.yaml` (see corpus/README.md).
public struct ExpectedFinding: Sendable {
    public var category: Category
    public var line: Int?
    public var text: String?
    public var fileLevel: Bool
    public var level: String
}

/// An annotated record: its text and what CaseLens must (and must not) find in it.
public struct AnnotatedRecord: Sendable {
    public var name: String
    public var document: Document
    public var expected: [ExpectedFinding]
    public var mustNotFlag: [(line: Int, text: String)]
}

/// Precision and recall of CaseLens against annotated records, per category and overall,
/// with every miss and false alarm listed by record and line.
public struct CorpusEvaluation: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public init() {}
        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }
    public var byCategory: [Category: Counts] = [:]
    public var overall = Counts()
    /// "record:line: category: text" for every annotation no finding matched.
    public var misses: [String] = []
    /// "record:line: rule: text" for every finding no annotation matched.
    public var falseAlarms: [String] = []
    /// Findings inside an annotated span that another finding of its category already matched.
    public var duplicates = 0
    public var records = 0

    /// Loads every `*.txt` with a `.expected.yaml` sidecar in `directory`.
    public static func load(directory: String) throws -> [AnnotatedRecord] {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        var out: [AnnotatedRecord] = []
        for name in names {
            let base = String(name.dropLast(4))
            let sidecar = (directory as NSString).appendingPathComponent(base + ".expected.yaml")
            guard let yamlText = try? String(contentsOfFile: sidecar, encoding: .utf8) else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path) else { throw EvaluationError("\(path): cannot be read") }
            let root = try Yams.load(yaml: yamlText) as? [String: Any] ?? [:]
            var expected: [ExpectedFinding] = []
            for f in root["findings"] as? [[String: Any]] ?? [] {
                guard let c = (f["category"] as? String).flatMap(Category.init(rawValue:)) else {
                    throw EvaluationError("\(sidecar): finding with unknown category \(f["category"] ?? "nil")")
                }
                expected.append(ExpectedFinding(category: c, line: f["line"] as? Int, text: f["text"] as? String,
                                                fileLevel: (f["scope"] as? String) == "file",
                                                level: f["level"] as? String ?? "sentence"))
            }
            let nots = (root["must_not_flag"] as? [[String: Any]] ?? []).compactMap { m -> (Int, String)? in
                guard let l = m["line"] as? Int, let t = m["text"] as? String else { return nil }
                return (l, t)
            }
            out.append(AnnotatedRecord(name: base, document: Document(name: name, bytes: [UInt8](data)),
                                       expected: expected, mustNotFlag: nots))
        }
        return out
    }

    /// Runs `checker` over the records and scores the findings against the annotations.
    public static func run(_ records: [AnnotatedRecord], checker: Checker) -> CorpusEvaluation {
        var e = CorpusEvaluation()
        e.records = records.count
        for r in records {
            let findings = checker.check(r.document).findings.filter { $0.context == nil && $0.severity != .info }
            var used = Set<Int>()
            for x in r.expected {
                var hit: Int? = nil
                for (i, f) in findings.enumerated() where !used.contains(i) && f.category == x.category {
                    if x.fileLevel {
                        if f.scope == .file { hit = i; break }
                        continue
                    }
                    guard f.scope == .span, let line = x.line, let text = x.text else { continue }
                    if r.spans(of: text, line: line).contains(where: { $0.overlaps(f.start!..<f.end!) }) { hit = i; break }
                }
                if let hit {
                    used.insert(hit)
                    e.count(x.category) { $0.truePositives += 1 }
                } else {
                    e.count(x.category) { $0.falseNegatives += 1 }
                    e.misses.append("\(r.name):\(x.line.map(String.init) ?? "file"): \(x.category.rawValue) [\(x.level)]: \(x.text ?? "(file-level)")")
                }
            }
            for (i, f) in findings.enumerated() where !used.contains(i) {
                // A second finding of the annotated category inside an annotated span ("Leanne will
                // not answer the door … and will not let him in") is the same problem found twice:
                // neither a hit nor a false alarm.
                if f.scope == .span, r.expected.contains(where: { x in
                    x.category == f.category && !x.fileLevel && x.line.map { line in
                        r.spans(of: x.text ?? "", line: line).contains { $0.overlaps(f.start!..<f.end!) } } == true
                }) { e.duplicates += 1; continue }
                e.count(f.category) { $0.falsePositives += 1 }
                let hard = r.mustNotFlag.contains { $0.line == f.line && r.spans(of: $0.text, line: $0.line).contains { $0.overlaps(f.start!..<f.end!) } }
                e.falseAlarms.append("\(r.name):\(f.line.map(String.init) ?? "file"): \(f.rule): \(f.text ?? "(file-level)")\(hard ? "   <- listed under must_not_flag" : "")")
            }
        }
        return e
    }

    private mutating func count(_ c: Category, _ update: (inout Counts) -> Void) {
        var x = byCategory[c] ?? Counts()
        update(&x); byCategory[c] = x
        update(&overall)
    }

    /// The per-category table as Markdown.
    public var table: String {
        var out = "| category | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|\n"
        func row(_ name: String, _ c: Counts) -> String {
            "| \(name) | \(c.truePositives) | \(c.falsePositives) | \(c.falseNegatives) | \(String(format: "%.2f", c.precision)) | \(String(format: "%.2f", c.recall)) |\n"
        }
        for c in Category.allCases { out += row(c.rawValue, byCategory[c] ?? Counts()) }
        out += row("**overall**", overall)
        return out
    }

    /// The whole report: table, misses, false alarms.
    public var report: String {
        var out = "CaseLens evaluation over \(records) annotated records\n\n" + table
        out += "\nMisses (annotated, not found): \(misses.count)\n" + misses.map { "  " + $0 }.joined(separator: "\n")
        out += "\n\nFalse alarms (found, not annotated): \(falseAlarms.count)\n" + falseAlarms.map { "  " + $0 }.joined(separator: "\n") + "\n"
        if duplicates > 0 { out += "\nSecond findings inside an annotated span (not counted): \(duplicates)\n" }
        return out
    }
}

extension AnnotatedRecord {
    /// Byte ranges where `text` occurs on 1-based `line`.
    func spans(of text: String, line: Int) -> [Range<Int>] {
        guard line >= 1, line <= document.lineStarts.count else { return [] }
        let start = document.lineStarts[line - 1]
        let end = line < document.lineStarts.count ? document.lineStarts[line] : document.bytes.count
        let hay = Array(document.bytes[start..<end]), needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Range<Int>] = []
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
            out.append((start + i)..<(start + i + needle.count))
        }
        return out
    }
}

/// A problem reading annotations.
public struct EvaluationError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
