import Foundation

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

    public static func encode(_ v: Value, pretty: Bool = false) -> String {
        var out = ""
        write(v, into: &out, pretty: pretty, indent: 0)
        return out
    }

    private static func write(_ v: Value, into out: inout String, pretty: Bool, indent: Int) {
        switch v {
        case .string(let s): if let s { quote(s, into: &out) } else { out += "null" }
        case .int(let i): out += i.map(String.init) ?? "null"
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, item)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                quote(k, into: &out)
                out += pretty ? ": " : ":"
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// Appends `s` as a JSON string. Runs of bytes that need no escape are appended whole.
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for (i, b) in bytes.enumerated() {
                let escape: String
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"          // safe to embed in HTML
                case 0..<0x20: escape = String(format: "\\u%04x", UInt32(b))
                default: continue
                }
                if run < i { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<i]), as: UTF8.self) }
                out += escape
                run = i + 1
            }
            if run < bytes.count { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run...]), as: UTF8.self) }
        }
        out += "\""
    }
}

extension Finding {
    /// The finding as the documented JSON object.
    public var json: JSON.Value {
        .object([
            ("rule", .string(rule)), ("category", .string(category.rawValue)), ("severity", .string(severity.rawValue)),
            ("scope", .string(scope.rawValue)), ("line", .int(line)), ("column", .int(column)),
            ("start", .int(start)), ("end", .int(end)), ("text", .string(text)), ("message", .string(message)),
            ("suggestion", .string(suggestion)), ("rewrite", .string(rewrite)), ("context", .string(context)),
        ])
    }
}

extension FileReport {
    /// The report as the documented JSON object (one line of JSON Lines).
    public var json: JSON.Value {
        .object([("file", .string(file)), ("words", .int(words)), ("score", .int(score)),
                 ("findings", .array(findings.map(\.json)))])
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
        return .object(pairs)
    }
}
