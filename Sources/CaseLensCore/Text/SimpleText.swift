/// Tells when a text can be read by bytes or by Unicode scalars rather than by Characters, which
/// is many times slower, with the same result.
enum SimpleText {
    /// True when every white-space Character of `s` is ASCII white space (space, tab, line feed,
    /// vertical tab, form feed, carriage return; CR LF is one Character) standing alone: there is
    /// none outside ASCII, and no ASCII white space has a combining mark after it or a prepended
    /// mark before it. Then collapsing or trimming white space, or comparing with " ", gives the
    /// same on the bytes as on the Characters.
    static func whiteSpaceStandsAlone(in s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        var previous: Unicode.Scalar = "\0"
        for u in s.unicodeScalars {
            if u.isASCII {
                if isSpace(u) && isPrepend(previous) { return false }
            } else if u.properties.isWhitespace || (isSpace(previous) && mayExtend(u)) {
                return false
            }
            previous = u
        }
        return true
    }

    /// True when every Character of `s` is one Unicode scalar and no scalar outside ASCII equals an
    /// ASCII one under normalisation: no combining, joining or prepended marks, no Hangul jamo or
    /// regional indicators, no CR LF, no Greek question mark, Greek varia or Kelvin sign. Then
    /// reading `s.unicodeScalars`, comparing scalars with literals, gives what reading `s` does.
    static func charactersAreScalars(in s: String) -> Bool {
        var previous: Unicode.Scalar = "\0"
        for u in s.unicodeScalars {
            if u.isASCII {
                if u == "\n" && previous == "\r" { return false }
            } else if mayExtend(u) || isPrepend(u) || u.properties.generalCategory == .format {
                return false
            } else {
                switch u.value {
                case 0x037E, 0x1FEF, 0x212A, 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0x1F1E6...0x1F1FF: return false
                default: break
                }
            }
            previous = u
        }
        return true
    }

    private static func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || (u.value >= 0x09 && u.value <= 0x0D) }

    /// A scalar that may join the Character before it (grapheme Extend, ZWJ or SpacingMark), or more.
    private static func mayExtend(_ u: Unicode.Scalar) -> Bool {
        let p = u.properties
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return p.isGraphemeExtend || p.isEmojiModifier || u.value == 0x0E33 || u.value == 0x0EB3
        }
    }

    /// A grapheme Prepend scalar (Unicode 15), which joins the Character after it.
    private static func isPrepend(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return u.properties.generalCategory == .format && !u.isASCII
        }
    }
}
