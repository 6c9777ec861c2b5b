/// A compact binary form of a compiled lexicon, written at build time (`lexicon-embed`) and read
/// at start-up, so `caselens` does not parse YAML or compile patterns on every run. Each type
/// writes its fields in a fixed order next to its definition (`SnapshotCodable`); integer arrays
/// are copied as raw bytes, 16-byte aligned (so they can be read in place), single integers as
/// variable-length (LEB128, zigzag) numbers.
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

    /// Array data starts at a multiple of this, counted from the snapshot's first byte.
    static let alignment = 16

    /// A fixed-width (8 bytes) placeholder for a length, to fill in later with `patch`.
    mutating func placeholder() -> Int { bytes += repeatElement(0, count: 8); return bytes.count - 8 }
    mutating func patch(_ at: Int, _ v: Int) { for i in 0..<8 { bytes[at + i] = UInt8(truncatingIfNeeded: UInt64(v) >> (8 * UInt64(i))) } }
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
    /// An array of fixed-size integers (or Bools), as their raw bytes after zero padding up to
    /// the next multiple of `alignment`.
    mutating func array<C: Collection>(_ a: C) where C.Element: BitwiseCopyable {
        int(a.count)
        bytes += repeatElement(0, count: (Self.alignment - bytes.count % Self.alignment) % Self.alignment)
        Array(a).withUnsafeBytes { bytes += $0 }
    }
}

/// Reads what a `SnapshotWriter` wrote, checking every length against what is left.
struct SnapshotReader {
    private let base: UnsafeRawBufferPointer
    /// Bytes read so far.
    private(set) var offset = 0
    /// Whether `frozenArray` may borrow the bytes instead of copying them, and the big tables'
    /// entries go unchecked: only for the snapshot embedded in the binary, which `lexicon-embed`
    /// read back with every check before embedding it.
    let borrows: Bool

    /// A reader of `buffer`. With `borrowing`, the buffer must be the embedded snapshot: valid and
    /// unchanged for the life of the process, and verified when it was built.
    init(_ buffer: UnsafeRawBufferPointer, borrowing: Bool = false) { base = buffer; borrows = borrowing }

    /// A reader of the first `end` bytes of `buffer`, from byte `start` (so alignment padding is
    /// still counted from the buffer's start, as it was written).
    init(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        base = UnsafeRawBufferPointer(rebasing: buffer[..<end]); offset = start; borrows = false
    }

    /// A fixed-width length written by `SnapshotWriter.placeholder`.
    mutating func fixedInt() throws(SnapshotError) -> Int {
        try need(8)
        defer { offset += 8 }
        let v = (0..<8).reduce(UInt64(0)) { $0 | UInt64(base[offset + $1]) << (8 * UInt64($1)) }
        guard v <= UInt64(Int.max) else { throw SnapshotError(message: "corrupt length at byte \(offset)") }
        return Int(v)
    }

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
        Self.copy(try arrayBytes(T.self))
    }

    /// An array written by `SnapshotWriter.array`: borrowed in place when this reader borrows and
    /// the bytes are aligned for `T`, else copied.
    mutating func frozenArray<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotError) -> FrozenArray<T> {
        let data = try arrayBytes(T.self)
        if borrows, let p = data.baseAddress, Int(bitPattern: p) % MemoryLayout<T>.alignment == 0 {
            return FrozenArray(borrowing: UnsafeBufferPointer(start: p.assumingMemoryBound(to: T.self), count: data.count / MemoryLayout<T>.stride))
        }
        return FrozenArray(Self.copy(data) as [T])
    }

    /// The count, the padding, and the bytes of an array of `T`.
    private mutating func arrayBytes<T: BitwiseCopyable>(_: T.Type) throws(SnapshotError) -> UnsafeRawBufferPointer {
        let n = try int()
        let padding = (SnapshotWriter.alignment - offset % SnapshotWriter.alignment) % SnapshotWriter.alignment
        try need(padding)
        offset += padding
        guard n >= 0, n <= (base.count - offset) / MemoryLayout<T>.stride else {
            throw SnapshotError(message: "corrupt length \(n) at byte \(offset)")
        }
        let size = n * MemoryLayout<T>.stride
        defer { offset += size }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + size)])
    }

    private static func copy<T: BitwiseCopyable>(_ data: UnsafeRawBufferPointer) -> [T] {
        [T](unsafeUninitializedCapacity: data.count / MemoryLayout<T>.stride) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: data)
            initialized = buffer.count
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

