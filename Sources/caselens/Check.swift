import ArgumentParser
import CaseLensCore
import Foundation

/// `caselens check`: one note, from a file or standard input.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one note (a file, or standard input) and print findings with better wording.",
        discussion: """
        Reads FILE, or standard input when FILE is '-' or missing. Each finding shows where it is (line:column), the sentence with the words highlighted, what the words do, and a suggestion that names who did what. Words inside an attributed quote ("Mr Khan said 'it was just a push'") are evidence, not your language: they are shown as info and never counted.

        Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, 2 when the input or a lexicon could not be read.

        Examples:
          caselens check draft.txt
          xclip -o | caselens check -
          caselens check --rewrite draft.txt > reworded.txt
          caselens check --format json --fail-on medium draft.txt
        """)

    @Argument(help: ArgumentHelp("The note to check; '-' or nothing for standard input.", valueName: "file"))
    var file: String?

    @Option(help: "Output format: text (for people) or json (the findings schema).")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity is found: high, medium, low, or none.")
    var failOn: FailThreshold = .high

    @Flag(help: "Print the whole note with every suggestion applied (the reworded draft) instead of findings.")
    var rewrite = false

    @Flag(name: .customLong("explain-roles"), help: "Also show who CaseLens thinks is who in the record (person causing harm, victim, children) and why; in JSON as \"people\".")
    var explainRoles = false

    @Option(help: "Colour in text output: auto (only on a terminal, and not when NO_COLOR is set), always, never.")
    var color: ColourChoice = .auto

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        let compiled: CompiledLexicon
        let document: Document
        do {
            compiled = try lexicon.compile()
            document = try InputReader.read(file ?? "-")
        } catch { fail(error) }
        let checker: Checker
        do { checker = try Checker(compiled) } catch { fail(CLIError.input("\(error)")) }
        let report = checker.check(document)
        for w in report.warnings { warn("warning: \(document.name): \(w)") }
        let out: String
        if rewrite {
            out = Rewriter.apply(report, to: document)
        } else {
            switch format {
            case .json: out = JSON.encode(explainRoles ? report.jsonWithPeople : report.json, pretty: true) + "\n"
            case .text:
                let text = TextReport(colour: color.enabled(for: STDOUT_FILENO))
                out = (explainRoles ? text.renderPeople(report) : "") + text.render(report, document: document)
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        let failed = failOn.severity.map { threshold in report.worstSeverity.map { $0 >= threshold } ?? false } ?? false
        // Exit here: freeing the lexicon would take longer than the check of a short note.
        withExtendedLifetime(checker) { Foundation.exit(failed ? 1 : 0) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case high, medium, low, none
    var severity: Severity? { self == .none ? nil : Severity(rawValue: rawValue) }
}

enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
    func enabled(for fd: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
            return isatty(fd) == 1
        }
    }
}
