import CaseLensCore

/// One `caselens audit` from paths to output: walks, audits on the pool, writes the formatter's
/// output to standard output as records become ready (in path order), notes skipped inputs and
/// warnings on standard error, and keeps the totals.
public final class AuditRun {
    public let auditor: Auditor
    /// The output format; nil to write nothing (the records still reach `onRecord`).
    public let formatter: (any AuditFormatter)?
    public let output: FDWriter
    public let status: StatusLine
    /// Every finding's baseline key (before the baseline), when `--write-baseline` asks for them.
    public private(set) var baselineKeys: Set<BaselineKey> = []
    public var collectBaselineKeys = false
    /// Called with each audited record, in order (e.g. to build a summary).
    public var onRecord: ((AuditedRecord) -> Void)?

    public init(auditor: Auditor, formatter: (any AuditFormatter)?, output: FDWriter, status: StatusLine) {
        self.auditor = auditor; self.formatter = formatter; self.output = output; self.status = status
    }

    /// Audits `paths` and returns the totals; output has been written and flushed.
    @discardableResult
    public func run(paths: [String]) -> AuditTotals {
        var totals = AuditTotals()
        output.write(formatter?.header() ?? "")
        var wroteRecord = false
        // Progress needs totals: a counting walk first, only when progress is shown.
        let (totalFiles, totalBytes) = status.showProgress ? FileWalker(options: auditor.options.walk).count(paths) : (0, 0)
        var filesDone = 0, bytesDone: Int64 = 0
        var recordsInFile = 0

        auditor.run(paths: paths) { step in
            for event in step.events {
                switch event {
                case .record(let record, let rendered):
                    totals.add(record)
                    recordsInFile += 1
                    if collectBaselineKeys { baselineKeys.formUnion(record.baselineKeys) }
                    if !rendered.isEmpty {
                        if wroteRecord { output.write(formatter?.separator ?? "") }
                        output.write(rendered)
                        wroteRecord = true
                    }
                    onRecord?(record)
                case .skipped(let s):
                    totals.skipped.append(s)
                    status.note("skipped: \(s.path): \(s.reason)")
                case .warning(let path, let message):
                    status.note("warning: \(path): \(message)")
                }
            }
            if let file = step.finishedFile {
                if recordsInFile > 0 { totals.files += 1 }
                recordsInFile = 0
                filesDone += 1
                bytesDone += file.size
                status.progress(files: filesDone, of: totalFiles, bytes: bytesDone, of: totalBytes)
            }
        }
        if totals.skipped.contains(where: { $0.reason.hasPrefix(Auditor.unsupportedPrefix) }) {
            status.note("note: CaseLens reads \(InputKind.extensionList); choose files with --include and --exclude")
        }
        status.clear()
        output.write(formatter?.footer(totals) ?? "")
        output.flush()
        return totals
    }
}
