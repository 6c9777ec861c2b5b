import Foundation
import ZIPFoundation

/// The text of a Word (.docx) document: `word/document.xml` read from the ZIP, one Word
/// paragraph a paragraph; tabs and line breaks kept; deleted (tracked) text and field codes left out.
public enum DocxText {
    /// The text of the .docx file at `path`. Throws a `ReadProblem` for a file that is not a
    /// Word document (not a ZIP, no `word/document.xml`, or damaged).
    public static func extract(path: String, limit: Int = FileBytes.maxBytes) throws(ReadProblem) -> String {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            if access(path, R_OK) != 0 { throw ReadProblem("cannot be read: \(FileBytes.errorText(errno))") }
            throw ReadProblem("is not a valid .docx (not a ZIP archive)")
        }
        guard let entry = archive["word/document.xml"] else {
            throw ReadProblem("is not a valid .docx (no word/document.xml)")
        }
        var xml = [UInt8]()
        do {
            _ = try archive.extract(entry, consumer: { data in
                xml.append(contentsOf: data)
                if xml.count > limit { throw FileBytes.tooLarge(xml.count, limit) }
            })
        } catch let problem as ReadProblem {
            throw problem
        } catch {
            throw ReadProblem("is not a valid .docx (word/document.xml is damaged)")
        }
        return text(ofDocumentXML: xml)
    }

    /// The text of a WordprocessingML document part.
    public static func text(ofDocumentXML xml: [UInt8]) -> String {
        let w = prefix(xml)
        let p = w + "p", t = w + "t", tab = w + "tab", br = w + "br", cr = w + "cr", hyphen = w + "noBreakHyphen"
        var out = ParagraphBuilder()
        var inText = false
        MarkupScanner().scan(xml) { event in
            switch event {
            case .text(let r):
                if inText { out.append(Entities.decode(xml[r])) }
            case .tag(let name, let closing, let selfClosing, _):
                switch name {
                case t: inText = !closing && !selfClosing
                case p: if closing || selfClosing { out.endParagraph() }
                case tab: if !closing { out.append("\t") }
                case br, cr: if !closing { out.lineBreak() }
                case hyphen: if !closing { out.append("-") }
                default: break
                }
            }
        }
        return out.finish()
    }

    /// The namespace prefix (with its colon) that the document uses for WordprocessingML: "w:"
    /// in every file Word writes.
    static func prefix(_ xml: [UInt8]) -> String {
        let head = String(decoding: xml.prefix(4096), as: UTF8.self)
        let ns = "=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        guard let r = head.range(of: ns) else { return "w:" }
        let before = head[..<r.lowerBound]
        guard let x = before.range(of: "xmlns", options: .backwards) else { return "w:" }
        let decl = before[x.upperBound...]
        if decl.isEmpty { return "" }                                 // default namespace
        return decl.hasPrefix(":") ? String(decl.dropFirst()) + ":" : "w:"
    }
}
