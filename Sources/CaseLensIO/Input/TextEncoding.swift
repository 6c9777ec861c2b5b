/// Turns a text file's bytes into the UTF-8 CaseLens reads: UTF-16 with a byte-order mark is
/// converted (Windows exports), anything else with NUL bytes is refused as binary.
public enum TextEncoding {
    /// The UTF-8 text of `bytes`, and whether it was converted (offsets then refer to the UTF-8).
    public static func utf8(_ bytes: [UInt8]) throws(ReadProblem) -> (bytes: [UInt8], converted: Bool) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            if text.utf8.contains(0) { throw binary }
            return (Array(text.utf8), true)
        }
        if bytes.contains(0) { throw binary }
        return (bytes, false)
    }

    static let binary = ReadProblem("looks like a binary file (it contains NUL bytes)")

    /// Message added to a record read from UTF-16.
    public static let convertedWarning = "read as UTF-16 and converted to UTF-8; offsets refer to the UTF-8 text"
}
