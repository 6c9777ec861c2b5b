@testable import CaseLensCore
@testable import CaseLensLexicons
import Foundation
import XCTest

/// The built-in lexicon is compiled at build time into a snapshot. It must be exactly what
/// compiling `lexicons/*.yaml` now gives, read back without loss, and a damaged snapshot must be
/// refused with an error, never a crash.
final class SnapshotTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func embedded() throws -> [UInt8] { try BuiltInLexicon.compiled(sources: true).snapshot() }

    func testEmbeddedSnapshotIsTheCompiledLexiconFiles() throws {
        let dir = Self.repo.appendingPathComponent("lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let files = try names.map { (name: "lexicons/" + $0, text: try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
        let fresh = try CompiledLexicon(try LexiconLoader.parse(files: files))
        XCTAssertEqual(fresh.lexicon.rules.count, try BuiltInLexicon.lexicon().rules.count)
        XCTAssertTrue(fresh.snapshot() == (try embedded()), "snapshot differs from compiling lexicons/*.yaml now")
    }

    func testRoundTripKeepsEveryByte() throws {
        let bytes = try embedded()
        let again = try bytes.withUnsafeBytes { try CompiledLexicon(snapshot: $0) }
        XCTAssertTrue(again.snapshot() == bytes)
        XCTAssertEqual(again.automaton.stateCount, try BuiltInLexicon.compiled().automaton.stateCount)
    }

    func testCoreAloneChecksTheSame() throws {
        let full = try BuiltInLexicon.compiled(sources: true), core = try BuiltInLexicon.compiled()
        XCTAssertTrue(full.hasSources)
        XCTAssertFalse(core.hasSources)
        XCTAssertTrue(core.lexicon.rules.allSatisfy { $0.patterns.isEmpty && $0.flagExamples.isEmpty })
        XCTAssertEqual(core.lexicon.rules.map(\.message), full.lexicon.rules.map(\.message))
        // The core is a prefix: the snapshot cut where the header says still reads.
        let bytes = try embedded()
        let end = try bytes.withUnsafeBytes { try CompiledLexicon.coreEnd(header: UnsafeRawBufferPointer(rebasing: $0.prefix(CompiledLexicon.headerSize))) }
        XCTAssertLessThan(end, bytes.count)
        XCTAssertNoThrow(try Array(bytes.prefix(end)).withUnsafeBytes { try CompiledLexicon(snapshot: $0, sources: false) })
        let a = try Checker(full), b = try Checker(core)
        let dir = Self.repo.appendingPathComponent("corpus/records")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().prefix(20) where name.hasSuffix(".txt") {
            let doc = Document(name: name, bytes: Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            XCTAssertEqual(a.check(doc).findings, b.check(doc).findings, name)
        }
    }

    func testDamagedSnapshotsAreRefused() throws {
        let bytes = try embedded()
        func refused(_ b: [UInt8], _ what: String) {
            XCTAssertThrowsError(try b.withUnsafeBytes { try CompiledLexicon(snapshot: $0) }, what)
        }
        refused([], "empty")
        refused(Array("not a snapshot at all".utf8), "garbage")
        for cut in stride(from: 1, to: bytes.count, by: max(1, bytes.count / 97)) {
            refused(Array(bytes.prefix(cut)), "truncated at \(cut)")
        }
        refused(bytes + [0], "trailing byte")
        var other = bytes
        let formatOffset = 1 + CompiledLexicon.snapshotMagic.utf8.count   // after the magic string and its one-byte length
        other[formatOffset] &+= 1
        refused(other, "another format")
    }

    func testTheBinaryCarriesTheSnapshotAndReadsItsTablesInPlace() throws {
        let embeddedBytes = Array(BuiltInLexicon.snapshot)
        XCTAssertTrue(embeddedBytes == (try embedded()), "the bytes in the binary are not the snapshot")
        let range = BuiltInLexicon.snapshot.baseAddress!..<(BuiltInLexicon.snapshot.baseAddress! + BuiltInLexicon.snapshot.count)
        func inBinary<T>(_ p: UnsafePointer<T>) -> Bool { range.contains(UnsafeRawPointer(p)) }
        let compiled = try BuiltInLexicon.compiled()
        for a in [compiled.automaton, compiled.recordCues, compiled.context] {
            XCTAssertTrue(inBinary(a.states.base) && inBinary(a.lists.base) && inBinary(a.wide.base), "tables were copied")
        }
        // Read from a copy instead (not borrowed), the same lexicon checks the same.
        let copied = try embeddedBytes.withUnsafeBytes { try CompiledLexicon(snapshot: $0, sources: false) }
        XCTAssertFalse(inBinary(copied.automaton.states.base))
        let note = Document(name: "note", bytes: Array("Mum failed to protect the children. There was a domestic incident.".utf8))
        let a = try Checker(compiled).check(note).findings, b = try Checker(copied).check(note).findings
        XCTAssertGreaterThanOrEqual(a.count, 2)
        XCTAssertEqual(a, b)
    }
}
