#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which CSV columns hold the note and the record id.
public struct CSVOptions: Sendable {
    /// The header of the column holding the note's text; nil to look for a usual name
    /// (text, note, notes, case note, body, content, narrative, description) or a single column.
    public var textColumn: String?
    /// The header of the column holding a record id; nil to name records by row number.
    public var idColumn: String?
    public init(textColumn: String? = nil, idColumn: String? = nil) { self.textColumn = textColumn; self.idColumn = idColumn }

    /// Headers taken as the note's text when `textColumn` is not given (case-insensitive).
    public static let usualTextHeaders = ["text", "note", "notes", "case note", "case notes", "note text", "body",
                                          "content", "narrative", "description"]
}

/// One note read from a CSV row.
public struct CSVNote: Sendable {
    /// The text, as UTF-8 bytes.
    public var bytes: [UInt8]
    /// Data row number, 1-based, not counting the header.
    public var row: Int
    /// The line of the file the row starts on.
    public var line: Int
    /// The id column's value, when there is one and it is not empty.
    public var id: String?
    /// A problem with the row that did not stop it being read (e.g. missing fields).
    public var warning: String?
}

/// Streams the notes of a CSV export, one per row, reading the file in chunks.
public enum CSVRecords {
    /// Reads the CSV at `path`, calling `note` for each row in order. Throws a `ReadProblem` when
    /// the file cannot be read at all or has no usable text column; a problem part-way (an
    /// unclosed quote) is returned after the rows before it were handed out.
    public static func read(path: String, options: CSVOptions, note: (CSVNote) -> Void) throws(ReadProblem) -> ReadProblem? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw ReadProblem("cannot be read: \(FileBytes.errorText(errno))") }
        defer { close(fd) }
        var parser = CSVParser()
        var columns: (text: Int, id: Int?)? = nil
        var headerCount = 0
        var setupProblem: ReadProblem? = nil
        var dataRow = 0
        var first = true
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        func handle(_ row: CSVRow) throws {
            guard let cols = columns else {
                var header = row.fields.map { String(decoding: $0, as: UTF8.self) }
                if let f = header.first, f.hasPrefix("\u{FEFF}") { header[0] = String(f.dropFirst()) }
                headerCount = header.count
                do { columns = try choose(header: header, options) } catch { setupProblem = error; throw error }
                return
            }
            dataRow += 1
            var warning: String? = nil
            if row.fields.count != headerCount {
                warning = "row \(dataRow) (line \(row.line)) has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"); the header has \(headerCount)"
            }
            let bytes = cols.text < row.fields.count ? row.fields[cols.text] : []
            let id = cols.id.flatMap { row.text($0) }.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            note(CSVNote(bytes: bytes, row: dataRow, line: row.line, id: id, warning: warning))
        }
        do {
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let problem = ReadProblem("cannot be read: \(FileBytes.errorText(errno))")
                    if first { throw problem }
                    return problem
                }
                if n == 0 { break }
                if first {
                    first = false
                    if chunk[0..<n].contains(0) { throw TextEncoding.binary }
                    if n >= 2, (chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF) {
                        throw ReadProblem("is UTF-16 text: save the export as UTF-8 CSV")
                    }
                }
                try parser.feed(chunk[0..<n], handle)
            }
            try parser.finish(handle)
        } catch let problem as ReadProblem {
            if setupProblem != nil || dataRow == 0 { throw problem }
            return problem
        } catch let error as CSVError {
            let problem = ReadProblem("stopped at a broken row: \(error.message); rows after it were not read")
            if columns == nil { throw ReadProblem("is not a readable CSV file: \(error.message)") }
            return problem
        } catch {
            return ReadProblem("\(error)")
        }
        if columns == nil { throw ReadProblem("is an empty CSV file (no header row)") }
        return nil
    }

    /// The text and id column indexes for a header row.
    static func choose(header: [String], _ options: CSVOptions) throws(ReadProblem) -> (text: Int, id: Int?) {
        let names = header.map { $0.trimmingSpaces().lowercased() }
        let list = header.map { $0.trimmingSpaces() }.joined(separator: ", ")
        func index(_ name: String) -> Int? { names.firstIndex(of: name.trimmingSpaces().lowercased()) }
        let text: Int
        if let wanted = options.textColumn {
            guard let i = index(wanted) else { throw ReadProblem("has no column '\(wanted)' (columns: \(list))") }
            text = i
        } else if let i = CSVOptions.usualTextHeaders.lazy.compactMap(index).first {
            text = i
        } else if header.count == 1 {
            text = 0
        } else {
            throw ReadProblem("has no column named text or note: give the note's column with --csv-text-column (columns: \(list))")
        }
        var id: Int? = nil
        if let wanted = options.idColumn {
            guard let i = index(wanted) else { throw ReadProblem("has no column '\(wanted)' for --csv-id-column (columns: \(list))") }
            id = i
        }
        return (text, id)
    }
}
