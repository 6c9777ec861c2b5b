import CaseLensCore
@testable import CaseLensIO
import Foundation
import XCTest

final class CSVParserTests: XCTestCase {
    func rows(_ text: String, chunk: Int = 1 << 16) throws -> [CSVRow] {
        var parser = CSVParser()
        var out: [CSVRow] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            try parser.feed(bytes[i..<min(bytes.count, i + chunk)]) { out.append($0) }
            i += chunk
        }
        try parser.finish { out.append($0) }
        return out
    }

    func texts(_ rows: [CSVRow]) -> [[String]] { rows.map { r in r.fields.map { String(decoding: $0, as: UTF8.self) } } }

    func testQuotedFieldsEmbeddedNewlinesAndCRLF() throws {
        let csv = "id,note\r\n1,\"She said \"\"no\"\", then left,\r\nlater\"\r\n2,plain\r\n\r\n3,\"\"\r\n4,last"
        for chunk in [1, 2, 3, 7, 1 << 16] {
            let r = try rows(csv, chunk: chunk)
            XCTAssertEqual(texts(r), [["id", "note"], ["1", "She said \"no\", then left,\r\nlater"], ["2", "plain"], ["3", ""], ["4", "last"]],
                           "chunk \(chunk)")
            XCTAssertEqual(r.map(\.line), [1, 2, 4, 6, 7], "chunk \(chunk)")
        }
    }

    func testLoneLFAndCRAndQuoteInsideUnquotedField() throws {
        XCTAssertEqual(texts(try rows("a,b\nx,5\"6\ry,z\n")), [["a", "b"], ["x", "5\"6"], ["y", "z"]])
    }

    func testUnclosedQuoteIsAnError() throws {
        XCTAssertThrowsError(try rows("a,b\n1,\"never closed\n2,x\n")) { error in
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
        }
    }

    func testCSVRecordsChoosesColumnsAndStreamsRows() throws {
        let dir = try IOFixtures.folder(self)
        try IOFixtures.write("\u{FEFF}Note ID,Case Note,Worker\nA-1,\"first\nnote\",x\nA-2,second,y\n,third,z\nA-4\n", "e.csv", in: dir)
        var notes: [CSVNote] = []
        let problem = try CSVRecords.read(path: dir.appendingPathComponent("e.csv").path,
                                          options: CSVOptions(textColumn: nil, idColumn: "note id")) { notes.append($0) }
        XCTAssertNil(problem)
        XCTAssertEqual(notes.map { String(decoding: $0.bytes, as: UTF8.self) }, ["first\nnote", "second", "third", ""])
        XCTAssertEqual(notes.map(\.id), ["A-1", "A-2", nil, "A-4"])
        XCTAssertEqual(notes.map(\.row), [1, 2, 3, 4])
        XCTAssertEqual(notes.map(\.line), [2, 4, 5, 6])
        XCTAssertNotNil(notes[3].warning)

        XCTAssertThrowsError(try CSVRecords.read(path: dir.appendingPathComponent("e.csv").path,
                                                 options: CSVOptions(textColumn: "body")) { _ in }) { error in
            XCTAssertTrue("\(error)".contains("no column 'body'"), "\(error)")
        }
        try IOFixtures.write("a,b\n1,2\n", "two.csv", in: dir)
        XCTAssertThrowsError(try CSVRecords.read(path: dir.appendingPathComponent("two.csv").path, options: CSVOptions()) { _ in }) { error in
            XCTAssertTrue("\(error)".contains("--csv-text-column"), "\(error)")
        }
    }
}

final class MarkupTests: XCTestCase {
    func testHTMLTextKeepsWhatAReaderSees() {
        let html = """
        <!DOCTYPE html><html><head><title>Smith family</title><style>p { color: red }</style>
        <script>var x = "<p>not text</p>";</script></head>
        <body><h1>Visit</h1><p>Mum was <b>hit</b> by
        Mr&nbsp;Khan &amp; left. He said &ldquo;it&rsquo;s &#8220;fine&#x201D;&rdquo;</p>
        <!-- a comment --><ul><li>one</li><li>two<br>three</li></ul><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
        <pre>keep   these
        spaces</pre><p>5 < 6 and a lone & stays</p></body></html>
        """
        let text = HTMLText.extract(Array(html.utf8))
        XCTAssertEqual(text, """
        Visit

        Mum was hit by Mr Khan & left. He said \u{201C}it\u{2019}s \u{201C}fine\u{201D}\u{201D}

        one

        two
        three

        <script>alert(1)</script>

        keep   these
        spaces

        5 < 6 and a lone & stays

        """)
    }

