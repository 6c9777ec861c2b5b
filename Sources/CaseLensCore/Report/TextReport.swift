/// Human-readable report of one record, for a terminal or an editor's output pane.
public struct TextReport {
    public var colour: Bool
    public init(colour: Bool) { self.colour = colour }

    private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ report: FileReport, document: Document) -> String {
        var out = ""
        for f in report.findings {
            if f.scope == .file {
                out += "\(report.file): \(label(f.severity)) \(paint(f.rule, "1"))\n"
                out += "  \(f.message)\n\n"
                continue
            }
            out += "\(report.file):\(f.line ?? 0):\(f.column ?? 0): \(label(f.severity)) \(paint(f.rule, "1"))"
            out += f.context == "quoted" ? " (in an attributed quote: evidence, not your words)\n" : "\n"
            if let s = f.sentence, let start = f.start, let end = f.end {
                let before = document.text(s.lowerBound, start), phrase = document.text(start, end), after = document.text(end, s.upperBound)
                let marked = colour ? paint(phrase, "1;4;31") : "«" + phrase + "»"
                out += "  " + Self.oneLine(before + marked + after) + "\n"
            }
            out += "  " + f.message + "\n"
            if let sug = f.suggestion { out += "  " + paint("suggestion:", "32") + " " + sug + "\n" }
            if let rw = f.rewrite { out += "  " + paint("reworded:", "32") + "   " + rw + "\n" }
            out += "\n"
        }
        out += summaryLine(report) + "\n"
        return out
    }

    /// Who CaseLens thinks is who, and why.
    public func renderPeople(_ report: FileReport) -> String {
        let people = report.record?.people.all ?? []
        var out = paint("People in this record", "1") + "\n"
        if people.isEmpty { out += "  nobody named; suggestions use [the person causing harm] and [the adult victim]\n" }
        for p in people {
            out += "  \(p.name): \(p.role.rawValue)" + (p.kinship.map { " (\($0))" } ?? "") + "\n"
            for e in p.evidence.prefix(4) { out += "    - \(e)\n" }
        }
        if report.record?.womanHarmsMan == true {
            out += "  The record shows a woman harming a man: rules read it with a man's and a woman's words exchanged.\n"
        }
        if report.record?.declaration != nil {
            out += "  A written agreement in a parent's own voice: rules read its \"I\" and \"my\" as that parent.\n"
        }
        if report.record?.addressee != nil {
            out += "  A letter to someone of the family: rules read its \"you\" and \"your\" as that person.\n"
        }
        if let outcomes = report.record?.outcomes, !outcomes.isEmpty {
            out += paint("Court outcomes", "1") + "\n" + outcomes.map { "  \($0.text)" + ($0.date == nil ? "" : " (dated entry)") + ($0.otherMatter ? " (another matter)" : "") }.joined(separator: "\n") + "\n"
        }
        if let actions = report.record?.actions, !actions.isEmpty {
            out += paint("Plan actions", "1") + "\n" + actions.map { "  line \($0.line): \($0.actor) → \($0.isAgency ? "agency" : $0.role.rawValue)" }.joined(separator: "\n") + "\n"
        }
        return out + "\n"
    }

    public func summaryLine(_ report: FileReport) -> String {
        let counted = report.findings.filter { $0.context == nil }
        var bySeverity: [String] = []
        for s in Severity.allCases.reversed() where s != .info {
            let n = counted.filter { $0.severity == s }.count
            if n > 0 { bySeverity.append("\(n) \(s.rawValue)") }
        }
        let quoted = report.findings.count - counted.count
        var line = "\(report.file): "
        line += counted.isEmpty ? "no findings" : "\(counted.count) finding\(counted.count == 1 ? "" : "s") (\(bySeverity.joined(separator: ", ")))"
        if quoted > 0 { line += ", \(quoted) in attributed quotes" }
        line += "; score \(report.score)/100; \(report.words) words"
        return line
    }

    private func label(_ s: Severity) -> String {
        switch s {
        case .high: return paint("high", "1;31")
        case .medium: return paint("medium", "33")
        case .low: return paint("low", "36")
        case .info: return paint("info", "2")
        }
    }

    /// Collapses runs of white space (wrapped lines) to single spaces.
    static func oneLine(_ s: String) -> String { Judge.collapseSpaces(s) }
}

/// Applies suggestions to a whole document: the reworded draft.
public enum Rewriter {
    /// The document with every suggestion of a writer's-voice finding applied.
    public static func apply(_ report: FileReport, to document: Document) -> String {
        var bytes = document.bytes
        let edits = report.findings
            .filter { $0.scope == .span && $0.context == nil && $0.suggestion != nil }
            .sorted { ($0.start ?? 0) > ($1.start ?? 0) }
        var lastStart = Int.max
        for f in edits {
            guard let s = f.start, let e = f.end, let sug = f.suggestion, e <= lastStart else { continue }
            bytes.replaceSubrange(s..<e, with: Array(sug.utf8))
            lastStart = s
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
