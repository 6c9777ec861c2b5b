import CaseLensCore
import Foundation

/// SARIF 2.1.0, for code-review and security dashboards: the rules (id, message, why, source,
/// default level), one result per finding with its location, a fix for findings with a suggestion,
/// a fingerprint, and skipped inputs as notifications. Results stream out one a line.
///
/// Locations: plain text and Markdown files get line, column and byte offsets into the file; a CSV
/// row gets the line the row starts on plus the finding's line within the note; text extracted from
/// HTML or Word gets the file only, with the extracted line and column in the result's properties.
public struct SARIFFormatter: AuditFormatter {
    public let rules: [Rule]
    /// The folder relative paths are resolved against (`%SRCROOT%`), as a `file://` URI ending in `/`.
    public let rootURI: String
    /// The tool's version, if known.
    public let version: String?
    private let ruleIndex: [String: Int]

    public init(rules: [Rule], workingDirectory: String = FileManager.default.currentDirectoryPath, version: String? = nil) {
        self.rules = rules.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        for (i, r) in self.rules.enumerated() { index[r.id] = i }
        self.ruleIndex = index
        self.rootURI = "file://" + Self.percentEncoded(workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/")
        self.version = version
    }

    public var separator: String { ",\n" }

    public func header() -> String {
        var driver: [(String, JSON.Value)] = [("name", .string("CaseLens"))]
        if let version { driver.append(("version", .string(version))) }
        driver.append(("rules", .array(rules.map(descriptor))))
        var out = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
        out += "\"tool\":" + JSON.encode(.object([("driver", .object(driver))])) + ",\n"
        out += "\"originalUriBaseIds\":" + JSON.encode(.object([("SRCROOT", .object([("uri", .string(rootURI))]))])) + ",\n"
        out += "\"columnKind\":\"unicodeCodePoints\",\n\"results\":[\n"
        return out
    }

    public func footer(_ totals: AuditTotals) -> String {
        let notes: [JSON.Value] = totals.skipped.map { s in
            .object([("level", .string("warning")), ("message", .object([("text", .string("Not audited: \(s.reason)."))])),
                     ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(s.path))]))])]))])
        }
        let invocation: JSON.Value = .object([
            ("executionSuccessful", .bool(totals.records > 0 || totals.skipped.isEmpty)),
            ("toolExecutionNotifications", .array(notes)),
        ])
        return "\n],\n\"invocations\":[" + JSON.encode(invocation) + "]}]}\n"
    }

    public func render(_ record: AuditedRecord, document: Document) -> String {
        zip(record.report.findings, record.fingerprints).map { f, print in
            JSON.encode(result(f, fingerprint: print, record: record))
        }.joined(separator: ",\n")
    }

    /// SARIF's level for a severity.
    public static func level(_ s: Severity) -> String {
        switch s { case .high: "error"; case .medium: "warning"; case .low: "note"; case .info: "none" }
    }

    private func descriptor(_ r: Rule) -> JSON.Value {
        var help = r.why
        if let s = r.suggestion { help += "\n\nBetter wording: \(s)" }
        return .object([
            ("id", .string(r.id)),
            ("shortDescription", .object([("text", .string(r.message))])),
            ("fullDescription", .object([("text", .string(r.why))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(r.severity)))])),
            ("properties", .object([("category", .string(r.category.rawValue)), ("severity", .string(r.severity.rawValue)),
                                    ("source", .string(r.source)), ("tags", .array([.string(r.category.rawValue)]))])),
        ])
    }

    private func result(_ f: Finding, fingerprint: String, record: AuditedRecord) -> JSON.Value {
        var message = f.message
        if let s = f.suggestion { message += " Suggestion: \(s)" }
        var pairs: [(String, JSON.Value)] = [("ruleId", .string(f.rule))]
        if let i = ruleIndex[f.rule] { pairs.append(("ruleIndex", .int(i))) }
        pairs.append(("level", .string(Self.level(f.severity))))
        if f.severity == .info || f.context != nil { pairs.append(("kind", .string("informational"))) }
        pairs.append(("message", .object([("text", .string(message))])))

        let source = record.source
        var location: [(String, JSON.Value)] = [("artifactLocation", artifact(source.path))]
        var properties: [(String, JSON.Value)] = [("category", .string(f.category.rawValue)), ("severity", .string(f.severity.rawValue)),
                                                 ("scope", .string(f.scope.rawValue)), ("context", .string(f.context)),
                                                 ("record", .string(source.name)), ("recordScore", .int(record.report.score))]
        var fix: JSON.Value? = nil
        if let line = f.line, let column = f.column, let text = f.text {
            let (endLine, endColumn) = Self.end(line: line, column: column, text: text)
            if source.offsetsAreFileBytes && !record.converted {
                var region: [(String, JSON.Value)] = [("startLine", .int(line)), ("startColumn", .int(column)),
                                                      ("endLine", .int(endLine)), ("endColumn", .int(endColumn))]
                if let s = f.start, let e = f.end { region += [("byteOffset", .int(s)), ("byteLength", .int(e - s))] }
                region.append(("snippet", .object([("text", .string(text))])))
                location.append(("region", .object(region)))
                if let suggestion = f.suggestion {
                    let deleted: JSON.Value = .object([("startLine", .int(line)), ("startColumn", .int(column)),
                                                       ("endLine", .int(endLine)), ("endColumn", .int(endColumn))])
                    fix = .object([
                        ("description", .object([("text", .string("Replace with: \(suggestion)"))])),
                        ("artifactChanges", .array([.object([
                            ("artifactLocation", artifact(source.path)),
                            ("replacements", .array([.object([("deletedRegion", deleted),
                                                              ("insertedContent", .object([("text", .string(suggestion))]))])])),
                        ])])),
                    ])
                }
            } else if let rowLine = source.line {
                location.append(("region", .object([("startLine", .int(rowLine + line - 1)), ("snippet", .object([("text", .string(text))]))])))
            } else {
                properties += [("extractedLine", .int(line)), ("extractedColumn", .int(column)), ("snippet", .string(text))]
            }
        }
        if let rw = f.rewrite { properties.append(("rewrite", .string(rw))) }
        pairs.append(("locations", .array([.object([("physicalLocation", .object(location))])])))
        pairs.append(("partialFingerprints", .object([("caselensSentence/v1", .string(fingerprint))])))
        if let fix { pairs.append(("fixes", .array([fix]))) }
        pairs.append(("properties", .object(properties)))
        return .object(pairs)
    }

    /// Where a finding ends (line, column after its last scalar), given where it starts and its text.
    static func end(line: Int, column: Int, text: String) -> (Int, Int) {
        var l = line, c = column
        for u in text.unicodeScalars {
            if u == "\n" { l += 1; c = 1 } else { c += 1 }
        }
        return (l, c)
    }

    private func artifact(_ path: String) -> JSON.Value {
        if path.hasPrefix("/") { return .object([("uri", .string("file://" + Self.percentEncoded(path)))]) }
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return .object([("uri", .string(Self.percentEncoded(p))), ("uriBaseId", .string("SRCROOT"))])
    }

    /// A path as a URI reference: everything but unreserved characters and `/` percent-encoded.
    public static func percentEncoded(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", b)
            }
        }
        return out
    }
}
