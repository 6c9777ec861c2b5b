/// A shell-style glob for `--include` / `--exclude`: `*` (any run without `/`), `**` (any run,
/// `/` included), `?` (one character), `[abc]`, `[a-z]`, `[!abc]`. A glob without `/` is matched
/// against the file or folder name; one with `/` against the path below the folder given.
public struct Glob: Sendable, Equatable {
    public let pattern: String
    private let scalars: [Unicode.Scalar]
    /// True when the glob names a path (contains `/`), not just a name.
    public let matchesPath: Bool

    public init(_ pattern: String) {
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        self.pattern = pattern
        self.scalars = Array(p.unicodeScalars)
        self.matchesPath = p.contains("/")
    }

    /// Whether `relativePath` (components separated by `/`) matches.
    public func matches(relativePath: String) -> Bool {
        let target = matchesPath ? relativePath : String(relativePath.split(separator: "/").last ?? "")
        return Self.match(scalars[...], Array(target.unicodeScalars)[...])
    }

    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = p, s = s
        while let c = p.first {
            switch c {
            case "*":
                let double = p.dropFirst().first == "*"
                let rest = p.dropFirst(double ? 2 : 1)
                // "**/" also matches no folder at all: "a/**/b" matches "a/b".
                if double, rest.first == "/", match(rest.dropFirst(), s) { return true }
                if rest.isEmpty { return double || !s.contains("/") }
                var t = s
                while true {
                    if match(rest, t) { return true }
                    guard let f = t.first, double || f != "/" else { return false }
                    t = t.dropFirst()
                }
            case "?":
                guard let f = s.first, f != "/" else { return false }
                p = p.dropFirst(); s = s.dropFirst()
            case "[":
                guard let f = s.first, f != "/", let (ok, after) = matchClass(p.dropFirst(), f) else {
                    if s.first == "[" { p = p.dropFirst(); s = s.dropFirst(); continue }
                    return false
                }
                if !ok { return false }
                p = after; s = s.dropFirst()
            default:
                guard s.first == c else { return false }
                p = p.dropFirst(); s = s.dropFirst()
            }
        }
        return s.isEmpty
    }

    /// Matches `c` against a bracket class starting after `[`; nil when the class is unclosed.
    private static func matchClass(_ p: ArraySlice<Unicode.Scalar>, _ c: Unicode.Scalar) -> (Bool, ArraySlice<Unicode.Scalar>)? {
        var p = p
        var negate = false
        if let f = p.first, f == "!" || f == "^" { negate = true; p = p.dropFirst() }
        var found = false
        var first = true
        while let x = p.first {
            if x == "]" && !first { return (found != negate, p.dropFirst()) }
            first = false
            let rest = p.dropFirst()
            if rest.first == "-", let hi = rest.dropFirst().first, hi != "]" {
                if x.value <= c.value && c.value <= hi.value { found = true }
                p = rest.dropFirst(2)
            } else {
                if x == c { found = true }
                p = rest
            }
        }
        return nil
    }
}
