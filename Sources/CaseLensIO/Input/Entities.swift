/// Decodes character references in HTML or XML text: `&amp;`, `&#8217;`, `&#x2019;` and the
/// named entities case notes use. Unknown names are left as written.
enum Entities {
    /// Named entities: XML's five plus the HTML ones seen in exported notes.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "shy": "",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "bdquo": "\u{201E}", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "prime": "′", "Prime": "″",
        "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•", "middot": "·", "deg": "°", "para": "¶", "sect": "§",
        "pound": "£", "euro": "€", "cent": "¢", "yen": "¥", "dollar": "$", "copy": "©", "reg": "®", "trade": "™",
        "times": "×", "divide": "÷", "frac12": "½", "frac14": "¼", "frac34": "¾", "plusmn": "±",
        "eacute": "é", "Eacute": "É", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à",
        "acirc": "â", "auml": "ä", "atilde": "ã", "aring": "å", "iacute": "í", "iuml": "ï", "icirc": "î",
        "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö", "otilde": "õ", "oslash": "ø", "uacute": "ú",
        "ugrave": "ù", "ucirc": "û", "uuml": "ü", "ccedil": "ç", "Ccedil": "Ç", "ntilde": "ñ", "Ntilde": "Ñ",
        "szlig": "ß", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "aelig": "æ", "AElig": "Æ", "oelig": "œ",
    ]

    /// The text of `bytes` with character references decoded.
    static func decode<C: Collection<UInt8>>(_ bytes: C) -> String where C.Index == Int {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let c = bytes[i]
            guard c == 0x26 else { out.append(c); i += 1; continue }
            // Find ';' within a short distance.
            var j = i + 1
            while j < end, j - i <= 32, bytes[j] != 0x3B, bytes[j] != 0x26, bytes[j] != 0x20 { j += 1 }
            guard j < end, bytes[j] == 0x3B, j > i + 1 else { out.append(c); i += 1; continue }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if let replacement = reference(name) {
                out.append(contentsOf: replacement.utf8)
                i = j + 1
            } else {
                out.append(c); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func reference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[name]
    }
}
