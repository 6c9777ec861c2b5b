/// A compact binary form of a compiled lexicon, written at build time (`lexicon-embed`) and read
/// at start-up, so `caselens` does not parse YAML or compile patterns on every run. Each type
/// writes its fields in a fixed order next to its definition (`SnapshotCodable`); integer arrays
/// are copied as raw bytes, single integers as variable-length (LEB128, zigzag) numbers.
/// Dictionaries are written in key order, so a snapshot is deterministic.
protocol SnapshotCodable {
    func write(to w: inout SnapshotWriter)
    init(from r: inout SnapshotReader) throws(SnapshotError)
}

/// A snapshot that cannot be read: truncated, from another format version, or corrupt.
public struct SnapshotError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { "lexicon snapshot: \(message)" }
}

/// Appends values to a byte buffer. Raw arrays are little-endian, as on every platform Swift runs on here.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ raw: [UInt8]) { bytes += raw }
    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v) << 1 ^ Int64(v) >> 63)   // zigzag: small magnitudes, few bytes
        while u >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: u) | 0x80); u >>= 7 }
        bytes.append(UInt8(u))
    }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) { let u = Array(s.utf8); int(u.count); bytes += u }
    mutating func optional(_ s: String?) { bool(s != nil); if let s { string(s) } }
    mutating func strings(_ a: [String]) { int(a.count); for s in a { string(s) } }
    mutating func value<T: SnapshotCodable>(_ v: T) { v.write(to: &self) }
    mutating func values<T: SnapshotCodable>(_ a: [T]) { int(a.count); for v in a { v.write(to: &self) } }
    mutating func lists<T: SnapshotCodable>(_ a: [[T]]) { int(a.count); for l in a { values(l) } }
    /// A dictionary, in key order.
    mutating func dictionary<T>(_ d: [String: T], _ each: (inout SnapshotWriter, T) -> Void) {
        int(d.count)
        for k in d.keys.sorted() { string(k); each(&self, d[k]!) }
    }
    /// A raw-representable enum by its raw string.
    mutating func token<E: RawRepresentable>(_ e: E) where E.RawValue == String { string(e.rawValue) }
    mutating func optionalToken<E: RawRepresentable>(_ e: E?) where E.RawValue == String { optional(e?.rawValue) }
    /// An array of fixed-size integers (or Bools), as their raw bytes.
    mutating func array<T: BitwiseCopyable>(_ a: [T]) {
        int(a.count)
        a.withUnsafeBytes { bytes += $0 }
    }
}

/// Reads what a `SnapshotWriter` wrote, checking every length against what is left.
struct SnapshotReader {
    private let base: UnsafeRawBufferPointer
    /// Bytes read so far.
    private(set) var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { base = buffer }

    var isAtEnd: Bool { offset == base.count }

    mutating func int() throws(SnapshotError) -> Int {
        var u: UInt64 = 0, shift: UInt64 = 0
        while true {
            try need(1)
            let b = base[offset]; offset += 1
            guard shift < 64 else { throw SnapshotError(message: "corrupt number at byte \(offset)") }
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1))
    }
    mutating func bool() throws(SnapshotError) -> Bool {
        try need(1)
        defer { offset += 1 }
        return base[offset] != 0
    }
    mutating func string() throws(SnapshotError) -> String {
        let n = try count(1)
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)]), as: UTF8.self)
    }
    mutating func optional() throws(SnapshotError) -> String? { try bool() ? try string() : nil }
    mutating func strings() throws(SnapshotError) -> [String] {
        let n = try count(1)
        var out: [String] = []; out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
    mutating func value<T: SnapshotCodable>(_: T.Type = T.self) throws(SnapshotError) -> T { try T(from: &self) }
    mutating func values<T: SnapshotCodable>(_: T.Type = T.self) throws(SnapshotError) -> [T] {
        let n = try count(1)
        var out: [T] = []; out.reserveCapacity(n)
        for _ in 0..<n { out.append(try T(from: &self)) }
        return out
    }
    mutating func lists<T: SnapshotCodable>(_: T.Type = T.self) throws(SnapshotError) -> [[T]] {
        let n = try count(1)
        var out: [[T]] = []; out.reserveCapacity(n)
        for _ in 0..<n { out.append(try values(T.self)) }
        return out
    }
    mutating func dictionary<T>(_ each: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> [String: T] {
        let n = try count(2)
        var out: [String: T] = [:]; out.reserveCapacity(n)
        for _ in 0..<n { let k = try string(); out[k] = try each(&self) }
        return out
    }
    mutating func token<E: RawRepresentable>(_: E.Type = E.self) throws(SnapshotError) -> E where E.RawValue == String {
        let s = try string()
        guard let e = E(rawValue: s) else { throw SnapshotError(message: "unknown \(E.self) '\(s)'") }
        return e
    }
    mutating func optionalToken<E: RawRepresentable>(_: E.Type = E.self) throws(SnapshotError) -> E? where E.RawValue == String {
        try bool() ? try token(E.self) : nil
    }
    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotError) -> [T] {
        let n = try count(MemoryLayout<T>.stride)
        let size = n * MemoryLayout<T>.stride
        defer { offset += size }
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + size)]))
            initialized = n
        }
    }

    /// Reads a count and checks that that many items of at least `minimumSize` bytes can follow.
    private mutating func count(_ minimumSize: Int) throws(SnapshotError) -> Int {
        let n = try int()
        guard n >= 0, n <= (base.count - offset) / max(minimumSize, 1) else {
            throw SnapshotError(message: "corrupt length \(n) at byte \(offset)")
        }
        return n
    }
    private func need(_ n: Int) throws(SnapshotError) {
        guard base.count - offset >= n else { throw SnapshotError(message: "truncated at byte \(offset)") }
    }
}

