import Foundation

/// Standard error: notes (skipped inputs, warnings) one a line, and, when asked (standard error
/// is a terminal), a progress line redrawn in place at most ten times a second: files done / total,
/// MB/s, and time left. Nothing of a record's text is ever written here.
public final class StatusLine {
    public let showProgress: Bool
    private let out: FDWriter
    private var drawn = false
    private var lastDraw = Date.distantPast
    private let start = Date()

    public init(fd: Int32 = 2, showProgress: Bool) {
        self.out = FDWriter(fd: fd)
        self.showProgress = showProgress
    }

    /// Writes one line, above the progress line.
    public func note(_ line: String) {
        clear()
        out.write(line + "\n")
        out.flush()
    }

    /// Redraws the progress line (throttled).
    public func progress(files: Int, of totalFiles: Int, bytes: Int64, of totalBytes: Int64) {
        guard showProgress else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || files == totalFiles else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "caselens: \(files)/\(totalFiles) files"
        line += String(format: "  %.1f MB/s", rate / 1_000_000)
        if rate > 0 && bytes < totalBytes && elapsed > 0.5 {
            line += "  ETA " + Self.duration(Double(totalBytes - bytes) / rate)
        }
        out.write("\r\u{1B}[K" + line)
        out.flush()
        drawn = true
    }

    /// Removes the progress line.
    public func clear() {
        guard drawn else { return }
        out.write("\r\u{1B}[K")
        out.flush()
        drawn = false
    }

    /// "0:42", "1:05:09".
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
