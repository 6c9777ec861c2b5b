import ArgumentParser
import CaseLensCore
import CaseLensIO
import Foundation

/// `caselens audit`: many files and folders, on every core, in path order.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit files and folders: every record's findings and score, in path order.",
        discussion: """
        Walks the paths given (folders recursively; hidden files skipped unless --hidden) and reads plain text (.txt, .md), Word (.docx), HTML (.html) and CSV exports (.csv: each row is one record). Other files are listed as skipped, with the reason, on standard error. One unreadable or broken file never stops the batch. Output is in path order (then CSV row), whatever order the threads finish in. Progress is shown on standard error when it is a terminal.

        Formats: text (for people), jsonl (one record a line, the findings schema), csv (one finding a row), sarif (SARIF 2.1.0 for code-review and security dashboards).

        A baseline hides findings already reviewed: 'caselens audit --write-baseline FILE' records every current finding as its rule and a fingerprint of its sentence (no case text); 'caselens audit --baseline FILE' then reports only findings not in it.

        Exit status: 0 when every input was read and nothing at or above --fail-on was found; 1 when something was found; 4 when some inputs were skipped (5: skipped and found); 2 when nothing could be read, or a lexicon or baseline could not.

        Examples:
          caselens audit records/
          caselens audit --format jsonl records/ > audit.jsonl
          caselens audit --format sarif --include '*.txt' records/ > caselens.sarif
          caselens audit --csv-text-column Note --csv-id-column ID export.csv
          caselens audit --write-baseline .caselens-baseline records/
          caselens audit --baseline .caselens-baseline records/
        """)

    @Argument(help: ArgumentHelp("Files and folders to audit.", valueName: "path"))
    var paths: [String]

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, jsonl, csv or sarif.")
    var format: AuditFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity is found: high, medium, low, or none.")
    var failOn: FailThreshold = .high

    @Option(help: ArgumentHelp("Hide findings listed in this baseline file (see --write-baseline).", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Also write every finding of this audit to a baseline file (rule ids and sentence fingerprints only).", valueName: "file"))
    var writeBaseline: String?

    @Option(help: "Colour in text output: auto (only on a terminal, and not when NO_COLOR is set), always, never.")
    var color: ColourChoice = .auto

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        let compiled = lexicon.compileOrExit()
        var options = input.auditOptions()
        if let path = baseline {
            do { options.baseline = try Baseline.read(path: path) } catch { fail(CLIError.input("baseline \(path): \(error.reason)")) }
        }
        let formatter: any AuditFormatter
        switch format {
        case .text: formatter = TextFormatter(colour: color.enabled(for: STDOUT_FILENO))
        case .jsonl: formatter = JSONLFormatter(withBaseline: baseline != nil)
        case .csv: formatter = CSVFormatter()
        case .sarif: formatter = SARIFFormatter(rules: compiled.lexicon.rules, version: CaseLensVersion.string)
        }
        // Sentence fingerprints only where something reads them.
        options.fingerprints = format == .sarif || writeBaseline != nil
        let run = AuditRun(auditor: Auditor(compiled: compiled, options: options, formatter: formatter),
                           formatter: formatter, output: FDWriter(fd: STDOUT_FILENO), status: input.statusLine())
        run.collectBaselineKeys = writeBaseline != nil
        let totals = run.run(paths: paths)
        if let path = writeBaseline {
            do { try Data(Baseline.text(run.baselineKeys).utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                fail(CLIError.input("cannot write baseline \(path): \(error.localizedDescription)"))
            }
        }
        if totals.records == 0 { fail(CLIError.input("nothing could be read (\(totals.skipped.count) skipped)")) }
        var status: Int32 = 0
        if let threshold = failOn.severity, let worst = totals.worst, worst >= threshold { status |= 1 }
        if !totals.skipped.isEmpty { status |= 4 }
        if status != 0 { throw ExitCode(status) }
    }
}

/// What to read: globs, hidden files, CSV columns, threads, progress (shared by audit and summary).
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only audit files matching this glob (repeatable), e.g. '*.txt' or 'notes/**/*.md'.", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Leave out files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "Also audit hidden files and folders (names starting with '.').")
    var hidden = false

    @Option(name: .customLong("csv-text-column"), help: ArgumentHelp(
        "The CSV column holding the note (default: a column named text, note, notes, body, content, ...).", valueName: "name"))
    var csvTextColumn: String?

    @Option(name: .customLong("csv-id-column"), help: ArgumentHelp(
        "The CSV column holding the record id (default: records are named by row number).", valueName: "name"))
    var csvIDColumn: String?

    @Option(help: ArgumentHelp("Worker threads (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .customLong("no-progress"), help: "Never show progress, even when standard error is a terminal.")
    var noProgress = false

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func auditOptions() -> AuditOptions {
        AuditOptions(walk: WalkOptions(include: include.map(Glob.init), exclude: exclude.map(Glob.init), hidden: hidden),
                     csv: CSVOptions(textColumn: csvTextColumn, idColumn: csvIDColumn), jobs: jobs)
    }

    func statusLine() -> StatusLine { StatusLine(fd: STDERR_FILENO, showProgress: !noProgress && isatty(STDERR_FILENO) == 1) }
}

extension AuditFormat: ExpressibleByArgument {}
