/// Finds a short byte string in text. Foundation's search bridges to NSString and the standard
/// library's generic one is many times slower on Linux; case notes need neither.
public enum ByteSearch {
    /// The first offset at or after `from` where `needle` occurs in `hay`; nil for an empty needle.
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard !needle.isEmpty, from >= 0 else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The first offset at or after `from` where `byte` occurs in `hay`, eight bytes at a time.
    public static func firstIndex(of byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        var i = max(0, from)
        while i + 8 <= hay.count {
            if matches(word(hay, at: i), byte) != 0 { break }
            i += 8
        }
        while i < hay.count { if hay[i] == byte { return i }; i += 1 }
        return nil
    }

    /// The eight bytes of `hay` from offset `i` (which must hold them), as one word.
    @inline(__always)
    static func word(_ hay: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UnsafeRawPointer(hay.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Non-zero when one of the eight bytes of `word` is `byte` (the high bit of each such byte is
    /// set, and perhaps of bytes after one; never of bytes before the first).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }
}
