import Foundation

/// Runs jobs on a fixed number of threads and hands the results back in the order the jobs were
/// submitted, whatever order they finish in. At most `capacity` jobs are queued, running or
/// waiting to be handed back at once, so memory stays flat however many jobs there are: the
/// producer waits while the window is full.
///
/// Each thread makes its own worker (`makeWorker`), so per-thread state such as a `Checker`
/// is never shared.
public final class OrderedPool<Job: Sendable, Output: Sendable>: @unchecked Sendable {
    public let threads: Int
    public let capacity: Int
    private let makeWorker: @Sendable () -> (Job) -> Output

    private let lock = NSCondition()
    private var queue: [(Int, Job)] = []
    private var queueHead = 0
    private var done: [Int: Output] = [:]
    private var submitted = 0
    private var handedBack = 0
    private var closed = false

    public init(threads: Int, capacity: Int? = nil, makeWorker: @escaping @Sendable () -> (Job) -> Output) {
        self.threads = max(1, threads)
        self.capacity = max(self.threads, capacity ?? self.threads * 4)
        self.makeWorker = makeWorker
    }

    /// Runs the pool: `produce` (on its own thread) submits jobs in order; `consume` (on the
    /// calling thread) receives every output in submission order. Returns when all are consumed.
    public func run(produce: @escaping @Sendable (_ submit: (Job) -> Void) -> Void, consume: (Output) -> Void) {
        for _ in 0..<threads {
            let t = Thread { [self] in
                let work = makeWorker()
                while let (seq, job) = next() {
                    let out = work(job)
                    lock.lock()
                    done[seq] = out
                    lock.broadcast()
                    lock.unlock()
                }
            }
            t.stackSize = 8 << 20
            t.start()
        }
        let producer = Thread { [self] in
            produce { job in submit(job) }
            lock.lock()
            closed = true
            lock.broadcast()
            lock.unlock()
        }
        producer.stackSize = 8 << 20
        producer.start()

        while true {
            lock.lock()
            while done[handedBack] == nil && !(closed && handedBack == submitted) { lock.wait() }
            guard let out = done.removeValue(forKey: handedBack) else {
                lock.unlock()
                break                                                   // closed and all handed back
            }
            handedBack += 1
            lock.broadcast()
            lock.unlock()
            consume(out)
        }
    }

    private func submit(_ job: Job) {
        lock.lock()
        while submitted - handedBack >= capacity { lock.wait() }
        queue.append((submitted, job))
        submitted += 1
        lock.broadcast()
        lock.unlock()
    }

    /// The next job for a worker, or nil when the producer is done and the queue is empty.
    private func next() -> (Int, Job)? {
        lock.lock()
        defer { lock.unlock() }
        while queueHead == queue.count && !closed { lock.wait() }
        guard queueHead < queue.count else { return nil }
        let item = queue[queueHead]
        queueHead += 1
        if queueHead > 64 && queueHead * 2 > queue.count {             // drop the consumed prefix
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return item
    }
}
