/// Request limits: largest body and longest check.
public struct Limits: Sendable {
    /// Largest request body, in bytes (default 1 MB).
    public var maxBodyBytes: Int
    /// Longest a check may take, waiting for a worker thread included, in seconds (default 10).
    public var timeLimitSeconds: Double

    public init(maxBodyBytes: Int = 1 << 20, timeLimitSeconds: Double = 10) {
        self.maxBodyBytes = maxBodyBytes; self.timeLimitSeconds = timeLimitSeconds
    }

    var timeLimit: Duration { .nanoseconds(Int64(min(timeLimitSeconds, 1e9) * 1e9)) }
}
