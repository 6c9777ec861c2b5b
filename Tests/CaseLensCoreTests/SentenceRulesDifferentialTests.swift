@testable import CaseLensCore
import CaseLensICU
import Foundation
import XCTest

/// CaseLens reads sentence boundaries with its own transcription of ICU's rules
/// (`SentenceRules`, `SentenceExceptions`): they must be exactly ICU's iterator's boundaries.
final class SentenceRulesDifferentialTests: XCTestCase {
    /// Every boundary of `bytes` after the start, by ICU's "en@ss=standard" iterator.
    static func icuBoundaries(_ bytes: [UInt8]) -> [Int] {
        var err: Int32 = 0
        guard let it = cl_sentences_open(&err) else { return [] }
        defer { cl_sentences_close(it) }
        return bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { _ = cl_sentences_set_utf8(it, $0.baseAddress, Int64(b.count)) }
            var out: [Int] = []
            var next = cl_sentences_next(it)
            while next >= 0 { out.append(Int(next)); next = cl_sentences_next(it) }
            return out
        }
    }

    /// Every boundary of `bytes` after the start, by `SentenceRules`.
    static func ownBoundaries(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { b in
            let rules = SentenceRules(text: b, exceptions: .english)
            var out: [Int] = [], last = 0
            while last < b.count { last = rules.boundary(after: last); out.append(last) }
            return out
        }
    }

    func assertSameBoundaries(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let own = Self.ownBoundaries(bytes), icu = Self.icuBoundaries(bytes)
        if own == icu { return }
        let i = (0..<min(own.count, icu.count)).first { own[$0] != icu[$0] } ?? min(own.count, icu.count)
        func show(_ b: [Int]) -> String {
            guard i < b.count else { return "(none)" }
            let at = b[i]
            let before = String(decoding: bytes[max(0, at - 25)..<at], as: UTF8.self)
            let after = String(decoding: bytes[at..<min(bytes.count, at + 15)], as: UTF8.self)
            return "\(at): \((before + "|" + after).debugDescription)"
        }
        XCTFail("\(name): boundary \(i) differs: CaseLens \(show(own)) vs ICU \(show(icu))", file: file, line: line)
    }

    func testICUListIsRead() {
        let list = ICUData.sentenceExceptions(locale: "en")
        XCTAssertTrue(list.contains("Mr."), "ICU's English exceptions: \(list)")
        XCTAssertTrue(list.contains("Ph.D."))
    }

    /// The comparison can tell the rules apart: without the abbreviations, "Mr." ends a sentence.
    func testAbbreviationsSuppressBreaks() {
        let bytes = Array("Mr. Brown came. He left.".utf8)
        XCTAssertEqual(Self.ownBoundaries(bytes), [16, 24])
        bytes.withUnsafeBufferPointer { XCTAssertEqual(SentenceRules(text: $0, exceptions: .english).ruleBoundary(after: 0), 4) }
    }

    func testTrickyCases() {
        let cases = [
            "Mr. Brown came. Mrs. Holt left. Dr. Patel rang. Ms. Ray. MR. X. mr. y. Prof. Z. Lt. Cdr. Lt.Cdr. Smith.",
            "He has a Ph.D. She does not. U.S. Army. The U.S.A. is far. U.S.C. rules. a.m. Then p.m. Then.",
            "E.g. this. e.g. that. I.e. so. i.e. such. etc. And. Etc. And. vs. Him. Jan. 5. Sept. The 3rd.",
            "Is it? Yes! No!! What?! \"Go.\" She said. 'No.' (Then.) [Here.] He said \"Stop.\" and left.",
            "3.5 miles. 8.05am. v1.2.3 is out. A. Smith. J. K. Rowling. A.B. Jones. It is 5. 6 more.",
            "End.\nNext line.\r\nWindows. \n\nPara. End.  Two spaces. End.\tTab. End.\u{A0}NBSP. End.\u{2029}P.",
            "Zoë left. Élodie came. “Stop.” She said. ‘No.’ Then… more. Wait… Then. Done—yes. Fine. 日本語の文。次。",
            "He said so. . . and then. .Next. ..Two. a.. b. A... B. ?. !? ?.a. x.Y z.y Q.E.D. End",
            "Dept. of Health. Sq. ft. Rep. Jones. AA. Meeting. Gp. x. In. Fact. On. The. As. Said. Is. It.",
            "Mum\u{301}. Next. e\u{301}. Next. A.\u{AD}B. C.\u{301} D. \u{AD}Start. End.\u{301}",
            "No end", "", ".", " ", "Mr.", "Mr. ", "Ph.", "Ph.D", "Ph.D.", "a. ", "A.\n", "\n\n", "U.S. ",
        ]
        for c in cases { assertSameBoundaries(Array(c.utf8), c.debugDescription) }
    }

    func testRandomText() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "Z", "M", "r", "s", "Mr", "Dr", "Ph", "D", "U", "S", "e", "g", "i", "pp", "PC", "Lt", "Cdr",
                      "0", "7", ".", ".", ".", "?", "!", ",", ";", ":", "-", " ", " ", " ", "\n", "\r\n", "\t", "\"", "'",
                      "(", ")", "[", "]", "“", "”", "‘", "’", "…", "é", "É", "ß", "\u{301}", "\u{AD}", "\u{A0}",
                      "\u{2029}", "\u{85}", "日", "。", "α", "Ω", "😀", "–", "—", "•"]
        for n in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &rng) { text += pieces.randomElement(using: &rng)! }
            assertSameBoundaries(Array(text.utf8), "random #\(n): \(text.debugDescription)")
        }
    }

    /// Ill-formed UTF-8 reads as U+FFFD.
    func testIllFormedBytes() {
        let cases: [[UInt8]] = [
            [0xFF] + Array(" Bad. Then.".utf8), Array("End.".utf8) + [0xC3] + Array(" Next. ".utf8) + [0xE2, 0x80],
            Array("Mr.".utf8) + [0x80] + Array(" Brown. A.".utf8) + [0xF0, 0x9F] + Array("B. C".utf8),
        ]
        for c in cases { assertSameBoundaries(c, "\(c)") }
    }

    /// Every record of the corpus and of the unseen rounds, as written and with wrapped lines joined
    /// (and of the folder `CASELENS_SENTENCE_DIR` names, if set: a generated bench corpus, say).
    func testWholeCorpus() throws {
        let repo = TokenizerDifferentialTests.repo
        var dirs = [repo.appendingPathComponent("corpus/records")]
        if let extra = ProcessInfo.processInfo.environment["CASELENS_SENTENCE_DIR"] { dirs.append(URL(fileURLWithPath: extra)) }
        let unseen = repo.appendingPathComponent("corpus/unseen")
        for d in (try? FileManager.default.contentsOfDirectory(atPath: unseen.path)) ?? [] where d.hasPrefix("round-") {
            dirs.append(unseen.appendingPathComponent(d))
        }
        var count = 0
        for dir in dirs {
            for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) where f.hasSuffix(".txt") {
                let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(f)))
                assertSameBoundaries(bytes, f)
                assertSameBoundaries(LineBreaks.unwrapped(bytes), f + " (joined)")
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 300)
    }
}
