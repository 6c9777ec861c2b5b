/// A tiny JSON writer that keeps key order and writes nulls, so every output has exactly the
/// documented shape.
public enum JSON {
    /// A JSON value.
    public indirect enum Value {
        case string(String?)
        case int(Int?)
        case double(Double)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])
        case null
    }

    /// A member's value in the documented shapes: a string or integer (nil: null) or a boolean.
    public enum Scalar {
        case string(String?)
        case int(Int?)
        case bool(Bool)

        var value: Value {
            switch self {
            case .string(let s): return .string(s)
            case .int(let i): return .int(i)
            case .bool(let b): return .bool(b)
            }
        }
    }

    /// Writes compact JSON straight into bytes, without a `Value` tree in between: for output of
    /// many records (an audit's JSON Lines). Containers must be closed in the order opened.
    public struct Writer {
        public private(set) var bytes: [UInt8] = []
        /// Nothing has been written in the innermost open container yet (no comma is due).
        private var first = true

        public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

        public mutating func beginObject() { separate(); bytes.append(0x7B); first = true }
        public mutating func endObject() { bytes.append(0x7D); first = false }
        /// Opens an array as the member `key` of the current object.
        public mutating func beginArray(_ key: StaticString) { separate(); member(key); bytes.append(0x5B); first = true }
        public mutating func endArray() { bytes.append(0x5D); first = false }

        /// Writes the member `key: value` of the current object.
        public mutating func field(_ key: StaticString, _ value: Scalar) {
            separate(); member(key)
            switch value {
            case .string(let s): if let s { quote(s, into: &bytes) } else { bytes += "null".utf8 }
            case .int(let i): if let i { digits(i, into: &bytes) } else { bytes += "null".utf8 }
            case .bool(let b): bytes += (b ? "true" : "false").utf8
            }
            first = false
        }

        /// Ends a line of JSON Lines.
        public mutating func newline() { bytes.append(0x0A) }

        private mutating func separate() { if !first { bytes.append(0x2C) } }
        /// A key as it is: the schema's keys are plain ASCII words, with nothing to escape.
        private mutating func member(_ key: StaticString) {
            bytes.append(0x22)
            bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            bytes.append(0x22); bytes.append(0x3A)
        }
    }

    public static func encode(_ v: Value, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(v, into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ v: Value, into out: inout [UInt8], pretty: Bool, indent: Int) {
        func newline(_ indent: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
        }
        switch v {
        case .string(let s): if let s { quote(s, into: &out) } else { out += "null".utf8 }
        case .int(let i): if let i { digits(i, into: &out) } else { out += "null".utf8 }
        case .double(let d): out += (d.isFinite ? String(d) : "null").utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(indent + 1) }
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out.append(0x7B)
            for (i, (k, item)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(indent + 1) }
                quote(k, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(0x7D)
        }
    }

    /// Appends `i` in decimal, without making a String of it.
    private static func digits(_ i: Int, into out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }
        var m = i.magnitude, buffer: (UInt64, UInt64, UInt64) = (0, 0, 0), n = 0
        withUnsafeMutableBytes(of: &buffer) { d in
            repeat { d[23 - n] = UInt8(truncatingIfNeeded: m % 10) + 0x30; m /= 10; n += 1 } while m > 0
            out.append(contentsOf: d[(24 - n)...])
        }
    }

    /// Appends `s` as a JSON string.
    public static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        quote(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a JSON string, as UTF-8. Runs of bytes that need no escape are appended whole.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C else { continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                switch b {
                case 0x22: out += #"\""#.utf8
                case 0x5C: out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                case 0x3C: out += #"\u003c"#.utf8          // safe to embed in HTML
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += #"\u00"#.utf8
                    out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
                }
                run = i + 1
            }
            if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
        out.append(0x22)
    }
}

extension Finding {
    /// The finding's members, in the documented order.
    func members(_ body: (StaticString, JSON.Scalar) -> Void) {
        body("rule", .string(rule)); body("category", .string(category.rawValue)); body("severity", .string(severity.rawValue))
        body("scope", .string(scope.rawValue)); body("line", .int(line)); body("column", .int(column))
        body("start", .int(start)); body("end", .int(end)); body("text", .string(text)); body("message", .string(message))
        body("suggestion", .string(suggestion)); body("rewrite", .string(rewrite)); body("context", .string(context))
    }

    /// The finding as the documented JSON object.
    public var json: JSON.Value { JSON.object(members) }

    /// Writes the finding as the documented JSON object.
    public func write(to w: inout JSON.Writer) {
        w.beginObject(); members { w.field($0, $1) }; w.endObject()
    }
}

extension FileReport {
    /// The report's members before its findings, in the documented order.
    func headMembers(_ body: (StaticString, JSON.Scalar) -> Void) {
        body("file", .string(file)); body("words", .int(words)); body("score", .int(score))
    }

    /// The report as the documented JSON object (one line of JSON Lines).
    public var json: JSON.Value {
        guard case .object(let head) = JSON.object(headMembers) else { return .null }
        return .object(head + [("findings", .array(findings.map(\.json)))])
    }

    /// Writes the report as the documented JSON object, leaving it open for more members
    /// (`w.endObject()` closes it): the same bytes as `JSON.encode(json)` once closed.
    public func writeOpen(to w: inout JSON.Writer) {
        w.beginObject()
        headMembers { w.field($0, $1) }
        w.beginArray("findings")
        for f in findings { f.write(to: &w) }
        w.endArray()
    }
}

extension JSON {
    /// An object of the members a `members` function gives.
    static func object(_ members: ((StaticString, Scalar) -> Void) -> Void) -> Value {
        var pairs: [(String, Value)] = []
        members { pairs.append(($0.description, $1.value)) }
        return .object(pairs)
    }
}

extension Person {
    /// The person as JSON: name, role, kinship and the evidence for the role.
    public var json: JSON.Value {
        .object([("name", .string(name)), ("role", .string(role.rawValue)), ("kinship", .string(kinship)),
                 ("evidence", .array(evidence.map { .string($0) }))])
    }
}

extension FileReport {
    /// The report as JSON with a `people` section: who CaseLens thinks is who, and why.
    public var jsonWithPeople: JSON.Value {
        guard case .object(var pairs) = json else { return json }
        pairs.append(("people", .array((record?.people.all ?? []).map(\.json))))
        pairs.append(("woman_harms_man", .bool(record?.womanHarmsMan ?? false)))
        if let h = record?.harmBySex {
            pairs.append(("harm_by_sex", .object([("by_women", .int(h.byWomen)), ("by_men", .int(h.byMen)),
                                                  ("to_women", .int(h.toWomen)), ("to_men", .int(h.toMen))])))
        }
        return .object(pairs)
    }
}
