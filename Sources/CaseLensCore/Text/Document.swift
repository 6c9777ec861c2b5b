/// One input text as UTF-8 bytes, with a line index for reporting positions.
/// Offsets everywhere in CaseLens are byte offsets into `bytes`, exactly as given.
public struct Document: Sendable {
    /// Where the text came from (a path, `-` for standard input, or a record id).
    public let name: String
    /// The input bytes, unchanged.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line (line 1 starts at 0).
    public let lineStarts: [Int]
    /// True when the input is not valid UTF-8 (readers decode it with replacement characters).
    public let hasInvalidUTF8: Bool

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 60 + 1)
        bytes.withUnsafeBufferPointer { b in
            var from = 0
            while let i = ByteSearch.firstIndex(of: 0x0A, in: b, from: from) { starts.append(i + 1); from = i + 1 }
        }
        self.lineStarts = starts
        self.hasInvalidUTF8 = !UTF8Validation.isValid(bytes)
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// True when the bytes contain a NUL: CaseLens treats such input as binary.
    public var looksBinary: Bool { bytes.contains(0) }

    /// 1-based line and column (column counted in Unicode scalars) of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let line = self.line(of: offset)
        var column = 1
        var i = lineStarts[line - 1]
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // A continuation byte at `offset` itself belongs to the previous scalar: not counted.
        return (line, column)
    }

    /// 1-based line of a byte offset (`position(of:)` without the column).
    public func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The text of `[start, end)`, invalid UTF-8 replaced by U+FFFD.
    public func text(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

/// UTF-8 validity check over bytes.
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // ASCII eight bytes at a time.
            if i + 8 <= n, ByteSearch.word(bytes, at: i) & 0x8080_8080_8080_8080 == 0 {
                i += 8; continue
            }
            if bytes[i] < 0x80 { i += 1; continue }
            // An ill-formed sequence decodes as one byte of U+FFFD (a real U+FFFD has three).
            let (_, len) = UTF8Scalar.decode(bytes, at: i)
            if len == 1 { return false }
            i += len
        }
        return true
    }
}
