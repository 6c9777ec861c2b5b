import CaseLensCore
@testable import CaseLensIO
import Foundation
import XCTest

final class OrderedPoolTests: XCTestCase {
    /// Results come back in submission order, whatever order threads finish them in, and no
    /// more than `capacity` jobs are ever in flight.
    func testOrderAndBoundedWindow() {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var inFlight = 0, most = 0
            func change(_ d: Int) { lock.lock(); inFlight += d; most = max(most, inFlight); lock.unlock() }
        }
        let counter = Counter()
        let pool = OrderedPool<Int, Int>(threads: 4, capacity: 8) {
            return { job in
                // Uneven work: later jobs often finish first.
                var x = 0
                for i in 0..<((job * 7919) % 13 * 2000) { x &+= i }
                return job * 2 + (x == -1 ? 1 : 0)
            }
        }
        var got: [Int] = []
        pool.run(produce: { submit in
            for j in 0..<500 { counter.change(1); submit(j) }
        }, consume: { out in
            counter.change(-1)
            got.append(out)
        })
        XCTAssertEqual(got, (0..<500).map { $0 * 2 })
        // Submitted but not yet consumed: the window (8) plus the one being submitted and the one being consumed.
        XCTAssertLessThanOrEqual(counter.most, 8 + 2)
    }
}

final class BaselineTests: XCTestCase {
    func testFingerprintIgnoresSpacingAndCaseButNotWording() throws {
        let checker = try Checker(IOFixtures.compiled)
        func prints(_ text: String) -> [String] {
            let doc = Document(name: "n", text: text)
            return checker.check(doc).findings.map { Baseline.fingerprint($0, in: doc) }
        }
        let a = prints("Intro line here.\nThe zebra wobbled on Monday.")
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(prints("Another intro, longer.\n\nThe  zebra\nwobbled on monday."), a)
        XCTAssertNotEqual(prints("The zebra wobbled on Tuesday."), a)
    }

    func testASCIIFingerprintsAreTheNormalizedTextHashed() {
        for text in ["  The Zebra\t wobbled\r\n on\u{0B}Monday.  ", "", " \n ", "A", "Mr KHAN  said\u{0C}no."] {
            XCTAssertEqual(Baseline.fingerprint(of: ArraySlice(text.utf8)), FNV.hex(Baseline.normalized(text)), text.debugDescription)
        }
        XCTAssertEqual(Baseline.fingerprint(of: ArraySlice("Ms ÉLODIE  Roux".utf8)), FNV.hex("ms élodie roux"))
    }

    func testJSONEscapesQuotesControlsAndAngleBrackets() {
        var out = ""
        JSON.quote("a\"b\\c\nd\re\tf<g\u{01}h é 🙂", into: &out)
        XCTAssertEqual(out, #""a\"b\\c\nd\re\tf\u003cg\u0001h é 🙂""#)
    }

    /// Long strings go eight bytes at a time: every escape is still found, wherever it falls.
    func testJSONEscapesInLongRandomStrings() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                default: out += u.value < 0x20 ? "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16) : String(u)
                }
            }
            return out + "\""
        }
        let pieces: [String] = ["a", "Zebra ", "\"", "\\", "\n", "\r", "\t", "<", "\u{01}", "\u{1F}", " ", "é", "🙂", "—", "\u{7F}", ">"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { s += pieces.randomElement(using: &rng)! }
            var out = ""
            JSON.quote(s, into: &out)
            XCTAssertEqual(out, reference(s), s.debugDescription)
        }
    }

    func testFileRoundTripAndErrors() throws {
        let keys: Set = [BaselineKey(rule: "b.r", fingerprint: "00000000000000ff"), BaselineKey(rule: "a.r", fingerprint: "0123456789abcdef")]
        let text = Baseline.text(keys)
        XCTAssertTrue(text.hasPrefix("# caselens baseline v1"))
        XCTAssertTrue(text.hasSuffix("a.r 0123456789abcdef\nb.r 00000000000000ff\n"))
        let dir = try IOFixtures.folder(self)
        try IOFixtures.write(text, "base", in: dir)
        XCTAssertEqual(try Baseline.read(path: dir.appendingPathComponent("base").path).keys, keys)
        try IOFixtures.write("a.r 0123\n", "bad", in: dir)
        XCTAssertThrowsError(try Baseline.read(path: dir.appendingPathComponent("bad").path)) { error in
            XCTAssertTrue("\(error)".contains("line 1"), "\(error)")
        }
    }
}

