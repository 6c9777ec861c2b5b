#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file found by the walker.
public struct InputFile: Sendable, Equatable {
    /// The path as given or as found below a folder given (`folder/sub/note.txt`).
    public var path: String
    /// Size in bytes when walked (for progress).
    public var size: Int64
    /// What kind of input it is, or nil when CaseLens doesn't read that kind of file.
    public var kind: InputKind?
}

/// A path that could not be walked (missing, unreadable folder): reported as skipped.
public struct WalkProblem: Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// What to walk: which files to take and which to leave.
public struct WalkOptions: Sendable {
    /// Only files matching one of these (when any are given).
    public var include: [Glob] = []
    /// Files and folders matching one of these are left out.
    public var exclude: [Glob] = []
    /// Walk hidden files and folders (names starting with `.`).
    public var hidden = false
    public init(include: [Glob] = [], exclude: [Glob] = [], hidden: Bool = false) {
        self.include = include; self.exclude = exclude; self.hidden = hidden
    }
}

/// One thing the walker found: a file, or a path it could not walk.
public enum WalkItem: Sendable, Equatable {
    case file(InputFile)
    case problem(WalkProblem)
}

/// Finds the files below the paths given: recursive, symbolic links followed but never round a
/// loop (each folder is entered once), hidden names skipped unless asked, `--include`/`--exclude`
/// globs applied below each folder given (a file named explicitly is always taken).
///
/// It streams: items are handed out in path order (component by component, see `PathOrder`) as
/// folders are read, one folder's names in memory at a time, so output order never depends on the
/// file system and memory never grows with the number of files.
public struct FileWalker: Sendable {
    public var options: WalkOptions
    public init(options: WalkOptions) { self.options = options }

    /// Calls `visit` for each file and each problem, in path order.
    public func walk(_ paths: [String], _ visit: (WalkItem) -> Void) {
        var state = State()
        // The paths given, in path order; an explicit file met inside a folder given is handed out
        // there, once.
        var roots: [(path: String, st: stat?, code: Int32)] = []
        for given in paths {
            let path = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
            if roots.contains(where: { $0.path == path }) { continue }
            var st = stat()
            if stat(path, &st) == 0 {
                roots.append((path, st, 0))
                if (st.st_mode & S_IFMT) == S_IFREG { state.explicit.insert(FileID(st)) }
            } else {
                roots.append((path, nil, errno))
            }
        }
        roots.sort { PathOrder.less($0.path, $1.path) }
        for root in roots {
            guard let st = root.st else {
                var lst = stat()
                let reason = lstat(root.path, &lst) == 0 ? "is a broken symbolic link" :
                    root.code == ENOENT ? "no such file or folder" : "cannot be read: \(FileBytes.errorText(root.code))"
                visit(.problem(WalkProblem(path: root.path, reason: reason)))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                walkFolder(root.path, relative: "", id: FolderID(st), state: &state, visit)
            case S_IFREG:
                if state.emitted.insert(FileID(st)).inserted {
                    visit(.file(InputFile(path: root.path, size: Int64(st.st_size), kind: InputKind.of(path: root.path))))
                }
            default:
                visit(.problem(WalkProblem(path: root.path, reason: "is not a regular file")))
            }
        }
    }

    /// Everything `walk` finds, collected (for tests and small inputs).
    public func walkAll(_ paths: [String]) -> (files: [InputFile], problems: [WalkProblem]) {
        var files: [InputFile] = [], problems: [WalkProblem] = []
        walk(paths) { item in
            switch item {
            case .file(let f): files.append(f)
            case .problem(let p): problems.append(p)
            }
        }
        return (files, problems)
    }

    /// How many files `walk` would hand out and their total size (for progress), keeping nothing.
    public func count(_ paths: [String]) -> (files: Int, bytes: Int64) {
        var n = 0, bytes: Int64 = 0
        walk(paths) { if case .file(let f) = $0 { n += 1; bytes += f.size } }
        return (n, bytes)
    }

    private struct State {
        var visited = Set<FolderID>()
        /// Files named on the command line, and those of them already handed out.
        var explicit = Set<FileID>()
        var emitted = Set<FileID>()
    }

    private func walkFolder(_ path: String, relative: String, id: FolderID, state: inout State, _ visit: (WalkItem) -> Void) {
        guard state.visited.insert(id).inserted else { return }      // a loop, or reached twice
        guard let dir = opendir(path) else {
            visit(.problem(WalkProblem(path: path, reason: "folder cannot be read: \(FileBytes.errorText(errno))")))
            return
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(dir)
        // Names in scalar order: with folders entered in place, that is path order.
        names.sort { PathOrder.less($0, $1) }
        for name in names {
            if name.hasPrefix(".") && !options.hidden { continue }
            let child = path == "/" ? "/" + name : path == "." ? name : path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            if options.exclude.contains(where: { $0.matches(relativePath: rel) }) { continue }
            var st = stat()
            guard stat(child, &st) == 0 else {
                var lst = stat()
                let reason = lstat(child, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK ? "is a broken symbolic link" :
                    "cannot be read: \(FileBytes.errorText(errno))"
                if options.include.isEmpty || options.include.contains(where: { $0.matches(relativePath: rel) }) {
                    visit(.problem(WalkProblem(path: child, reason: reason)))
                }
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                walkFolder(child, relative: rel, id: FolderID(st), state: &state, visit)
            case S_IFREG:
                let fid = FileID(st)
                let named = state.explicit.contains(fid)
                if !named && !options.include.isEmpty && !options.include.contains(where: { $0.matches(relativePath: rel) }) { continue }
                if named && !state.emitted.insert(fid).inserted { continue }
                visit(.file(InputFile(path: child, size: Int64(st.st_size), kind: InputKind.of(path: child))))
            default:
                continue                                                  // sockets, fifos, devices
            }
        }
    }
}

/// A file's identity (device and inode).
struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
}

/// A folder's identity (device and inode), so a symbolic link back up the tree is entered once.
struct FolderID: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
}

/// The order of audit output: paths compared component by component (so `a/b` comes before
/// `a-c`), then by Unicode scalar values.
public enum PathOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x == y { continue }
                if x == "/" { return true }
                if y == "/" { return false }
                return x.value < y.value
            }
        }
    }
}
