/// One element of a pattern, as written in a lexicon (see lexicons/README.md).
public indirect enum PatternElement: Sendable, Equatable {
    /// A word as written; it may fold to several tokens ("mum's" → mum 's).
    case literal(String)
    /// A word family: `~fail`.
    case family(String)
    /// A role class: `@victim`.
    case role(String)
    /// `<Name>`: any capitalised word.
    case anyName
    /// `<word>`: any word.
    case anyWord
    /// `*N`: 0 to N words.
    case gap(Int)
    /// `(a|b c)`: one of the alternatives.
    case group([[PatternElement]])
    /// `x?`: optional.
    case optional(PatternElement)
}

/// A parsed pattern: its source text and its top-level elements (numbered from 1 in templates).
public struct Pattern: Sendable, Equatable {
    public var source: String
    public var elements: [PatternElement]
    /// Line in the lexicon file where the pattern is written.
    public var line: Int
}

/// A pattern that could not be parsed: what is wrong and where (1-based column in the pattern).
public struct PatternSyntaxError: Error, Equatable {
    public var message: String
    public var column: Int
}

/// Parses the pattern language.
public enum PatternParser {
    public static let maxGap = 8

    public static func parse(_ source: String, line: Int = 0) throws(PatternSyntaxError) -> Pattern {
        var p = Cursor(bytes: Array(source.utf8))
        let seq = try p.sequence(topLevel: true)
        if p.index < p.bytes.count {
            throw PatternSyntaxError(message: "unexpected '\(p.character(at: p.index))'", column: p.index + 1)
        }
        if seq.isEmpty { throw PatternSyntaxError(message: "empty pattern", column: 1) }
        return Pattern(source: source, elements: seq, line: line)
    }

    /// Reads a pattern as UTF-8 bytes: every piece of syntax is ASCII, and words are any other bytes.
    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        /// ( ) | ? < > * ~ @
        static func isSyntax(_ c: UInt8) -> Bool {
            c == 0x28 || c == 0x29 || c == 0x7C || c == 0x3F || c == 0x3C || c == 0x3E || c == 0x2A || c == 0x7E || c == 0x40
        }

        func character(at i: Int) -> String { String(decoding: bytes[i..<min(i + 1, bytes.count)], as: UTF8.self) }

        mutating func skipSpaces() { while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 } }

        mutating func sequence(topLevel: Bool) throws(PatternSyntaxError) -> [PatternElement] {
            var out: [PatternElement] = []
            while true {
                skipSpaces()
                guard index < bytes.count else { break }
                let c = bytes[index]
                if c == 0x7C || c == 0x29 {
                    if topLevel { throw PatternSyntaxError(message: "'\(character(at: index))' outside a group", column: index + 1) }
                    break
                }
                var element = try atom()
                if index < bytes.count && bytes[index] == 0x3F {
                    if case .gap = element { throw PatternSyntaxError(message: "a gap cannot be optional", column: index + 1) }
                    element = .optional(element)
                    index += 1
                }
                out.append(element)
            }
            return out
        }

        mutating func atom() throws(PatternSyntaxError) -> PatternElement {
            let start = index
            switch bytes[index] {
            case 0x28:                                                   // (
                index += 1
                var alternatives: [[PatternElement]] = []
                while true {
                    let alt = try sequence(topLevel: false)
                    if alt.isEmpty { throw PatternSyntaxError(message: "empty alternative in group", column: index + 1) }
                    alternatives.append(alt)
                    guard index < bytes.count else { throw PatternSyntaxError(message: "unclosed '('", column: start + 1) }
                    if bytes[index] == 0x7C { index += 1; continue }
                    index += 1                                           // )
                    break
                }
                return .group(alternatives)
            case 0x7E:                                                   // ~
                index += 1
                let w = word()
                if w.isEmpty { throw PatternSyntaxError(message: "'~' must be followed by a word", column: start + 1) }
                return .family(w.lowercased())
            case 0x40:                                                   // @
                index += 1
                let w = roleName()
                if w.isEmpty { throw PatternSyntaxError(message: "'@' must be followed by a role name", column: start + 1) }
                return .role(w.lowercased())
            case 0x3C:                                                   // <
                guard let close = bytes[index...].firstIndex(of: 0x3E) else {
                    throw PatternSyntaxError(message: "unclosed '<'", column: start + 1)
                }
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                index = close + 1
                switch name {
                case "Name": return .anyName
                case "word": return .anyWord
                default: throw PatternSyntaxError(message: "unknown class <\(name)> (use <Name> or <word>)", column: start + 1)
                }
            case 0x2A:                                                   // *
                index += 1
                let digits = word()
                guard let n = Int(digits), n >= 1, n <= maxGap else {
                    throw PatternSyntaxError(message: "a gap is *N with N from 1 to \(maxGap)", column: start + 1)
                }
                return .gap(n)
            default:
                let w = word()
                if w.isEmpty { throw PatternSyntaxError(message: "unexpected '\(character(at: start))'", column: start + 1) }
                return .literal(w)
            }
        }

        /// A role name: a word that stops before an apostrophe, so "@victim's" is @victim then 's.
        mutating func roleName() -> String {
            let start = index
            while index < bytes.count && !Self.isSpace(bytes[index]) && !Self.isSyntax(bytes[index]) && bytes[index] != 0x27
                    && !(bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99) {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func word() -> String {
            let start = index
            while index < bytes.count && !Self.isSpace(bytes[index]) && !Self.isSyntax(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}

extension Pattern: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(source); w.values(elements); w.int(line) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        source = try r.string(); elements = try r.values(); line = try r.int()
    }
}

extension PatternElement: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        switch self {
        case .literal(let s): w.int(0); w.string(s)
        case .family(let s): w.int(1); w.string(s)
        case .role(let s): w.int(2); w.string(s)
        case .anyName: w.int(3)
        case .anyWord: w.int(4)
        case .gap(let n): w.int(5); w.int(n)
        case .group(let alternatives): w.int(6); w.lists(alternatives)
        case .optional(let e): w.int(7); w.value(e)
        }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.int() {
        case 0: self = .literal(try r.string())
        case 1: self = .family(try r.string())
        case 2: self = .role(try r.string())
        case 3: self = .anyName
        case 4: self = .anyWord
        case 5: self = .gap(try r.int())
        case 6: self = .group(try r.lists())
        case 7: self = .optional(try r.value())
        case let tag: throw SnapshotError(message: "unknown pattern element tag \(tag)")
        }
    }
}
