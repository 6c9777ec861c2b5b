import ArgumentParser
import CaseLensCore
import Foundation

/// `caselens rules`: the rule list.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, category, severity and message.",
        discussion: "Use 'caselens explain ID' for one rule's reasoning, source, better wording and examples.")

    @Option(help: "Only rules of this category.")
    var category: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        let lex = lexicon.loadOrExit()
        if let c = category, Category(rawValue: c) == nil {
            fail(CLIError.usage("unknown category '\(c)'; one of: \(Category.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let rules = lex.sortedRules(category: category.flatMap(Category.init(rawValue:)))
        switch format {
        case .json:
            print(JSON.encode(.array(rules.map(\.summaryJSON)), pretty: true))
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            for r in rules {
                print(r.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " +
                      r.severity.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + r.message)
            }
            print("\(rules.count) rules")
        }
    }
}

/// `caselens explain RULE`: everything about one rule.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: why the wording matters, its source, better wording and examples.")

    @Argument(help: ArgumentHelp("A rule id, e.g. victim-blaming.failure-to-protect.", valueName: "rule"))
    var id: String

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        let lex = lexicon.loadOrExit()
        guard let r = lex.rule(id) else {
            let close = lex.closeRuleIDs(to: id)
            var message = "no rule '\(id)'"
            if !close.isEmpty { message += "; did you mean: \(close.joined(separator: ", "))" }
            fail(CLIError.usage(message + " (see 'caselens rules')"))
        }
        var out = "\(r.id)  (\(r.category.rawValue), \(r.severity.rawValue))\n\n\(r.message)\n\n"
        out += "Why it matters\n  " + r.why.replacingOccurrences(of: "\n", with: "\n  ") + "\n\n"
        out += "Better wording\n  " + (r.suggestion.map { "replace with: \"\($0)\"" } ?? "no automatic replacement: reword to name who did what") + "\n\n"
        out += "Finds\n" + r.patterns.map { "  " + $0.source }.joined(separator: "\n") + "\n\n"
        if !r.exceptions.isEmpty { out += "Except\n" + r.exceptions.map { "  " + $0.source }.joined(separator: "\n") + "\n\n" }
        out += "Flags, for example\n" + r.flagExamples.map { "  - " + $0 }.joined(separator: "\n") + "\n\n"
        out += "Does not flag\n" + r.passExamples.map { "  - " + $0 }.joined(separator: "\n") + "\n\n"
        out += "Source\n  \(r.source)\n  defined at \(r.file):\(r.line)\n"
        print(out, terminator: "")
    }
}
