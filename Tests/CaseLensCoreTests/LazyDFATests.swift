@testable import CaseLensCore
import CaseLensLexicons
import Foundation
import XCTest

/// The lazily built deterministic automaton must find exactly the exact scan's matches: same
/// patterns, same first and last tokens, same order, for all three automata of the built-in
/// lexicon, with one cache reused from text to text (as a checker does).
final class LazyDFATests: XCTestCase {
    static let compiled = try! BuiltInLexicon.compiled()

    /// Returns the automata's `LazyDFA`s, for their statistics.
    @discardableResult
    func assertSameMatches(_ texts: [(name: String, bytes: [UInt8])], file: StaticString = #filePath, line: UInt = #line) throws -> [LazyDFA] {
        let c = Self.compiled
        let tokenizer = try Tokenizer()
        let automata = [("rules", c.automaton), ("record cues", c.recordCues), ("context", c.context)]
        let dfas = automata.map { LazyDFA($0.1) }
        for text in texts {
            var tokens = tokenizer.tokenize(text.bytes, vocabulary: c.vocabulary).tokens
            c.recordWords.markNotNames(&tokens, in: text.bytes)
            // Whole text, and (as the judge scans context) a few stretches that start at hard breaks.
            let breaks = tokens.indices.filter { $0 == 0 || tokens[$0].flags.contains(.hardBreak) }
            let stretches = stride(from: 0, to: breaks.count, by: 3).map { i in breaks[i]..<(i + 1 < breaks.count ? breaks[i + 1] : tokens.count) }
            for ((what, automaton), dfa) in zip(automata, dfas) {
                XCTAssertEqual(automaton.scan(tokens, using: dfa), automaton.scan(tokens),
                               "\(text.name): \(what), whole text", file: file, line: line)
                XCTAssertEqual(automaton.scan(tokens, ranges: stretches, using: dfa), automaton.scan(tokens, ranges: stretches),
                               "\(text.name): \(what), stretches", file: file, line: line)
            }
        }
        return dfas
    }

    func testSameMatchesAsExactScanOnCorpusAndExamples() throws {
        let dir = TokenizerDifferentialTests.repo.appendingPathComponent("corpus/records")
        var texts: [(name: String, bytes: [UInt8])] = []
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where f.hasSuffix(".txt") {
            texts.append((f, [UInt8](try Data(contentsOf: dir.appendingPathComponent(f)))))
        }
        XCTAssertGreaterThan(texts.count, 80)
        // Every rule's own examples too: short texts, each written to flag (or not) one wording.
        for rule in Self.compiled.lexicon.rules {
            for e in rule.flagExamples + rule.passExamples { texts.append((rule.id, Array(e.utf8))) }
        }
        // And all of them as one long text, which the deterministic automaton passes in two halves
        // at once (and the stretches in two groups).
        let long = texts.flatMap { $0.bytes + Array("\n\n".utf8) }
        let dfas = try assertSameMatches(texts + [("all texts", long)])
        // Most record cues (a title, a family word) have one length: they are read off the
        // deterministic automaton, and the exact scan hardly runs for them.
        XCTAssertGreaterThan(dfas[1].directMatches, 1000)
        XCTAssertLessThan(Double(dfas[1].exactTokens), 0.02 * Double(dfas[1].scannedTokens))
        // Where the exact scan runs, it follows only the states that lead to what ends there,
        // except where the sets overflowed (never in these texts).
        for dfa in dfas { XCTAssertEqual(dfa.restrictedRanges, dfa.exactRangeCount) }
        XCTAssertGreaterThan(dfas[0].exactRangeCount, 100)
    }

