@testable import CaseLensCore
import Foundation
import XCTest

/// The ASCII and Latin fast paths must yield exactly ICU's tokens: same byte ranges, same flags,
/// same ids.
final class TokenizerDifferentialTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func assertSameTokens(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = try Tokenizer(), icu = try Tokenizer()
        icu.icuOnly = true
        // Every other word in the vocabulary, so that ids are compared too, for words found and not.
        var vocabulary = Vocabulary()
        for (i, t) in icu.tokenize(bytes, vocabulary: Vocabulary()).tokens.enumerated() where i % 2 == 0 {
            let folded = Array(icu.foldedText(bytes, t).utf8)
            if !folded.isEmpty { vocabulary.intern(folded) }
        }
        let a = fast.tokenize(bytes, vocabulary: vocabulary).tokens
        let b = icu.tokenize(bytes, vocabulary: vocabulary).tokens
        if a == b { return }
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func show(_ t: [Token]) -> String {
            guard i < t.count else { return "(none)" }
            return "\"\(String(decoding: bytes[Int(t[i].start)..<Int(t[i].end)], as: UTF8.self))\" \(t[i].start)..<\(t[i].end) flags \(t[i].flags.rawValue) id \(t[i].id)"
        }
        XCTFail("\(name): token \(i) differs: fast path \(show(a)) vs ICU \(show(b))", file: file, line: line)
    }

    func testTrickyASCII() throws {
        let cases = [
            "a:b x1 1x 3.5 8.05am 1,000,000 e.g. it's o'clock U.K. A&E Ellie-Mae _ __ a_b _a 1_ x.1 1.x 2.4.6 a''b a..b",
            "Mum's didn't can't 'quoted' \"dq\" (paren) [br] 12/03/2024 2024-03-12 £5 50% #tag @at a;b 1;2 1:30pm",
            "end. Start! Q? a--b a - b ... ,,, '' ' a' 'a x'y 5'6 7.' .5 ,5 5, 5. a. .a",
        ]
        for c in cases { try assertSameTokens(Array(c.utf8), c) }
    }

    func testRandomASCII() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09_.',;:-&/ \n\t\"()!?".utf8) + (0x21...0x7E).map { UInt8($0) }
        for n in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...60, using: &rng) { bytes.append(alphabet.randomElement(using: &rng)!) }
            try assertSameTokens(bytes, "random #\(n): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    func testTrickyLatin() throws {
        let cases = [
            "Zoë Chloé’s Sinéad’s ÉLODIE façade naïve Łukasz Żaneta Ørsted ﬁne ß Straße ªº µg 5µ",
            "“quoted” ‘single’ don’t ’tis o’clock 5’6 5’ ’5 a’’b a’.b Mum’s—Dad’s a–b £5 €10 20° • item … end",
            "a·b Zoë@x.org 😀x x😀 naı̈ve e\u{301} Ḁ Ǆ ĳ 1’000 1’a a’1 _é é_ é1 1é",
        ]
        for c in cases { try assertSameTokens(Array(c.utf8), c) }
    }

    func testRandomLatin() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "0", "_", ".", "'", ",", ";", ":", "-", " ", "\"", "é", "Ö", "ł", "ſ", "ª", "µ", "·",
                      "‘", "’", "“", "”", "–", "—", "•", "…", "£", "€", "°", "×", "\u{301}", "😀", "@", "\u{A0}"]
        for n in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...30, using: &rng) { text += pieces.randomElement(using: &rng)! }
            try assertSameTokens(Array(text.utf8), "random #\(n): \(text.debugDescription)")
        }
    }

    func testWholeCorpus() throws {
        let dir = Self.repo.appendingPathComponent("corpus/records")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
        XCTAssertGreaterThan(files.count, 0)
        for f in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(f))
            try assertSameTokens([UInt8](data), f)
        }
    }
}
