import CaseLensCore
import Foundation
import XCTest

/// Runs the built `caselens` binary as a user would: stdin, files, exit codes, JSON.
final class CLITests: XCTestCase {
    struct Run { var status: Int32; var stdout: String; var stderr: String; var out: Data }

    static var binary: URL {
        // XCTest runs from the build products folder, next to the caselens executable.
        let dir = Bundle.main.bundleURL
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("caselens")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return dir.appendingPathComponent("caselens")
    }

    func run(_ args: [String], stdin: Data? = nil, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe; p.standardOutput = outPipe; p.standardError = errPipe
        try p.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self), out: out)
    }

    /// A lexicon folder with one rule on an invented phrase, so tests don't depend on shipped wording.
    func fixtureLexicon(_ body: String? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("caselens-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let text = body ?? """
        category: minimising
        rules:
          - id: minimising.zz-fixture
            category: minimising
            severity: high
            patterns: ["zebra ~wobble"]
            message: "Fixture message."
            why: "Fixture why."
            suggestion: "{perpetrator} hit {victim}"
            source: "test"
            examples:
              flag: ["A zebra wobble.", "Zebras wobbled? no: zebra wobbled."]
              pass: ["A zebra.", "A wobble."]
        """
        try text.write(to: dir.appendingPathComponent("minimising.yaml"), atomically: true, encoding: .utf8)
        return dir.path
    }

    func testVersion() throws {
        let r = try run(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), CaseLensVersion.string)
    }

    func testStdinTextFindingAndExitCodes() throws {
        let lex = try fixtureLexicon()
        let r = try run(["check", "--lexicon", lex], stdin: Data("Mum saw a zebra wobble.\n".utf8))
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("-:1:11: high minimising.zz-fixture"), r.stdout)
        XCTAssertTrue(r.stdout.contains("«zebra wobble»"), "no colour when not a terminal: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("[the person causing harm] hit [the adult victim]"), r.stdout)
        let none = try run(["check", "--lexicon", lex, "--fail-on", "none", "-"], stdin: Data("A zebra wobbled.".utf8))
        XCTAssertEqual(none.status, 0)
        let clean = try run(["check", "-"], stdin: Data("The weather was fine and the visit went ahead as planned.".utf8))
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("no findings"), clean.stdout)
    }

    func testJSONFollowsTheSchema() throws {
        let lex = try fixtureLexicon()
        let text = "Zoé’s “note”:\r\nthe zebra wobbles."
        let r = try run(["check", "--format", "json", "--lexicon", lex], stdin: Data(text.utf8))
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.out) as? [String: Any])
        XCTAssertEqual(Set(obj.keys), ["file", "words", "score", "findings"])
        let findings = try XCTUnwrap(obj["findings"] as? [[String: Any]])
        let f = try XCTUnwrap(findings.first { $0["rule"] as? String == "minimising.zz-fixture" })
        XCTAssertEqual(Set(f.keys), ["rule", "category", "severity", "scope", "line", "column", "start", "end", "text",
                                     "message", "suggestion", "rewrite", "context"])
        let start = f["start"] as! Int, end = f["end"] as! Int
        XCTAssertEqual(String(decoding: Array(text.utf8)[start..<end], as: UTF8.self), f["text"] as? String)
        XCTAssertEqual(f["line"] as? Int, 2)
        XCTAssertEqual(f["column"] as? Int, 5)
        XCTAssertTrue(f["context"] is NSNull)
        XCTAssertEqual(f["rewrite"] as? String, "Zoé’s “note”: the [the person causing harm] hit [the adult victim].")
    }

    func testRewritePrintsTheWholeNote() throws {
        let lex = try fixtureLexicon()
        let r = try run(["check", "--rewrite", "--lexicon", lex], stdin: Data("Line one.\nZebra wobbling here.\n".utf8))
        XCTAssertEqual(r.stdout, "Line one.\n[The person causing harm] hit [the adult victim] here.\n")
    }

    func testBadInput() throws {
        let empty = try run(["check", "-"], stdin: Data())
        XCTAssertEqual(empty.status, 0)
        XCTAssertTrue(empty.stdout.contains("no findings"))

        let binary = try run(["check", "-"], stdin: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41]))
        XCTAssertEqual(binary.status, 2)
        XCTAssertTrue(binary.stderr.contains("binary"), binary.stderr)

        let lex = try fixtureLexicon()
        var bytes = Array("A zebra ".utf8); bytes.append(0xC3); bytes += Array(" wobble.".utf8)
        let invalid = try run(["check", "--format", "json", "--lexicon", lex], stdin: Data(bytes))
        XCTAssertTrue(invalid.stderr.contains("not valid UTF-8"), invalid.stderr)
        XCTAssertEqual(invalid.status, 0)      // the invalid byte splits the phrase: nothing found

        let missing = try run(["check", "/nonexistent/note.txt"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }

    func testBrokenLexiconIsRejectedWithFileAndLine() throws {
        let lex = try fixtureLexicon("category: minimising\nrules:\n  - id: minimising.x\n    severity: loud\n")
        let r = try run(["check", "--lexicon", lex, "-"], stdin: Data("text".utf8))
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("minimising.yaml:3:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("broken lexicon"), r.stderr)
    }

    func testRulesAndExplain() throws {
        let lex = try fixtureLexicon()
        let rules = try run(["rules", "--lexicon", lex])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("minimising.zz-fixture"))
        let explain = try run(["explain", "minimising.zz-fixture", "--lexicon", lex])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("Fixture why."))
        XCTAssertTrue(explain.stdout.contains("A zebra wobble."))
        let unknown = try run(["explain", "nope.nothing"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no rule 'nope.nothing'"), unknown.stderr)
    }

    func testWorksFromAnyDirectoryWithBuiltInLexicon() throws {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["rules"]
        p.currentDirectoryURL = FileManager.default.temporaryDirectory
        let out = Pipe(); p.standardOutput = out; p.standardError = Pipe()
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertTrue(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains(" rules"))
    }

    func testServeStartsOnLoopbackAndStopsCleanlyOnSIGINT() throws {
        let bad = try run(["serve", "--port", "70000"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--port"), bad.stderr)
        let broken = try run(["serve", "--port", "0", "--lexicon", fixtureLexicon("category: minimising\nrules: [")])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("broken lexicon"), broken.stderr)

        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["serve", "--port", "0"]
        p.currentDirectoryURL = FileManager.default.temporaryDirectory
        let err = Pipe(); p.standardError = err; p.standardOutput = Pipe()
        try p.run()
        var said = ""
        let deadline = Date().addingTimeInterval(30)
        while !said.contains("listening on"), Date() < deadline, p.isRunning {
            said += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        XCTAssertTrue(said.contains("listening on http://127.0.0.1:"), said)
        XCTAssertFalse(said.contains("warning"), said)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }
}
