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
}
