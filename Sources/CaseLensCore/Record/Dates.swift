/// A calendar date as a sortable day number (year × 372 + month × 31 + day); month-only dates
/// count as the 1st.
public struct RecordDate: Sendable, Comparable, Equatable {
    public var day: Int
    public static func < (a: RecordDate, b: RecordDate) -> Bool { a.day < b.day }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12]

    init(year: Int, month: Int, day: Int) { self.day = year * 372 + month * 31 + day }

    /// Parses a UK date at the start of `s`: 2 May 2024, 2nd May 2024, May 2024, 02/05/2024,
    /// 2/5/24, 02.05.2024, 2024-05-02 (an optional weekday first).
    public static func parse(prefixOf s: Substring) -> RecordDate? {
        if case .some(let date) = numericFirstWord(s) { return date }
        return parseWords(s)
    }

    /// `parse(prefixOf:)` on Characters and words, for any opening (`numericFirstWord` reads the
    /// commonest on the bytes; a test compares both).
    static func parseWords(_ s: Substring) -> RecordDate? {
        // Most lines start with neither a number nor a day or month name: decide that cheaply.
        let body = s.drop { CharacterSetLite.punctuation.contains($0) }
        let head = body.prefix { $0.isLetter }.lowercased()
        guard body.first?.isNumber == true || isDayOrMonth(head) else { return nil }
        // The first four words (split at spaces, tabs and commas), without splitting the rest.
        let isSeparator = { (c: Character) in c == " " || c == "\t" || c == "," }
        var words: [String] = []
        var rest = s
        while words.count < 4 {
            rest = rest.drop(while: isSeparator)
            guard !rest.isEmpty else { break }
            let word = rest.prefix { !isSeparator($0) }
            words.append(String(word))
            rest = rest[word.endIndex...]
        }
        guard !words.isEmpty else { return nil }
        if weekdays.contains(words[0].lowercased()) { words.removeFirst() }
        guard let first = words.first else { return nil }
        let numeric = first.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        // ASCII digits only: "½" and "３" are numbers too, and a long run overflows `Int`.
        let a = numeric.compactMap { $0.allSatisfy { $0.isASCII && $0.isNumber } ? Int($0) : nil }
        if numeric.count == 3, a.count == 3 {
            // Trailing punctuation such as "02/05/2024:" is fine.
            if numeric[0].count == 4 { return valid(a[0], a[1], a[2]) }
            let year = a[2] < 100 ? 2000 + a[2] : a[2]
            return valid(year, a[1], a[0])
        }
        let trimmed = { (w: String) in w.trimmingCharacters(in: CharacterSetLite.punctuation) }
        var dayNumber: Int? = nil
        var i = 0
        let d = trimmed(first).lowercased()
        let digits = d.prefix { $0.isNumber }
        if !digits.isEmpty, let n = Int(digits), ordinalSuffixes.contains(String(d.dropFirst(digits.count))) {
            dayNumber = n; i = 1
        }
        guard i < words.count, let month = months[trimmed(words[i]).lowercased()] else { return nil }
        guard i + 1 < words.count, let year = Int(trimmed(words[i + 1])), year >= 1900, year < 2200 else { return nil }
        return valid(year, month, dayNumber ?? 1)
    }

    /// What `parse(prefixOf:)` makes of `s` when its first word is three runs of ASCII digits
    /// parted by '/', '.' or '-' ("02/05/2024", "2024-05-02"), read on the bytes; nil when `s`
    /// opens any other way, and the general reading decides.
    private static func numericFirstWord(_ s: Substring) -> RecordDate?? {
        guard let first = s.utf8.first, first >= 0x30 && first <= 0x39 else { return nil }
        var numbers = (0, 0, 0), count = 0, value = 0, digits = 0, firstDigits = 0
        func end() -> Bool {
            guard digits > 0 else { return true }          // empty parts are skipped, as `split` does
            guard count < 3 else { return false }
            if count == 0 { numbers.0 = value; firstDigits = digits } else if count == 1 { numbers.1 = value } else { numbers.2 = value }
            count += 1; value = 0; digits = 0
            return true
        }
        for c in s.utf8 {
            if c >= 0x30 && c <= 0x39 {
                guard digits < 9 else { return nil }
                value = value * 10 + Int(c - 0x30); digits += 1
            } else if c == 0x2F || c == 0x2E || c == 0x2D {
                guard end() else { return nil }
            } else if c == 0x20 || c == 0x09 || c == 0x2C {
                break
            } else {
                return nil
            }
        }
        guard end(), count == 3 else { return nil }
        if firstDigits == 4 { return .some(valid(numbers.0, numbers.1, numbers.2)) }
        return .some(valid(numbers.2 < 100 ? 2000 + numbers.2 : numbers.2, numbers.1, numbers.0))
    }

    static let ordinalSuffixes: Set<String> = ["", "st", "nd", "rd", "th"]

    /// "mon", "friday", "sept": a lower-case weekday or month name, as a date may start with.
    static func isDayOrMonth(_ word: String) -> Bool { weekdays.contains(word) || months[word] != nil }

    static let weekdays: Set<String> = ["mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
                                        "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"]

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> RecordDate? {
        guard y >= 1900, y < 2200, (1...12).contains(m), (1...31).contains(d) else { return nil }
        return RecordDate(year: y, month: m, day: d)
    }
}