    func testDocxParagraphsTabsBreaksAndDeletedText() throws {
        let dir = try IOFixtures.folder(self)
        let url = dir.appendingPathComponent("n.docx")
        try IOFixtures.docx([
            "<w:r><w:t>Mum </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">was hit &amp; hurt.</w:t></w:r>",
            "<w:r><w:t>Plan:</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>two</w:t></w:r><w:del><w:r><w:delText>removed</w:delText></w:r></w:del>",
            "",
            "<w:r><w:instrText>PAGE</w:instrText><w:t>Last &lt;para&gt;.</w:t></w:r>",
        ], at: url)
        XCTAssertEqual(try DocxText.extract(path: url.path), "Mum was hit & hurt.\n\nPlan:\tone\ntwo\n\nLast <para>.\n")
    }

    func testBrokenDocxIsAReadProblem() throws {
        let dir = try IOFixtures.folder(self)
        try IOFixtures.write("not a zip", "x.docx", in: dir)
        XCTAssertThrowsError(try DocxText.extract(path: dir.appendingPathComponent("x.docx").path)) { error in
            XCTAssertEqual((error as? ReadProblem)?.reason, "is not a valid .docx (not a ZIP archive)")
        }
        try DocxBuilder.write(["word/other.xml": "<x/>"], to: dir.appendingPathComponent("y.docx"))
        XCTAssertThrowsError(try DocxText.extract(path: dir.appendingPathComponent("y.docx").path)) { error in
            XCTAssertEqual((error as? ReadProblem)?.reason, "is not a valid .docx (no word/document.xml)")
        }
    }

    func testTextEncoding() throws {
        XCTAssertThrowsError(try TextEncoding.utf8([0x41, 0x00, 0x42]))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "Zoë".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let (bytes, converted) = try TextEncoding.utf8(utf16)
        XCTAssertTrue(converted)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "Zoë")
    }
}

final class WalkTests: XCTestCase {
    func testGlobs() {
        XCTAssertTrue(Glob("*.txt").matches(relativePath: "a/b/c.txt"))
        XCTAssertFalse(Glob("*.txt").matches(relativePath: "a/b/c.md"))
        XCTAssertTrue(Glob("a/*.txt").matches(relativePath: "a/c.txt"))
        XCTAssertFalse(Glob("a/*.txt").matches(relativePath: "a/b/c.txt"))
        XCTAssertTrue(Glob("a/**/*.txt").matches(relativePath: "a/b/c/d.txt"))
        XCTAssertTrue(Glob("a/**/*.txt").matches(relativePath: "a/d.txt"))
        XCTAssertTrue(Glob("note-[0-9]?.md").matches(relativePath: "x/note-42.md"))
        XCTAssertFalse(Glob("note-[!0-9]*.md").matches(relativePath: "note-4.md"))
        XCTAssertTrue(Glob("drafts").matches(relativePath: "x/drafts"))
    }

    func testWalkOrderHiddenGlobsAndSymlinkLoops() throws {
        let dir = try IOFixtures.folder(self)
        for name in ["b/2.txt", "b/10.txt", "a-c.txt", "a/z.md", ".hidden/x.txt", "b/.h.txt", "drafts/d.txt", "img.png"] {
            try IOFixtures.write("x", name, in: dir)
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("b/loop").path, withDestinationPath: dir.path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/x")
        let root = dir.path
        let walk = FileWalker(options: WalkOptions(exclude: [Glob("drafts")])).walkAll([root])
        XCTAssertEqual(walk.files.map { String($0.path.dropFirst(root.count + 1)) }, ["a/z.md", "a-c.txt", "b/10.txt", "b/2.txt", "img.png"])
        XCTAssertEqual(walk.files.map(\.kind), [.markdown, .text, .text, .text, nil])
        XCTAssertEqual(walk.problems, [WalkProblem(path: root + "/gone.txt", reason: "is a broken symbolic link")])

        let hidden = FileWalker(options: WalkOptions(include: [Glob("*.txt")], hidden: true)).walkAll([root + "/missing", root, root + "/a-c.txt", root + "/b"])
        XCTAssertEqual(hidden.files.map { String($0.path.dropFirst(root.count + 1)) },
                       [".hidden/x.txt", "a-c.txt", "b/.h.txt", "b/10.txt", "b/2.txt", "drafts/d.txt"])
        XCTAssertEqual(hidden.problems.map(\.reason), ["is a broken symbolic link", "no such file or folder"])
    }
}
