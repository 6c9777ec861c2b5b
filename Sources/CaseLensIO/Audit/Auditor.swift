import CaseLensCore
import Foundation

/// How to audit: what to walk, how to read CSV, how many threads, which findings are reviewed.
public struct AuditOptions: Sendable {
    public var walk: WalkOptions
    public var csv: CSVOptions
    /// Worker threads (each with its own Checker); defaults to the number of cores.
    public var jobs: Int
    /// Findings already reviewed: not reported.
    public var baseline: Baseline?
    /// Whether to fingerprint each finding's sentence (for a baseline, or SARIF's fingerprints).
    /// Always done with a `baseline`; otherwise only on request, as it costs a pass over each sentence.
    public var fingerprints = true

    public init(walk: WalkOptions = WalkOptions(), csv: CSVOptions = CSVOptions(), jobs: Int? = nil, baseline: Baseline? = nil) {
        self.walk = walk; self.csv = csv; self.baseline = baseline
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// One step of an audit, handed back in output order (path, then CSV row).
public struct AuditStep: Sendable {
    public enum Event: Sendable {
        /// A record was audited; `rendered` is its output in the chosen format (may be empty).
        case record(AuditedRecord, rendered: String)
        /// An input (file or CSV row) was not audited.
        case skipped(Skip)
        /// A record was read with a problem that did not stop it (shown on standard error).
        case warning(path: String, message: String)
    }
    public var events: [Event]
    /// Set on the last step of each file: the file, for progress.
    public var finishedFile: InputFile?
}

/// Audits many files: walks the paths, reads each file (txt, md, html, docx, csv rows), checks
/// each record on a pool of threads, and hands steps back in path order as they become ready.
public struct Auditor: Sendable {
    public let compiled: CompiledLexicon
    public let options: AuditOptions
    /// Renders each record on the worker thread; nil to render nothing (e.g. for the summary).
    public let formatter: (any AuditFormatter)?

    public init(compiled: CompiledLexicon, options: AuditOptions, formatter: (any AuditFormatter)?) {
        self.compiled = compiled; self.options = options; self.formatter = formatter
    }

    /// Walks `paths` (files and folders) and audits what it finds, calling `step` on the calling
    /// thread, in path order. The walk runs on its own thread as the pool takes work.
    public func run(paths: [String], step: (AuditStep) -> Void) {
        let pool = OrderedPool<AuditJob, AuditStep>(threads: options.jobs) { [self] in
            let worker = RecordWorker(auditor: self)
            return { job in worker.run(job) }
        }
        let csv = options.csv
        let walker = FileWalker(options: options.walk)
        pool.run(produce: { submit in
            walker.walk(paths) { item in
                switch item {
                case .problem(let p):
                    submit(.skip(Skip(path: p.path, reason: p.reason), nil))
                case .file(let file):
                    guard let kind = file.kind else {
                        submit(.skip(Skip(path: file.path, reason: Self.unsupported(file.path)), file))
                        return
                    }
                    guard kind == .csv else { submit(.file(file, kind)); return }
                    // CSV: each row is its own record, so one large export still uses every core.
                    do {
                        let trailing = try CSVRecords.read(path: file.path, options: csv) { note in
                            submit(.csvRow(note, file))
                        }
                        submit(.end(file, trailing.map { Skip(path: file.path, reason: $0.reason) }))
                    } catch {
                        submit(.skip(Skip(path: file.path, reason: (error as? ReadProblem)?.reason ?? "\(error)"), file))
                    }
                }
            }
        }, consume: step)
    }

    /// How the reason for a file of a kind CaseLens doesn't read begins.
    public static let unsupportedPrefix = "unsupported file type"

    static func unsupported(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return unsupportedPrefix + " (no extension)" }
        return unsupportedPrefix + " " + name[dot...]
    }
}

/// Work for the pool.
enum AuditJob: Sendable {
    /// Read and check a whole file.
    case file(InputFile, InputKind)
    /// Check one CSV row.
    case csvRow(CSVNote, InputFile)
    /// Pass a skip through in order (with its file, when it is one).
    case skip(Skip, InputFile?)
    /// The end of a CSV file, with the problem that stopped it part-way, if any.
    case end(InputFile, Skip?)
}

/// One thread's worker: its own Checker, shared compiled lexicon and baseline.
final class RecordWorker {
    let auditor: Auditor
    let checker: Checker?
    let setupError: String?

    init(auditor: Auditor) {
        self.auditor = auditor
        do { checker = try Checker(auditor.compiled); setupError = nil } catch {
            checker = nil; setupError = "the checker could not start: \(error)"
        }
    }

    func run(_ job: AuditJob) -> AuditStep {
        switch job {
        case .skip(let s, let file):
            return AuditStep(events: [.skipped(s)], finishedFile: file)
        case .end(let file, let problem):
            return AuditStep(events: problem.map { [.skipped($0)] } ?? [], finishedFile: file)
        case .file(let file, let kind):
            let source = RecordSource(path: file.path, kind: kind)
            do {
                let (bytes, converted) = try read(file.path, kind)
                return AuditStep(events: audit(bytes, source: source, converted: converted), finishedFile: file)
            } catch {
                return AuditStep(events: [.skipped(Skip(path: file.path, reason: error.reason))], finishedFile: file)
            }
        case .csvRow(let note, let file):
            let source = RecordSource(path: file.path, kind: .csv, row: note.row, line: note.line, id: note.id)
            var events: [AuditStep.Event] = note.warning.map { [.warning(path: source.name, message: $0)] } ?? []
            if note.bytes.contains(0) {
                events.append(.skipped(Skip(path: source.name, reason: "contains NUL bytes (binary data in the note column)")))
            } else {
                events += audit(note.bytes, source: source, converted: false)
            }
            return AuditStep(events: events, finishedFile: nil)
        }
    }

    /// The UTF-8 text of a file of `kind`.
    private func read(_ path: String, _ kind: InputKind) throws(ReadProblem) -> ([UInt8], Bool) {
        switch kind {
        case .docx:
            return (Array(try DocxText.extract(path: path).utf8), false)
        case .html:
            let (bytes, converted) = try TextEncoding.utf8(try FileBytes.read(path))
            return (Array(HTMLText.extract(bytes).utf8), converted)
        case .text, .markdown, .csv:
            return try TextEncoding.utf8(try FileBytes.read(path))
        }
    }

    private func audit(_ bytes: [UInt8], source: RecordSource, converted: Bool) -> [AuditStep.Event] {
        guard let checker else { return [.skipped(Skip(path: source.name, reason: setupError ?? "no checker"))] }
        let document = Document(name: source.name, bytes: bytes)
        var report = checker.check(document)
        if converted { report.warnings.append(TextEncoding.convertedWarning) }
        var events: [AuditStep.Event] = report.warnings.map { .warning(path: source.name, message: $0) }
        var kept: [Finding] = [], prints: [String] = [], keys: [BaselineKey] = []
        var suppressed = 0
        if auditor.options.fingerprints || auditor.options.baseline != nil {
            for f in report.findings {
                let print = Baseline.fingerprint(f, in: document)
                let key = BaselineKey(rule: f.rule, fingerprint: print)
                keys.append(key)
                if let b = auditor.options.baseline, b.contains(key) { suppressed += 1; continue }
                kept.append(f); prints.append(print)
            }
            report.findings = kept
        }
        let record = AuditedRecord(source: source, report: report, fingerprints: prints, suppressed: suppressed,
                                   baselineKeys: keys, converted: converted)
        let rendered = auditor.formatter?.render(record, document: document) ?? ""
        events.append(.record(record, rendered: rendered))
        return events
    }
}
