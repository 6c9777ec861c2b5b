import CaseLensCore
import Dispatch
import Foundation

/// Checks notes off the event loops, each with a time limit. `Checker` holds an ICU tokenizer
/// and is not thread-safe, so each check borrows one from a pool (made on demand, up to
/// `keep` kept idle); the compiled lexicon is immutable and shared by all of them.
public final class CheckerPool: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`; a Checker is used by one check at a time.
    public let compiled: CompiledLexicon
    private let lock = NSLock()
    private var idle: [Checker] = []
    private let keep: Int
    private let queue = DispatchQueue(label: "caselens.check", attributes: .concurrent)

    public init(_ compiled: CompiledLexicon, keep: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)) throws {
        self.compiled = compiled
        self.keep = keep
        idle.append(try Checker(compiled))   // fail at start-up, not on the first request
    }

    /// Runs `work` with a checker of its own on a worker thread. Throws `timeout` when `limit`
    /// passes first; the work then finishes in the background and its result is dropped.
    func run<T: Sendable>(limit: Duration, timeout: any Error & Sendable,
                          _ work: @escaping @Sendable (Checker) -> T) async throws -> T {
        let once = Once<T>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            queue.async { [self] in
                let checker: Checker
                do { checker = try borrow() } catch { once.resume(.failure(error)); return }
                let value = work(checker)
                giveBack(checker)
                once.resume(.success(value))
            }
            let c = limit.components
            let nanos = Int(min(c.seconds, 86_400 * 365)) * 1_000_000_000 + Int(c.attoseconds / 1_000_000_000)
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanos)) {
                once.resume(.failure(timeout))
            }
        }
    }

    private func borrow() throws -> Checker {
        lock.lock()
        if let c = idle.popLast() { lock.unlock(); return c }
        lock.unlock()
        return try Checker(compiled)
    }

    private func giveBack(_ checker: Checker) {
        lock.lock(); defer { lock.unlock() }
        if idle.count < keep { idle.append(checker) }
    }
}

/// A continuation resumed by whichever comes first: the result or the time limit.
private final class Once<T: Sendable>: @unchecked Sendable {
    // @unchecked: both fields are only touched under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?

    func set(_ c: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let early { lock.unlock(); c.resume(with: early); return }
        continuation = c
        lock.unlock()
    }

    func resume(_ result: Result<T, any Error>) {
        lock.lock()
        guard let c = continuation else {
            if early == nil { early = result }
            lock.unlock(); return
        }
        continuation = nil
        lock.unlock()
        c.resume(with: result)
    }
}
