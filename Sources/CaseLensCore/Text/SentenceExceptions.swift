import CaseLensICU

/// The abbreviations after which ICU's English sentence iterator ("en@ss=standard") suppresses a
/// break ("Mr.", "U.S.", "Ph.D."), read from ICU's own data, and the way ICU applies them (its
/// `SimpleFilteredSentenceBreakIterator`): a break is suppressed when, after one space, the text
/// before it ends with an abbreviation, matched backwards, case-sensitively and at any word
/// ending. An abbreviation with an inner full stop ("Ph.D.") is found by its first part and then
/// matched forwards.
struct SentenceExceptions: Sendable {
    /// The abbreviations reversed, whole ("Mr." as ".rM") or, for those with an inner full stop,
    /// their first part ("Ph." of "Ph.D.").
    private let backwards: ScalarTrie
    /// The abbreviations with an inner full stop, and those sharing their first part, forwards.
    private let forwards: ScalarTrie

    /// Values in `backwards`.
    private static let whole: UInt8 = 1, firstPart: UInt8 = 2

    /// English, as the checker reads every record.
    static let english = SentenceExceptions(ICUData.sentenceExceptions(locale: "en"))

    /// Built as ICU builds its tries from the same list.
    init(_ list: [String]) {
        let words = list.map { Array($0.unicodeScalars.map(\.value)) }
        let dot = UInt32(0x2E)
        // Marked: found through a first part, matched forwards.
        var marked = [Bool](repeating: false, count: words.count)
        var backwards = ScalarTrie(), forwards = ScalarTrie()
        for (i, w) in words.enumerated() {
            guard let d = w.firstIndex(of: dot), d + 1 != w.count else { continue }
            let prefix = w[...d]
            var shared = false
            for (j, other) in words.enumerated() where j != i && other.count > d && other[...d] == prefix {
                if !marked[j] { marked[j] = true } else { shared = true }
            }
            if !shared && !marked[i] {
                backwards.insert(prefix.reversed(), value: Self.firstPart)
                marked[i] = true
            }
        }
        for (i, w) in words.enumerated() {
            if marked[i] { forwards.insert(w, value: Self.whole) } else { backwards.insert(w.reversed(), value: Self.whole) }
        }
        self.backwards = backwards; self.forwards = forwards
    }

    /// True when ICU would not break at `n`, a boundary of the Unicode rules.
    func suppresses(_ text: UnsafeBufferPointer<UInt8>, breakAt n: Int) -> Bool {
        // One space before the break is stepped over ("Mr. Brown").
        var p = n > 0 && text[n - 1] == 0x20 ? n - 1 : n
        var node = 0
        var best: (at: Int, value: UInt8)?
        while p > 0 {
            let q = UTF8Scalar.start(before: p, in: text)
            guard let next = backwards.child(of: node, UTF8Scalar.decode(text, at: q).0) else { break }
            node = next; p = q
            let value = backwards.value(node)
            if value != 0 { best = (p, value) }
            if !backwards.hasChildren(node) { break }
        }
        guard let best else { return false }
        if best.value == Self.whole { return true }
        // A first part: the whole abbreviation must follow, read forwards.
        var f = 0, matched = true, i = best.at
        while i < text.count {
            let (c, len) = UTF8Scalar.decode(text, at: i)
            guard let next = forwards.child(of: f, c) else { matched = false; break }
            f = next; i += len
            if !forwards.hasChildren(f) { break }
        }
        return matched
    }
}

/// A small trie over code points, for the abbreviation lists.
struct ScalarTrie: Sendable {
    private var children: [[UInt32: Int]] = [[:]]
    private var values: [UInt8] = [0]

    mutating func insert<S: Sequence>(_ word: S, value: UInt8) where S.Element == UInt32 {
        var node = 0
        for c in word {
            if let next = children[node][c] { node = next; continue }
            children.append([:]); values.append(0)
            children[node][c] = children.count - 1
            node = children.count - 1
        }
        values[node] = value
    }

    func child(of node: Int, _ c: UInt32) -> Int? { children[node][c] }
    func value(_ node: Int) -> UInt8 { values[node] }
    func hasChildren(_ node: Int) -> Bool { !children[node].isEmpty }
}

/// Data read from ICU once.
enum ICUData {
    /// ICU's sentence-break exceptions for `locale` (empty when ICU has none).
    static func sentenceExceptions(locale: String) -> [String] {
        var cap: Int32 = 4096
        while true {
            var buffer = [CChar](repeating: 0, count: Int(cap))
            let n = cl_sentence_exceptions(locale, &buffer, cap)
            if n < 0 { return [] }
            if n <= cap {
                let bytes = buffer[..<Int(n)].map { UInt8(bitPattern: $0) }
                return bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            }
            cap = n
        }
    }
}
