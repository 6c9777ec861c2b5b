import CaseLensCore
import CaseLensIO
import Foundation
import XCTest

/// Tests/Fixtures/lexicon/minimising.yaml: invented phrases shared with the CLI tests.
let fixtureLexiconText: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lexicon/minimising.yaml")
    do { return try String(contentsOf: url, encoding: .utf8) } catch { fatalError("fixture lexicon: \(error)") }
}()

/// A small lexicon (independent of the shipped rules) and temporary folders for IO tests.
enum IOFixtures {
    static let files: [(name: String, text: String)] = [
        ("roles.yaml", """
        roles:
          victim: [mother, mum, she, her]
          perpetrator: [father, dad, he, him]
          child: ["the children"]
        """),
        ("families.yaml", "families:\n  wobble: { past: wobbled, ing: wobbling, s: wobbles }\n"),
        ("context.yaml", "negation: [not, \"n't\", never]\nspeech_verbs: [said, says]\n"),
        ("minimising.yaml", fixtureLexiconText),
    ]

    static let compiled: CompiledLexicon = {
        do { return try CompiledLexicon(try LexiconLoader.parse(files: files)) } catch { fatalError("fixture lexicon: \(error)") }
    }()

    /// A new empty folder, removed when the test ends.
    static func folder(_ test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("caselens-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    static func write(_ text: String, _ name: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A minimal .docx whose document.xml holds `paragraphs` (raw WordprocessingML runs each).
    static func docx(_ paragraphsXML: [String], at url: URL) throws {
        let body = paragraphsXML.map { "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>\($0)</w:p>" }.joined()
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
        try DocxBuilder.write(["[Content_Types].xml": contentTypes, "word/document.xml": xml], to: url)
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
    """
}
