/// The text content of an HTML page: what a reader sees, one block (paragraph, list item, table
/// cell, heading) a paragraph. Scripts, styles and the page title are left out.
public enum HTMLText {
    /// Elements that start a new paragraph.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Elements whose content is never page text.
    static let hidden: Set<String> = ["script", "style", "title", "template", "noscript", "head", "svg", "object"]

    /// The text of `bytes` (UTF-8 HTML).
    public static func extract(_ bytes: [UInt8]) -> String {
        var scanner = MarkupScanner()
        scanner.rawTextElements = ["script", "style", "title", "template", "noscript", "textarea"]
        scanner.lowercaseNames = true
        var out = ParagraphBuilder()
        var hiddenDepth = 0
        var preDepth = 0
        scanner.scan(bytes) { event in
            switch event {
            case .text(let r):
                guard hiddenDepth == 0 else { return }
                let text = Entities.decode(bytes[r])
                out.append(preDepth > 0 ? text : collapse(text))
            case .tag(let name, let closing, let selfClosing, _):
                if hidden.contains(name), !selfClosing {
                    // Raw-text elements arrive as open tag, text, close tag; others nest.
                    hiddenDepth = max(0, hiddenDepth + (closing ? -1 : 1))
                    return
                }
                if name == "body", !closing { hiddenDepth = 0 }        // an unclosed <head> ends here
                if name == "br" { out.lineBreak(); return }
                if name == "pre", !selfClosing { preDepth = max(0, preDepth + (closing ? -1 : 1)) }
                if blocks.contains(name) { out.endParagraph() }
            }
        }
        return out.finish()
    }

    /// Runs of white space (including source line breaks) as single spaces.
    static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{0C}" {
                space = true
            } else {
                if space { out.unicodeScalars.append(" "); space = false }
                out.unicodeScalars.append(ch)
            }
        }
        if space { out += " " }
        return out
    }
}
