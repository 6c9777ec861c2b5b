/// An immutable array of plain values whose elements stay at one address: either its own
/// storage, or borrowed from memory that stays valid and unchanged for the life of the process
/// (the snapshot embedded in the binary). The automaton keeps its tables in these, so start-up
/// reads them in place, and the scan reads them through raw pointers.
struct FrozenArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// The elements. Owned storage is freed with `owner`; borrowed memory is never freed.
    private let buffer: UnsafeBufferPointer<Element>
    private let owner: Owner?

    /// Copies `elements` into storage of its own.
    init(_ elements: [Element]) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = storage.initialize(from: elements)
        buffer = UnsafeBufferPointer(storage)
        owner = Owner(storage)
    }

    /// Borrows `buffer`, which must stay valid and unchanged for the life of the process.
    init(borrowing buffer: UnsafeBufferPointer<Element>) {
        self.buffer = buffer
        owner = nil
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }
    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < buffer.count, "FrozenArray index out of range")
        return buffer[i]
    }

    /// The elements' address, valid as long as this array (or a copy of it) is alive.
    var base: UnsafePointer<Element> {
        buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try withExtendedLifetime(self) { try body(buffer) }
    }

    /// Frees owned storage when the last copy of the array goes.
    private final class Owner {
        let storage: UnsafeMutableBufferPointer<Element>
        init(_ storage: UnsafeMutableBufferPointer<Element>) { self.storage = storage }
        deinit { storage.deallocate() }
    }
}
