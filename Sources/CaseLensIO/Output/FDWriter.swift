#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to a file descriptor (standard output by default), flushed every 64 KB and
/// at the end, so streaming many records costs few system calls.
public final class FDWriter {
    public let fd: Int32
    private var buffer: [UInt8] = []

    public init(fd: Int32 = 1) { self.fd = fd; buffer.reserveCapacity(1 << 16) }

    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// The system's write(2), named apart from `FDWriter.write`.
@inline(__always) private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int {
    write(fd, p, n)
}
