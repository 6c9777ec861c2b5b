import ArgumentParser
import CaseLensCore
import Foundation

/// `caselens eval DIR`: precision and recall on an annotated folder.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure CaseLens on annotated records: precision and recall per category, misses and false alarms.",
        discussion: """
        DIR holds NAME.txt records with NAME.expected.yaml annotations (format: corpus/README.md). Use it to evaluate CaseLens on your own annotated sample before trusting it.

        Example:
          caselens eval corpus/records
        """)

    @Argument(help: ArgumentHelp("Folder of annotated records.", valueName: "dir"))
    var directory: String

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        let compiled: CompiledLexicon
        let records: [AnnotatedRecord]
        do {
            compiled = try lexicon.compile()
            records = try CorpusEvaluation.load(directory: directory)
        } catch { fail(error) }
        if records.isEmpty { fail(CLIError.input("\(directory): no annotated records (NAME.txt with NAME.expected.yaml)")) }
        let result = CorpusEvaluation.run(records, checker: try Checker(compiled))
        print(result.report, terminator: "")
    }
}
