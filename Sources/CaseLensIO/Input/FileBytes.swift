#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input could not be audited: shown as `skipped: PATH: reason`.
public struct ReadProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Reads whole files with POSIX calls, so a failure says why (permission denied, a folder, ...).
public enum FileBytes {
    /// Largest file (or extracted text) read as one record: the same limit as `caselens check`.
    public static let maxBytes = 64 << 20

    /// The file's bytes; throws a `ReadProblem` naming the reason when it cannot be read or is
    /// larger than `limit`. Never writes to the file.
    public static func read(_ path: String, limit: Int = maxBytes) throws(ReadProblem) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw ReadProblem("cannot be read: \(errorText(errno))") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadProblem("is a folder") }
            if Int(st.st_size) > limit { throw tooLarge(Int(st.st_size), limit) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(max(0, Int(st.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadProblem("cannot be read: \(errorText(errno))")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { throw tooLarge(out.count, limit) }
        }
        return out
    }

    static func tooLarge(_ size: Int, _ limit: Int) -> ReadProblem {
        ReadProblem("is larger than the \(limit >> 20) MB one record may be (\(size >> 20) MB)")
    }

    /// The system's text for an errno value, in lower case ("permission denied").
    public static func errorText(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        let text = String(cString: s)
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
