import ArgumentParser
import CaseLensCore
import CaseLensIO
import Foundation

/// `caselens summary`: the health-check summary of an audit, as Markdown or one HTML file.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise an audit for a health check: Markdown, or one self-contained HTML file.",
        discussion: """
        Reads an audit's JSON Lines (files ending in .jsonl, or standard input when no input is given), or audits the files and folders given first (the audit options apply). The summary covers records and words audited, the share of records with a high finding, findings per 1,000 words by category, the score distribution, whole-record signals, good practice, the most frequent phrases and rules, and the 20 lowest-scoring records. It is written as a critical friend to the service, not as blame of individual workers.

        --redact leaves out every word of case text (phrases are shown as rules and categories only), for sharing beyond the team. --compare adds the change per category and per signal since a previous audit.

        Exit status: 0 when a summary was written, 2 when no record could be read.

        Examples:
          caselens audit --format jsonl records/ > audit.jsonl
          caselens summary audit.jsonl > summary.md
          caselens summary --format html --redact audit.jsonl > health-check.html
          caselens summary --format html --compare last-quarter.jsonl records/ > health-check.html
        """)

    @Argument(help: ArgumentHelp("Audit JSON Lines (.jsonl, '-' for standard input), or files and folders to audit first.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Output format: md (Markdown) or html (one self-contained page).")
    var format: SummaryFormat = .md

    @Flag(help: "Leave out all case text: phrases shown as rule ids and categories only.")
    var redact = false

    @Option(help: ArgumentHelp("A previous audit's JSON Lines: show the change per category and per signal.", valueName: "previous.jsonl"))
    var compare: String?

    @OptionGroup var input: InputOptions

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        // The lexicon gives the rules' messages, and audits any paths given.
        let compiled = lexicon.compileOrExit()
        if inputs.isEmpty && isatty(STDIN_FILENO) == 1 {
            fail(CLIError.usage("give an audit's JSON Lines (caselens audit --format jsonl) or files and folders to audit"))
        }
        var check = HealthCheck()
        let sources = inputs.isEmpty ? ["-"] : inputs
        let jsonl = sources.filter { $0 == "-" || $0.lowercased().hasSuffix(".jsonl") }
        let paths = sources.filter { !jsonl.contains($0) }
        for path in jsonl { check = read(path, into: check) }
        if !paths.isEmpty {
            var options = input.auditOptions()
            options.fingerprints = false          // a summary counts findings; it reads no fingerprints
            let run = AuditRun(auditor: Auditor(compiled: compiled, options: options, formatter: nil),
                               formatter: nil, output: FDWriter(fd: STDOUT_FILENO), status: input.statusLine())
            var audited = check
            run.onRecord = { audited.add(SummaryRecord($0)) }
            let totals = run.run(paths: paths)
            check = audited
            check.skipped = totals.skipped.count
        }
        if check.records == 0 { fail(CLIError.input("no records to summarise")) }
        var comparison: HealthComparison? = nil
        if let previous = compare {
            let before = read(previous, into: HealthCheck())
            if before.records == 0 { fail(CLIError.input("\(previous): no records to compare with")) }
            comparison = HealthComparison(now: check, before: before)
        }
        var messages: [String: String] = [:]
        for r in compiled.lexicon.rules { messages[r.id] = r.message }
        let out: String
        switch format {
        case .md: out = MarkdownSummary(check: check, redact: redact, comparison: comparison, ruleMessages: messages).render()
        case .html: out = HTMLSummary(check: check, redact: redact, comparison: comparison, ruleMessages: messages).render()
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private func read(_ path: String, into start: HealthCheck) -> HealthCheck {
        var check = start
        do {
            let problems = try JSONLRecords.read(path: path) { check.add($0) }
            for p in problems { warn("warning: \(path): \(p)") }
        } catch {
            fail(CLIError.input("\(path): \(error.reason)"))
        }
        return check
    }
}

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case md, html }
