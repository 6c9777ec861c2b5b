import ArgumentParser
import CaseLensCore
import CaseLensLexicons
import Foundation

/// CPU time of this thread, in seconds (less disturbed by other load than wall time).
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// `caselens _bench`: in-process timings for the benchmark harness (bench/run.sh). Hidden.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_bench",
        abstract: "Time tokenise+match and the full check over files, in one process (for bench/run.sh).",
        shouldDisplay: false)

    @Argument(help: "Files to read (none needed with --phrases).")
    var files: [String] = []

    @Flag(help: "Print the lexicon's literal phrases (one a line) and exit: the ripgrep yardstick's input.")
    var phrases = false

    @Option(help: "Repeat the lexicon's rules this many times under new ids (cost per token should stay flat).")
    var duplicateRules = 1

    @OptionGroup var lexicon: LexiconOptions

    func run() throws {
        // What `check` pays at start-up: reading the embedded snapshot's core, and a checker.
        let tSnapshot = cpuSeconds()
        let builtIn: CompiledLexicon
        do { builtIn = try BuiltInLexicon.compiled(extraDirectories: [], sources: false) } catch { fail(CLIError.lexicon(error)) }
        let snapshotSeconds = cpuSeconds() - tSnapshot
        let tChecker = cpuSeconds()
        _ = try Checker(builtIn)
        let checkerSeconds = cpuSeconds() - tChecker
        let tLoad = cpuSeconds()
        var lex = lexicon.loadOrExit()
        let loadSeconds = (cpuSeconds() - tLoad)
        if duplicateRules > 1 {
            let base = lex.rules
            for copy in 1..<duplicateRules {
                lex.rules += base.map { var r = $0; r.id += "-copy\(copy)"; return r }
            }
        }
        let t0 = cpuSeconds()
        let compiled: CompiledLexicon
        do { compiled = try CompiledLexicon(lex) } catch { fail(CLIError.lexicon(error)) }
        let compileSeconds = (cpuSeconds() - t0)
        if phrases {
            for p in compiled.literalPhrases() { print(p) }
            return
        }
        if files.isEmpty { fail(CLIError.usage("give files to time (or --phrases)")) }
        let docs = try files.map { path -> Document in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.input("\(path): cannot be read") }
            return Document(name: path, bytes: [UInt8](data))
        }
        let bytes = docs.reduce(0) { $0 + $1.bytes.count }
        let tokenizer = try Tokenizer()
        var tokens = 0, matches = 0
        var tokenizeSeconds = 0.0
        // As a checker scans a batch: through the lazily built deterministic automaton.
        let dfa = LazyDFA(compiled.automaton)
        let t1 = cpuSeconds()
        for d in docs {
            let t0 = cpuSeconds()
            let t = tokenizer.tokenize(d.bytes, vocabulary: compiled.vocabulary)
            tokenizeSeconds += (cpuSeconds() - t0)
            tokens += t.tokens.count
            // The rule automaton: every rule candidate. Record cues and context patterns, which only
            // the judge reads, are scanned by the check (below).
            matches += compiled.automaton.scan(t.tokens, using: dfa).count
        }
        let scanSeconds = (cpuSeconds() - t1)
        let checker = try Checker(compiled)
        var findings = 0
        let t2 = cpuSeconds()
        for d in docs { findings += checker.check(d).findings.count }
        let checkSeconds = (cpuSeconds() - t2)
        let mb = Double(bytes) / 1_048_576
        print(String(format: "snapshot_ms=%.2f checker_ms=%.2f load_ms=%.1f tokenize_s=%.3f ", snapshotSeconds * 1000, checkerSeconds * 1000, loadSeconds * 1000, tokenizeSeconds), terminator: "")
        print(String(format: "rules=%d states=%d vocabulary=%d compile_ms=%.1f bytes=%d tokens=%d raw_matches=%d findings=%d scan_s=%.3f scan_mib_s=%.1f check_s=%.3f check_mib_s=%.1f",
                     lex.rules.count, compiled.automaton.stateCount, compiled.vocabulary.count, compileSeconds * 1000,
                     bytes, tokens, matches, findings, scanSeconds, mb / scanSeconds, checkSeconds, mb / checkSeconds), terminator: "")
        print(String(format: " dfa_states=%d dfa_misses=%d dfa_kib=%d exact_share=%.3f direct_share=%.3f longest_match=%d", dfa.builtStates, dfa.misses, dfa.cacheBytes / 1024,
                     Double(dfa.exactTokens) / Double(max(dfa.scannedTokens, 1)), Double(dfa.directMatches) / Double(max(matches, 1)), dfa.longestMatch ?? -1), terminator: "")
        // The checker's own automata over the whole check (rules, record cues, context windows).
        for (name, d) in checker.scanStatistics {
            print(String(format: " %@_scanned=%d %@_exact_share=%.3f %@_direct=%d %@_states=%d %@_misses=%d %@_exact_ranges=%d %@_restricted=%d",
                         name, d.scannedTokens, name, Double(d.exactTokens) / Double(max(d.scannedTokens, 1)), name, d.directMatches,
                         name, d.builtStates, name, d.misses, name, d.exactRangeCount, name, d.restrictedRanges), terminator: "")
        }
        print()
    }
}
