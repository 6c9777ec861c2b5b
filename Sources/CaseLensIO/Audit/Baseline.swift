import CaseLensCore
import Foundation

/// A reviewed finding: its rule and a fingerprint of the sentence it is in.
public struct BaselineKey: Hashable, Sendable, Comparable {
    public var rule: String
    public var fingerprint: String
    public init(rule: String, fingerprint: String) { self.rule = rule; self.fingerprint = fingerprint }
    public static func < (a: BaselineKey, b: BaselineKey) -> Bool { (a.rule, a.fingerprint) < (b.rule, b.fingerprint) }
}

/// Findings already reviewed, so an audit reports only new ones. Keyed by rule and a fingerprint
/// of the sentence (white space collapsed, case folded), so records never need markup, edits
/// elsewhere in a record or a renamed file keep a finding reviewed, and changing the sentence brings
/// it back. The file holds only rule ids and hashes, never case text:
///
///     # caselens baseline v1 ...
///     victim-blaming.failure-to-protect 9f0c2a1b3d4e5f60
public struct Baseline: Sendable {
    public private(set) var keys: Set<BaselineKey>
    public init(keys: Set<BaselineKey> = []) { self.keys = keys }

    public func contains(_ key: BaselineKey) -> Bool { keys.contains(key) }

    /// The fingerprint of a finding: of its sentence, or for a file-level finding of the record's name.
    public static func fingerprint(_ f: Finding, in document: Document) -> String {
        if let s = f.sentence { return fingerprint(of: document.bytes[s]) }
        if let start = f.start, let end = f.end { return fingerprint(of: document.bytes[start..<end]) }
        return FNV.hex("file:" + document.name)
    }

    /// The fingerprint of text: FNV-1a of it `normalized`. ASCII text (nearly every sentence) is
    /// normalized and hashed on its bytes, with the same result.
    static func fingerprint(of bytes: ArraySlice<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return FNV.hex(normalized(String(decoding: bytes, as: UTF8.self))) }
        var fnv = FNV()
        var pendingSpace = false
        for b in bytes {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { pendingSpace = true; continue }   // ASCII white space
            if pendingSpace && fnv.count > 0 { fnv.add(0x20) }
            pendingSpace = false
            fnv.add(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return fnv.hex
    }

    /// Text as fingerprinted: runs of white space as one space, trimmed, lower case.
    static func normalized(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Reads a baseline file; throws with the line that is wrong.
    public static func read(path: String) throws(ReadProblem) -> Baseline {
        let bytes = try FileBytes.read(path)
        var keys = Set<BaselineKey>()
        for (n, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            let parts = t.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, parts[1].count == 16, parts[1].allSatisfy(\.isHexDigit) else {
                throw ReadProblem("line \(n + 1) is not 'RULE FINGERPRINT' (is this a file written by 'caselens audit --write-baseline'?)")
            }
            keys.insert(BaselineKey(rule: String(parts[0]), fingerprint: String(parts[1])))
        }
        return Baseline(keys: keys)
    }

    /// The file's text for `keys`: sorted, one a line, under a comment saying what it is.
    public static func text(_ keys: Set<BaselineKey>) -> String {
        var out = "# caselens baseline v1: findings already reviewed, as rule id and a fingerprint of the sentence.\n"
        out += "# Written by 'caselens audit --write-baseline'; read by 'caselens audit --baseline'. No case text.\n"
        for k in keys.sorted() { out += k.rule + " " + k.fingerprint + "\n" }
        return out
    }
}

/// 64-bit FNV-1a: a stable hash (Swift's `Hasher` is seeded per process).
struct FNV {
    private var h: UInt64 = 0xcbf29ce484222325
    /// Bytes hashed so far.
    private(set) var count = 0

    mutating func add(_ b: UInt8) { h ^= UInt64(b); h = h &* 0x100000001b3; count += 1 }

    /// The hash as 16 hex digits.
    var hex: String {
        let digits = String(h, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(_ s: String) -> String {
        var f = FNV()
        for b in s.utf8 { f.add(b) }
        return f.hex
    }
}
