import ArgumentParser
import CaseLensCore
import Foundation

/// `caselens _bench`: in-process timings for the benchmark harness (bench/run.sh). Hidden.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_bench",
        abstract: "Time tokenise+match and the full check over files, in one process (for bench/run.sh).",
        shouldDisplay: false)

    @Argument(help: "Files to read.")
    var files: [String]

    @Flag(help: "Print the lexicon's literal phrases (one a line) and exit: the ripgrep yardstick's input.")
    var phrases = false

    @Option(help: "Repeat the lexicon's rules this many times under new ids (cost per token should stay flat).")
    var duplicateRules = 1

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        var lex: Lexicon
        do { lex = try lexicon.load() } catch { fail(error) }
        if duplicateRules > 1 {
            let base = lex.rules
            for copy in 1..<duplicateRules {
                lex.rules += base.map { var r = $0; r.id += "-copy\(copy)"; return r }
            }
        }
        let t0 = Date()
        let compiled: CompiledLexicon
        do { compiled = try CompiledLexicon(lex) } catch { fail(CLIError.lexicon(error)) }
        let compileSeconds = Date().timeIntervalSince(t0)
        if phrases {
            for p in compiled.literalPhrases() { print(p) }
            return
        }
        let docs = try files.map { path -> Document in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.input("\(path): cannot be read") }
            return Document(name: path, bytes: [UInt8](data))
        }
        let bytes = docs.reduce(0) { $0 + $1.bytes.count }
        let tokenizer = try Tokenizer()
        var tokens = 0, matches = 0
        let t1 = Date()
        for d in docs {
            let t = tokenizer.tokenize(d.bytes, vocabulary: compiled.vocabulary)
            tokens += t.tokens.count
            matches += compiled.automaton.scan(t.tokens).count
        }
        let scanSeconds = Date().timeIntervalSince(t1)
        let checker = try Checker(compiled)
        var findings = 0
        let t2 = Date()
        for d in docs { findings += checker.check(d).findings.count }
        let checkSeconds = Date().timeIntervalSince(t2)
        let mb = Double(bytes) / 1_048_576
        print(String(format: "rules=%d states=%d vocabulary=%d compile_ms=%.1f bytes=%d tokens=%d raw_matches=%d findings=%d scan_s=%.3f scan_mib_s=%.1f check_s=%.3f check_mib_s=%.1f",
                     lex.rules.count, compiled.automaton.stateCount, compiled.vocabulary.count, compileSeconds * 1000,
                     bytes, tokens, matches, findings, scanSeconds, mb / scanSeconds, checkSeconds, mb / checkSeconds))
    }
}
