import CaseLensCore
/// A forgiving scanner over HTML or XML bytes: hands out text runs and tags in order, skips
/// comments, declarations and processing instructions, and never fails on broken markup.
struct MarkupScanner {
    /// One piece of markup.
    enum Event {
        /// Character data `[range)` (entities not yet decoded).
        case text(Range<Int>)
        /// A tag: its name as written, whether it closes (`</p>`) or closes itself (`<br/>`), and
        /// the byte range of its attributes.
        case tag(name: String, closing: Bool, selfClosing: Bool, attributes: Range<Int>)
    }

    /// Elements whose content is raw text up to their closing tag (HTML's script and style):
    /// reported as one text event, which callers usually drop. Names in lower case.
    var rawTextElements: Set<String> = []
    /// Whether tag names compare in lower case (HTML) or as written (XML).
    var lowercaseNames = false

    func scan(_ b: [UInt8], _ body: (Event) -> Void) {
        var i = 0
        let n = b.count
        var textStart = 0
        func flush(_ end: Int) { if end > textStart { body(.text(textStart..<end)) } }
        while i < n {
            guard b[i] == 0x3C, i + 1 < n else { i += 1; continue }         // '<'
            let c = b[i + 1]
            if c == 0x21 {                                                   // <!-- --> <![CDATA[ ]]> <!DOCTYPE>
                flush(i)
                if starts(b, i, "<!--") {
                    i = find(b, "-->", from: i + 4).map { $0 + 3 } ?? n
                } else if starts(b, i, "<![CDATA[") {
                    let end = find(b, "]]>", from: i + 9) ?? n
                    if end > i + 9 { body(.text(i + 9..<end)) }
                    i = min(n, end + 3)
                } else {
                    i = find(b, ">", from: i).map { $0 + 1 } ?? n
                }
                textStart = i
                continue
            }
            if c == 0x3F {                                                   // <? ... ?>
                flush(i)
                i = find(b, "?>", from: i + 2).map { $0 + 2 } ?? n
                textStart = i
                continue
            }
            let closing = c == 0x2F
            let nameStart = i + (closing ? 2 : 1)
            guard nameStart < n, isNameStart(b[nameStart]) else { i += 1; continue }   // a lone '<' is text
            flush(i)
            var j = nameStart
            while j < n, isNameChar(b[j]) { j += 1 }
            var name = String(decoding: b[nameStart..<j], as: UTF8.self)
            if lowercaseNames { name = name.lowercased() }
            // The end of the tag, skipping '>' inside quoted attribute values.
            var k = j
            var quote: UInt8 = 0
            while k < n {
                let ch = b[k]
                if quote != 0 { if ch == quote { quote = 0 } } else if ch == 0x22 || ch == 0x27 { quote = ch } else if ch == 0x3E { break }
                k += 1
            }
            let selfClosing = k > j && b[k - 1] == 0x2F
            body(.tag(name: name, closing: closing, selfClosing: selfClosing, attributes: j..<(selfClosing ? k - 1 : k)))
            i = min(n, k + 1)
            textStart = i
            if !closing, !selfClosing, rawTextElements.contains(name) {
                // Raw text runs to the matching closing tag (or the end).
                var end = n
                var from = i
                while let lt = find(b, "</", from: from) {
                    var e = lt + 2
                    while e < n, isNameChar(b[e]) { e += 1 }
                    if String(decoding: b[(lt + 2)..<e], as: UTF8.self).lowercased() == name { end = lt; break }
                    from = lt + 2
                }
                if end > i { body(.text(i..<end)) }
                i = end
                textStart = end
            }
        }
        flush(n)
    }

    private func isNameStart(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F || c == 0x3A || c >= 0x80 }
    private func isNameChar(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E
    }

    private func starts(_ b: [UInt8], _ at: Int, _ s: String) -> Bool {
        let u = Array(s.utf8)
        guard at + u.count <= b.count else { return false }
        for (k, c) in u.enumerated() where lower(b[at + k]) != lower(c) { return false }
        return true
    }

    private func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    private func find(_ b: [UInt8], _ s: String, from: Int) -> Int? {
        b.withUnsafeBufferPointer { h in Array(s.utf8).withUnsafeBufferPointer { n in ByteSearch.firstIndex(of: n, in: h, from: from) } }
    }
}
