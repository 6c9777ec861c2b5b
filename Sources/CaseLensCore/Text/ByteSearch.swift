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
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        while i + 8 <= hay.count {
            let word = UnsafeRawPointer(hay.baseAddress! + i).loadUnaligned(as: UInt64.self) ^ pattern
            // A zero byte in `word` is a match.
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < hay.count { if hay[i] == byte { return i }; i += 1 }
        return nil
    }
}