final class AuditorTests: XCTestCase {
    /// In-process audit of a mixed folder: order by path then row, skips in place, CSV rows as records.
    func testMixedFolderInPathOrder() throws {
        let dir = try IOFixtures.folder(self)
        try IOFixtures.write("The zebra wobbled.\n", "b.txt", in: dir)
        try IOFixtures.write("id,note\nr1,A giraffe shuffle.\nr2,Nothing here.\nr3,\"A zebra\nwobble.\"\n", "a.csv", in: dir)
        try IOFixtures.write("<p>The zebra <i>wobbled</i>.</p>", "c/page.html", in: dir)
        try Data([0x41, 0, 0x42]).write(to: dir.appendingPathComponent("c/bin.txt"))
        try IOFixtures.write("", "empty.md", in: dir)
        try IOFixtures.docx(["<w:r><w:t>Zebra wobble.</w:t></w:r>"], at: dir.appendingPathComponent("d.docx"))
        try IOFixtures.write("x", "notes.pdf", in: dir)

        for jobs in [1, 3] {
            let auditor = Auditor(compiled: IOFixtures.compiled,
                                  options: AuditOptions(csv: CSVOptions(idColumn: "id"), jobs: jobs), formatter: JSONLFormatter())
            var names: [String] = []
            var lines: [String] = []
            auditor.run(paths: [dir.path]) { step in
                for e in step.events {
                    switch e {
                    case .record(let r, let rendered):
                        names.append(String(r.source.name.dropFirst(dir.path.count + 1)) + " \(r.report.findings.map(\.rule))")
                        lines.append(rendered)
                    case .skipped(let s):
                        names.append(String(s.path.dropFirst(dir.path.count + 1)) + " skipped: " + s.reason)
                    case .warning: break
                    }
                }
            }
            XCTAssertEqual(names, [
                "a.csv#r1 [\"minimising.zz-giraffe\"]",
                "a.csv#r2 []",
                "a.csv#r3 [\"minimising.zz-zebra\"]",
                "b.txt [\"minimising.zz-zebra\"]",
                "c/bin.txt skipped: looks like a binary file (it contains NUL bytes)",
                "c/page.html [\"minimising.zz-zebra\"]",
                "d.docx [\"minimising.zz-zebra\"]",
                "empty.md []",
                "notes.pdf skipped: unsupported file type .pdf",
            ], "jobs \(jobs)")
            let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
            XCTAssertEqual(first?["row"] as? Int, 1)
            XCTAssertEqual(first?["id"] as? String, "r1")
            XCTAssertEqual(first?["path"] as? String, dir.path + "/a.csv")
            XCTAssertTrue(lines.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
        }
    }

    func testBaselineHidesReviewedFindingsOnly() throws {
        let dir = try IOFixtures.folder(self)
        try IOFixtures.write("The zebra wobbled.\nA giraffe shuffle.\n", "n.txt", in: dir)
        func audit(_ baseline: Baseline?) -> AuditedRecord? {
            let auditor = Auditor(compiled: IOFixtures.compiled, options: AuditOptions(jobs: 1, baseline: baseline), formatter: nil)
            var out: AuditedRecord?
            auditor.run(paths: [dir.path]) { step in
                for case .record(let r, _) in step.events { out = r }
            }
            return out
        }
        let first = try XCTUnwrap(audit(nil))
        XCTAssertEqual(first.report.findings.count, 2)
        let reviewed = Baseline(keys: [first.baselineKeys[0]])
        try IOFixtures.write("New first line.\nThe  zebra wobbled.\nA giraffe shuffle.\nThe zebra wobbled again.\n", "n.txt", in: dir)
        let second = try XCTUnwrap(audit(reviewed))
        XCTAssertEqual(second.report.findings.map(\.line), [3, 4])
        XCTAssertEqual(second.suppressed, 1)
        XCTAssertEqual(second.report.score, Score.of(findings: [first.report.findings[0]] + second.report.findings, words: second.report.words),
                       "the score is of the text as it stands")
    }
}