/// Minimal character-set trimming without Foundation.
enum CharacterSetLite {
    static let punctuation: Set<Character> = [":", ";", ",", ".", "-", "–", "—", "(", ")", "[", "]"]
}

extension String {
    /// Whether `needle` occurs in this string, byte for byte.
    func containsBytes(of needle: String) -> Bool {
        var hay = self, needle = needle
        return needle.isEmpty || hay.withUTF8 { h in needle.withUTF8 { n in ByteSearch.firstIndex(of: n, in: h) != nil } }
    }

    func trimmingCharacters(in set: Set<Character>) -> String { trimming { set.contains($0) } }

    /// This string without the characters at either end for which `isTrimmed` holds.
    func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let f = s.first, isTrimmed(f) { s = s.dropFirst() }
        while let l = s.last, isTrimmed(l) { s = s.dropLast() }
        return String(s)
    }
}

/// Dated entries of a chronology: lines that start with a date.
struct EntryDates {
    private var starts: [(offset: Int, date: RecordDate)] = []

    init(_ document: Document) {
        let b = document.bytes
        for start in document.lineStarts {
            var p = start
            while p < b.count && (b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x2D || b[p] == 0x2A) { p += 1 }
            guard p < b.count else { continue }
            let c = b[p]
            guard (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) else { continue }
            if c >= 0x41 && !Self.mayStartDate(b, letters: p) { continue }
            var e = p
            while e < b.count && e - p < 40 && b[e] != 0x0A { e += 1 }
            if c <= 0x39 && !Self.mayStartDate(b, digits: p..<e) { continue }
            let line = String(decoding: b[p..<e], as: UTF8.self)
            if let date = RecordDate.parse(prefixOf: Substring(line)) { starts.append((p, date)) }
        }
    }

    /// The first letters of weekday and month names.
    private static let dayOrMonthInitials: Set<UInt8> = Set((RecordDate.weekdays.map { $0 } + RecordDate.months.keys).compactMap(\.utf8.first))

    /// False when the line is sure not to start with a date: its first word, in ASCII letters, is
    /// no weekday or month name (what `RecordDate.parse` checks first, without making strings).
    private static func mayStartDate(_ b: [UInt8], letters p: Int) -> Bool {
        var e = p
        while e < b.count && e - p <= 9, (b[e] | 0x20) >= 0x61 && (b[e] | 0x20) <= 0x7A { e += 1 }
        if e < b.count && b[e] >= 0x80 { return true }           // a non-ASCII letter or mark may follow
        guard e - p >= 3 && e - p <= 9 else { return false }    // "may" … "wednesday"
        guard Self.dayOrMonthInitials.contains(b[p] | 0x20) else { return false }
        return RecordDate.isDayOrMonth(String(decoding: b[p..<e].map { $0 | 0x20 }, as: UTF8.self))
    }

    /// False when the line at `range`, which starts with a digit, is sure not to start with a
    /// date: its first word is not three numbers ("02/05/2024") and its second, in ASCII, is no
    /// month ("2nd May 2024"); what `RecordDate.parse` needs, without making strings.
    private static func mayStartDate(_ b: [UInt8], digits range: Range<Int>) -> Bool {
        func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x2C }
        var i = range.lowerBound, separators = 0
        while i < range.upperBound && !isSeparator(b[i]) {
            if b[i] >= 0x80 { return true }
            if b[i] == 0x2F || b[i] == 0x2E || b[i] == 0x2D { separators += 1 }
            i += 1
        }
        if separators >= 2 { return true }
        while i < range.upperBound && isSeparator(b[i]) { i += 1 }
        var lo = i, hi = i
        while hi < range.upperBound && !isSeparator(b[hi]) { if b[hi] >= 0x80 { return true }; hi += 1 }
        // Trimmed of CharacterSetLite.punctuation, as parse trims it.
        func isPunctuation(_ c: UInt8) -> Bool { [0x3A, 0x3B, 0x2C, 0x2E, 0x2D, 0x28, 0x29, 0x5B, 0x5D].contains(c) }
        while lo < hi && isPunctuation(b[lo]) { lo += 1 }
        while hi > lo && isPunctuation(b[hi - 1]) { hi -= 1 }
        guard hi - lo >= 3 && hi - lo <= 9 else { return false }
        return RecordDate.months[String(decoding: b[lo..<hi].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)] != nil
    }

    /// The date of the entry containing `offset`, if the record is dated there.
    func date(at offset: Int) -> RecordDate? {
        var found: RecordDate? = nil
        for s in starts { if s.offset <= offset { found = s.date } else { break } }
        return found
    }
}
