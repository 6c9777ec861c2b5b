import CaseLensCore
import Foundation

/// Reads one input for `check`: a file or standard input, refusing what cannot be text.
enum InputReader {
    /// Largest input `check` reads (bytes).
    static let maxBytes = 64 << 20

    static func read(_ path: String) throws -> Document {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw CLIError.input("\(path): no such file")
            }
            if isDir.boolValue { throw CLIError.input("\(path): is a directory (use 'caselens audit' for folders)") }
            guard let h = FileHandle(forReadingAtPath: path) else { throw CLIError.input("\(path): cannot be read (permission denied?)") }
            defer { try? h.close() }
            do { data = try h.readToEnd() ?? Data() } catch { throw CLIError.input("\(path): cannot be read: \(error.localizedDescription)") }
        }
        let name = path
        if data.count > maxBytes {
            throw CLIError.input("\(name): \(data.count / (1 << 20)) MB is larger than the \(maxBytes >> 20) MB a single note may be")
        }
        let doc = Document(name: name, bytes: [UInt8](data))
        if doc.looksBinary { throw CLIError.input("\(name): looks like a binary file (it contains NUL bytes); give plain text") }
        return doc
    }
}
