/// The kinds of file `caselens audit` reads, chosen by file extension.
public enum InputKind: String, Sendable, CaseIterable {
    /// Plain text (`.txt`, `.text`).
    case text
    /// Markdown (`.md`, `.markdown`), read as plain text.
    case markdown
    /// HTML (`.html`, `.htm`, `.xhtml`): the text content, one block a paragraph.
    case html
    /// Word (`.docx`): the text of `word/document.xml`, one paragraph a paragraph.
    case docx
    /// A CSV export (`.csv`): each row is one record.
    case csv

    /// The kind for a path's extension (case-insensitive), or nil when CaseLens doesn't read it.
    public static func of(path: String) -> InputKind? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "docx": return .docx
        case "csv": return .csv
        default: return nil
        }
    }

    /// True when findings' offsets, lines and columns point into the file's own bytes (plain text
    /// read as given); false when they point into text extracted from it (HTML, Word).
    public var offsetsAreFileBytes: Bool { self == .text || self == .markdown }

    /// The extensions read, for messages.
    public static let extensionList = ".txt, .md, .html, .docx and .csv"
}
