@testable import CaseLensCore
import XCTest

final class TokenizerTests: XCTestCase {
    func words(_ text: String) throws -> [(String, Int32, Int32)] {
        let bytes = Array(text.utf8)
        let tokens = try Tokenizer().tokenize(bytes, vocabulary: Vocabulary()).tokens
        return tokens.map { (String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self), $0.start, $0.end) }
    }

    func testByteOffsetsOnMultiByteText() throws {
        // "Zoé" has a 2-byte é; curly quotes are 3 bytes each; the emoji is 4 bytes; CRLF is 2.
        let text = "Zoé said “no” 👍\r\nMum’s fine."
        let w = try words(text)
        XCTAssertEqual(w.map(\.0), ["Zoé", "said", "no", "Mum", "’s", "fine"])
        XCTAssertEqual(w[0].1, 0); XCTAssertEqual(w[0].2, 4)            // Z o é(2)
        XCTAssertEqual(w[1].1, 5); XCTAssertEqual(w[1].2, 9)
        XCTAssertEqual(w[2].1, 13); XCTAssertEqual(w[2].2, 15)          // after “ (3 bytes at 10..<13)
        let mum = Array(text.utf8).firstIndex(of: UInt8(ascii: "M"))!
        XCTAssertEqual(Int(w[3].1), mum)
        XCTAssertEqual(w[4].2 - w[4].1, 4)                               // ’s = 3 + 1 bytes
        for (word, s, e) in w {
            XCTAssertEqual(String(decoding: Array(text.utf8)[Int(s)..<Int(e)], as: UTF8.self), word)
        }
    }

    func testCliticsSplitLikePatterns() throws {
        XCTAssertEqual(try words("Mum's didn't can't she'd o'clock O'Neill").map(\.0),
                       ["Mum", "'s", "did", "n't", "ca", "n't", "she", "'d", "o'clock", "O'Neill"])
    }

    func testFoldingUnifiesCaseAndApostrophes() throws {
        let t = try Tokenizer()
        XCTAssertEqual(t.foldedWords(of: "FAILED Mum’s ÉLODIE").map { String(decoding: $0, as: UTF8.self) },
                       ["failed", "mum", "'s", "élodie"])
    }

    func flags(_ text: String) throws -> [TokenFlags] {
        try Tokenizer().tokenize(Array(text.utf8), vocabulary: Vocabulary()).tokens.map(\.flags)
    }

    func testWrappedLinesAreSpacesButParagraphsBreak() throws {
        let f = try flags("Mum failed to\nprotect them.\n\nNext para")
        XCTAssertFalse(f[3].contains(.hardBreak))        // protect: wrapped line
        XCTAssertTrue(f[5].contains(.hardBreak))         // Next: after full stop and blank line
        let list = try flags("Actions:\nMum to call police\nDad to attend")
        XCTAssertTrue(list[1].contains(.hardBreak))      // Mum: after "Actions:" line
        XCTAssertTrue(list[5].contains(.hardBreak))      // Dad: short line, capitalised next line
    }

    func testPunctuationAndHyphens() throws {
        let f = try flags("low-level, minor. Mr. Khan")
        XCTAssertEqual(f[1].intersection([.softBreak, .hardBreak]), [])     // level: hyphen is transparent
        XCTAssertTrue(f[2].contains(.softBreak))                              // minor: comma
        XCTAssertTrue(f[3].contains(.hardBreak))                              // Mr: full stop
        XCTAssertFalse(f[4].contains(.hardBreak))                             // Khan: "Mr." is an abbreviation
        XCTAssertTrue(f[4].contains(.capitalised))
    }

    func testAnInitialBeforeALowerCaseWordIsNoSentenceEnd() throws {
        // "A. to leave": an initial standing for a name. "Plan A. Mum …" and "a. to" still break.
        let f = try flags("Plan: A. to leave. Plan A. Mum left. a. to")
        XCTAssertFalse(f[2].contains(.hardBreak))                             // to: after the initial "A."
        XCTAssertTrue(f[6].contains(.hardBreak))                              // Mum: a capital after "A."
        XCTAssertTrue(f[9].contains(.hardBreak))                              // to: "a." is no initial
    }

    func testPluralPossessiveApostropheIsNotABreak() throws {
        for text in ["the parents' communication", "the parents\u{2019} communication"] {
            let f = try flags(text)
            XCTAssertEqual(f[2].intersection([.softBreak, .hardBreak, .quoted]), [], text)   // communication
        }
        XCTAssertTrue(try flags("the parents' , communication")[2].contains(.softBreak))
        XCTAssertTrue(try flags("he said 'leave' now")[3].contains(.softBreak))                 // now: after a closing quote
    }

    func testQuotation() throws {
        let f = try flags("He said “she winds me up” and 'it was nothing' then left")
        let quoted = f.map { $0.contains(.quoted) }
        XCTAssertEqual(quoted, [false, false, true, true, true, true, false, true, true, true, false, false])
    }

    func testInvalidUTF8StillTokenisesWithOriginalOffsets() throws {
        var bytes = Array("Mum ".utf8); bytes.append(0xFF); bytes += Array(" failed".utf8)
        let tokens = try Tokenizer().tokenize(bytes, vocabulary: Vocabulary()).tokens
        XCTAssertEqual(tokens.last?.start, 6)
        XCTAssertEqual(tokens.last?.end, 12)
        XCTAssertTrue(Document(name: "x", bytes: bytes).hasInvalidUTF8)
    }

    func testDocumentPositionsCountScalars() {
        let d = Document(name: "x", text: "Zoé é\r\nab “c”")
        XCTAssertEqual(d.position(of: 0).line, 1)
        XCTAssertEqual(d.position(of: 4).column, 4)                 // after "Zoé"
        let c = Array(d.bytes).firstIndex(of: UInt8(ascii: "c"))!
        XCTAssertEqual(d.position(of: c).line, 2)
        XCTAssertEqual(d.position(of: c).column, 5)                 // a b space “ c
    }

    /// The sentence `index` gives around the first occurrence of `word` in `d`.
    static func sentence(at word: String, in d: Document, _ index: SentenceIndex) -> String {
        let w = Array(word.utf8), bytes = Array(d.bytes)
        let at = (0...(bytes.count - w.count)).first { Array(bytes[$0..<($0 + w.count)]) == w }!
        return String(decoding: d.bytes[index.sentence(containing: at)], as: UTF8.self)
    }

    /// ICU's abbreviation list matches word endings ("pp.", "PC."): acronyms and plain words
    /// still end sentences; titles do not.
    func testSentencesEndAfterAcronymsThatLookLikeAbbreviations() {
        let text = "He attends DAPP. Mum appeared calm. The ICPC. Mum came. He used the app. She left. Mrs. Holt came. Went to A.A. She left."
        let d = Document(name: "x", text: text)
        let index = SentenceIndex(d)
        func sentence(at word: String) -> String { Self.sentence(at: word, in: d, index) }
        XCTAssertEqual(sentence(at: "attends"), "He attends DAPP.")
        XCTAssertEqual(sentence(at: "appeared"), "Mum appeared calm.")
        XCTAssertEqual(sentence(at: "ICPC"), "The ICPC.")
        XCTAssertEqual(sentence(at: "came. He"), "Mum came.")
        XCTAssertEqual(sentence(at: "app."), "He used the app.")
        XCTAssertEqual(sentence(at: "Holt"), "Mrs. Holt came.")
        XCTAssertEqual(sentence(at: "A.A."), "Went to A.A.")
    }

    /// Sentences are read on UTF-8 bytes and come back as byte ranges, around two- to four-byte
    /// characters, a long run of them, and invalid bytes (read as U+FFFD).
    func testSentenceOffsetsAreBytesAroundNonASCIIText() {
        let long = String(repeating: "Привет", count: 30)
        var bytes = Array("Zoë said “no” 😀. \(long) is a word. 日本語の文。Mum left 👩‍👧 here. ".utf8)
        bytes += [0xFF, 0xC3] + Array(" Bad bytes stay put. He came back.".utf8)
        let d = Document(name: "x", bytes: bytes)
        let index = SentenceIndex(d)
        func sentence(at word: String) -> String { Self.sentence(at: word, in: d, index) }
        XCTAssertEqual(sentence(at: "said"), "Zoë said “no” 😀.")
        XCTAssertEqual(sentence(at: "😀"), "Zoë said “no” 😀.")
        XCTAssertEqual(sentence(at: "is a word"), "\(long) is a word.")
        XCTAssertEqual(sentence(at: "Привет"), "\(long) is a word.")
        XCTAssertEqual(sentence(at: "語"), "日本語の文。")
        XCTAssertEqual(sentence(at: "left"), "Mum left 👩‍👧 here.")
        XCTAssertEqual(sentence(at: "He came"), "He came back.")
    }

    /// UTF-8 validation agrees with the standard library's on random bytes: overlong forms,
    /// surrogates, code points past U+10FFFF, cut and broken sequences.
    func testUTF8ValidationAgreesWithTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0xAF],
                                 [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
                                 [0x80], [0xC3], [0xE2, 0x80], [0xFF], [0xEF, 0xBF, 0xBD]]
        for n in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            XCTAssertEqual(UTF8Validation.isValid(bytes), String(validating: bytes, as: UTF8.self) != nil, "#\(n): \(bytes)")
        }
    }
}
