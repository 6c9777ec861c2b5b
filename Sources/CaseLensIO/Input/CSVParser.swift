/// One CSV row: its fields as bytes and the line of the file it starts on (1-based).
public struct CSVRow: Sendable, Equatable {
    public var fields: [[UInt8]]
    public var line: Int
    public init(fields: [[UInt8]], line: Int) { self.fields = fields; self.line = line }
    /// Field `i` as text, or nil when the row is shorter.
    public func text(_ i: Int) -> String? { i < fields.count ? String(decoding: fields[i], as: UTF8.self) : nil }
}

/// A CSV file that cannot be read to the end.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// An RFC 4180 CSV parser fed in chunks, so a large export is read in constant memory: commas
/// between fields, CRLF, LF or CR between rows, quoted fields with `""` for a quote and line breaks
/// inside. Forgiving where files in the wild differ (a quote inside an unquoted field is kept as
/// text); blank lines are skipped.
public struct CSVParser {
    /// Largest field accepted (one note).
    public var maxFieldBytes: Int

    private var fields: [[UInt8]] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    private var quoteInQuotes = false      // saw '"' inside a quoted field: an escape or the end
    private var wasQuoted = false
    private var pendingCR = false          // saw CR outside quotes: a following LF belongs to it
    private var line = 1
    private var rowLine = 1
    private var quoteLine = 1

    public init(maxFieldBytes: Int = FileBytes.maxBytes) { self.maxFieldBytes = maxFieldBytes }

    /// Parses the next chunk, calling `emit` for each complete row.
    public mutating func feed<C: Collection<UInt8>>(_ chunk: C, _ emit: (CSVRow) throws -> Void) throws {
        for c in chunk {
            if pendingCR {
                pendingCR = false
                if c == 0x0A { continue }
            }
            if inQuotes {
                if quoteInQuotes {
                    quoteInQuotes = false
                    if c == 0x22 { field.append(0x22); continue }     // "" inside quotes
                    inQuotes = false                                  // the closing quote; fall through
                } else {
                    if c == 0x22 { quoteInQuotes = true; continue }
                    if c == 0x0A { line += 1 }
                    try append(c)
                    continue
                }
            }
            switch c {
            case 0x2C: endField()
            case 0x0A, 0x0D:
                endField()
                try endRow(emit)
                line += 1
                rowLine = line
                pendingCR = c == 0x0D
            case 0x22 where field.isEmpty && !wasQuoted:
                inQuotes = true; wasQuoted = true; quoteLine = line
            default:
                try append(c)
            }
        }
    }

    /// Ends the input: emits the last row when the file doesn't end with a line break. Throws when
    /// a quoted field is never closed (the rows before it were emitted).
    public mutating func finish(_ emit: (CSVRow) throws -> Void) throws {
        if inQuotes && !quoteInQuotes {
            throw CSVError(message: "a quoted field opened on line \(quoteLine) is never closed")
        }
        inQuotes = false; quoteInQuotes = false
        if !fields.isEmpty || !field.isEmpty || wasQuoted {
            endField()
            try endRow(emit)
        }
    }

    private mutating func append(_ c: UInt8) throws {
        field.append(c)
        if field.count > maxFieldBytes {
            throw CSVError(message: "a field starting on line \(rowLine) is larger than \(maxFieldBytes >> 20) MB")
        }
    }

    private mutating func endField() {
        fields.append(field)
        field = []
        wasQuoted = false
    }

    private mutating func endRow(_ emit: (CSVRow) throws -> Void) throws {
        let row = fields
        fields = []
        if row.count == 1 && row[0].isEmpty { return }                 // a blank line
        try emit(CSVRow(fields: row, line: rowLine))
    }
}
