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
            if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8; continue
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            let minScalar: UInt32
            var scalar: UInt32
            if b & 0xE0 == 0xC0 { len = 2; minScalar = 0x80; scalar = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { len = 3; minScalar = 0x800; scalar = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000; scalar = UInt32(b & 0x07) }
            else { return false }
            if i + len > n { return false }
            for k in 1..<len {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return false }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return false }
            i += len
        }
        return true
    }
}