    func testHalvesCutAtHardBreaks() throws {
        let text = Array(("One two three. " + String(repeating: "Four five six seven. ", count: 20)).utf8)
        let c = Self.compiled
        let tokens = try Tokenizer().tokenize(text, vocabulary: c.vocabulary).tokens
        try tokens.withUnsafeBufferPointer { toks in
            let (a, b) = try XCTUnwrap(LazyDFA.halves(toks, [0..<toks.count]))
            XCTAssertEqual(a.first?.lowerBound, 0)
            XCTAssertEqual(a.last?.upperBound, b.first?.lowerBound)
            XCTAssertEqual(b.last?.upperBound, toks.count)
            XCTAssertTrue(toks[b[0].lowerBound].flags.contains(.hardBreak))
            XCTAssertLessThan(abs(a.reduce(0) { $0 + $1.count } - toks.count / 2), 6)
            // Several ranges: cut inside one at a break, or between two.
            let breaks = toks.indices.filter { toks[$0].flags.contains(.hardBreak) }
            let ranges = [0..<breaks[1], breaks[2]..<toks.count]
            let (c1, c2) = try XCTUnwrap(LazyDFA.halves(toks, ranges))
            XCTAssertEqual((c1 + c2).reduce(0) { $0 + $1.count }, ranges.reduce(0) { $0 + $1.count })
            XCTAssertTrue(c2.allSatisfy { toks[$0.lowerBound].flags.contains(.hardBreak) })
            // One sentence: nowhere to cut.
            XCTAssertNil(LazyDFA.halves(toks, [0..<3]))
        }
    }

    func testLongestMatchBoundsEveryMatchAndIsBounded() throws {
        // The exact scan starts this many tokens before an end: the built-in lexicon must have a
        // bound (no cycles), and no match may be longer than the bound of the state it ends in.
        let c = Self.compiled
        for automaton in [c.automaton, c.recordCues, c.context] {
            let longest = try XCTUnwrap(LazyDFA(automaton).longestMatch)
            XCTAssertLessThanOrEqual(longest, 40)
            let examples = c.lexicon.rules.flatMap(\.flagExamples).joined(separator: "\n\n")
            var tokens = try Tokenizer().tokenize(Array(examples.utf8), vocabulary: c.vocabulary).tokens
            c.recordWords.markNotNames(&tokens, in: Array(examples.utf8))
            for m in automaton.scan(tokens) { XCTAssertLessThanOrEqual(Int(m.last - m.first) + 1, longest) }
        }
        let paths = try XCTUnwrap(c.automaton.longestPaths)
        XCTAssertEqual(paths.count, c.automaton.stateCount)
    }

    func testCacheEmptiedWhenFullStillFindsTheSame() throws {
        // A text of many distinct words keeps making new states; a small cache is emptied many times.
        let words = Self.compiled.vocabulary
        var text = ""
        for i in 0..<4000 { text += words.word(Int32((i * 7919) % words.count)) + (i % 13 == 12 ? ". " : " ") }
        let c = Self.compiled
        var tokens = try Tokenizer().tokenize(Array(text.utf8), vocabulary: c.vocabulary).tokens
        c.recordWords.markNotNames(&tokens, in: Array(text.utf8))
        let dfa = LazyDFA(c.automaton, maxBytes: 64 << 10)
        XCTAssertEqual(c.automaton.scan(tokens, using: dfa), c.automaton.scan(tokens))
        XCTAssertLessThan(dfa.cacheBytes, 64 << 10)
        XCTAssertGreaterThan(dfa.builtStates, 1000, "the text should have made the cache overflow")
        // A pass that saw the cache emptied follows every state in its exact ranges.
        XCTAssertLessThan(dfa.restrictedRanges, dfa.exactRangeCount)
    }

    /// The exact scan's buffers are kept from scan to scan; when their stamps or epochs would
    /// overflow, they are cleared and the scans still find the same.
    func testScanBuffersClearedBeforeTheirCountersOverflow() throws {
        let c = Self.compiled
        let text = Array("Mum failed to protect the children. He said she was hysterical. Not a volatile relationship.".utf8)
        var tokens = try Tokenizer().tokenize(text, vocabulary: c.vocabulary).tokens
        c.recordWords.markNotNames(&tokens, in: text)
        for automaton in [c.automaton, c.context] {
            let dfa = LazyDFA(automaton)
            let expected = automaton.scan(tokens)
            XCTAssertEqual(automaton.scan(tokens, using: dfa), expected)
            dfa.scanBuffers.stamp = Int32.max - 3
            dfa.scanBuffers.epoch = Int32.max - 1
            XCTAssertEqual(automaton.scan(tokens, using: dfa), expected)
            XCTAssertLessThan(dfa.scanBuffers.stamp, Int32(tokens.count + 1), "the stamps should have started again")
            XCTAssertEqual(automaton.scan(tokens, using: dfa), expected)
        }
    }
}
