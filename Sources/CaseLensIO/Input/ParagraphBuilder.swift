/// Collects extracted text as paragraphs separated by a blank line (so sentence detection never
/// runs one paragraph into the next), with soft line breaks inside a paragraph.
struct ParagraphBuilder {
    private(set) var text = ""
    private var current = ""

    /// Adds text to the current paragraph.
    mutating func append(_ s: String) { current += s }

    /// Adds a line break inside the current paragraph.
    mutating func lineBreak() { current += "\n" }

    /// Ends the current paragraph; empty paragraphs are dropped.
    mutating func endParagraph() {
        let trimmed = current.trimmingSpaces()
        current = ""
        guard !trimmed.isEmpty else { return }
        if !text.isEmpty { text += "\n\n" }
        text += trimmed
    }

    /// The whole text, ending with a newline when not empty.
    mutating func finish() -> String {
        endParagraph()
        return text.isEmpty ? "" : text + "\n"
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (per line too).
    func trimmingSpaces() -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var s = line[...]
            while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
            while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
            return s
        }
        var kept = lines[...]
        while let f = kept.first, f.isEmpty { kept = kept.dropFirst() }
        while let l = kept.last, l.isEmpty { kept = kept.dropLast() }
        return kept.joined(separator: "\n")
    }
}
