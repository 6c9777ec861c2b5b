import CaseLensCore
import CaseLensLexicons
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import CaseLensServer

/// Starts `caselens serve`'s application on an ephemeral loopback port and talks HTTP to it.
final class ServerTests: XCTestCase {
    static let compiled: CompiledLexicon = {
        try! BuiltInLexicon.compiled(sources: true)
    }()

    static let note = "Zoé 👋 visited. Mum failed to protect the children from the volatile relationship. It was just a push.\n"

    /// Collects access-log lines.
    final class LogLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    func withServer(limits: Limits = Limits(), log: LogLines = LogLines(), setup: TestingSetup = .live,
                    _ test: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let server = try CaseLensServer(compiled: Self.compiled, limits: limits, accessLog: { log.append($0) })
        try await server.application(host: "127.0.0.1", port: 0).test(setup, test)
    }

    static func json(_ r: TestResponse) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any])
    }

    static func errorCode(_ r: TestResponse) throws -> String? {
        XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8")
        return (try json(r)["error"] as? [String: Any])?["code"] as? String
    }

    static func checkJSON(_ text: String, rewrite: Bool = false) -> ByteBuffer {
        ByteBuffer(string: JSON.encode(.object([("text", .string(text)), ("rewrite", .bool(rewrite))])))
    }

    static let jsonType: HTTPFields = [.contentType: "application/json"]
    static let textType: HTTPFields = [.contentType: "text/plain; charset=utf-8"]

    // MARK: endpoints

    func testCheckJSONAnswersTheFindingsSchema() async throws {
        try await withServer { client in
            let r = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType, body: Self.checkJSON(Self.note))
            XCTAssertEqual(r.status, .ok)
            let body = try Self.json(r)
            XCTAssertEqual(Set(body.keys), ["file", "words", "score", "findings"])
            let findings = try XCTUnwrap(body["findings"] as? [[String: Any]])
            let rules = findings.compactMap { $0["rule"] as? String }
            XCTAssertTrue(rules.contains("victim-blaming.failure-to-protect"), "\(rules)")
            // Byte offsets past é and an emoji still point at exactly the flagged words.
            let bytes = Array(Self.note.utf8)
            for f in findings where f["scope"] as? String == "span" {
                let s = try XCTUnwrap(f["start"] as? Int), e = try XCTUnwrap(f["end"] as? Int)
                XCTAssertEqual(String(decoding: bytes[s..<e], as: UTF8.self), f["text"] as? String)
            }
            // The same JSON the CLI writes.
            let expected = JSON.encode(try Checker(Self.compiled).check(Document(name: "note", text: Self.note)).json, pretty: true) + "\n"
            XCTAssertEqual(String(buffer: r.body), expected)
        }
    }

    func testCheckPlainTextAndRewrite() async throws {
        try await withServer { client in
            let r = try await client.execute(uri: "/v1/check?rewrite=true&name=draft.txt", method: .post,
                                             headers: Self.textType, body: ByteBuffer(string: Self.note))
            XCTAssertEqual(r.status, .ok)
            let body = try Self.json(r)
            XCTAssertEqual(body["file"] as? String, "draft.txt")
            let rewritten = try XCTUnwrap(body["rewritten"] as? String)
            XCTAssertFalse(rewritten.contains("volatile relationship"))
            XCTAssertTrue(rewritten.hasPrefix("Zoé 👋 visited."))

            let j = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType,
                                             body: Self.checkJSON(Self.note, rewrite: true))
            XCTAssertEqual(try Self.json(j)["rewritten"] as? String, rewritten)
        }
    }

    func testInvalidUTF8PlainTextIsCheckedWithAWarning() async throws {
        try await withServer { client in
            var body = ByteBuffer(string: "It was just a push. ")
            body.writeBytes([0xFF, 0xFE])
            let r = try await client.execute(uri: "/v1/check", method: .post, headers: Self.textType, body: body)
            XCTAssertEqual(r.status, .ok)
            let warnings = try XCTUnwrap(Self.json(r)["warnings"] as? [String])
            XCTAssertTrue(warnings[0].contains("not valid UTF-8"))
        }
    }

    func testRules() async throws {
        try await withServer { client in
            let r = try await client.execute(uri: "/v1/rules", method: .get)
            XCTAssertEqual(r.status, .ok)
            let rules = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [[String: Any]])
            XCTAssertEqual(rules.count, Self.compiled.lexicon.rules.count)
            XCTAssertEqual(String(buffer: r.body),
                           JSON.encode(.array(Self.compiled.lexicon.sortedRules().map(\.summaryJSON)), pretty: true) + "\n")

            let some = try await client.execute(uri: "/v1/rules?category=minimising", method: .get)
            let minimising = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(some.body.readableBytesView)) as? [[String: Any]])
            XCTAssertFalse(minimising.isEmpty)
            XCTAssertTrue(minimising.allSatisfy { $0["category"] as? String == "minimising" })

            let bad = try await client.execute(uri: "/v1/rules?category=nonsense", method: .get)
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertEqual(try Self.errorCode(bad), "unknown-category")

            let one = try await client.execute(uri: "/v1/rules/victim-blaming.failure-to-protect", method: .get)
            XCTAssertEqual(one.status, .ok)
            let rule = try Self.json(one)
            XCTAssertEqual(rule["id"] as? String, "victim-blaming.failure-to-protect")
            XCTAssertFalse((rule["why"] as? String ?? "").isEmpty)
            XCTAssertFalse((rule["flags"] as? [String] ?? []).isEmpty)

            let missing = try await client.execute(uri: "/v1/rules/failure-to-protect-x", method: .get)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertEqual(try Self.errorCode(missing), "unknown-rule")
        }
    }

    func testHealthPageAndOpenAPI() async throws {
        let repoFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../openapi.yaml").standardizedFileURL
        let onDisk = try String(contentsOf: repoFile, encoding: .utf8)
        try await withServer { client in
            let h = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(h.status, .ok)
            XCTAssertEqual(try Self.json(h)["status"] as? String, "ok")

            let page = try await client.execute(uri: "/", method: .get)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertNotNil(page.headers[.contentSecurityPolicy])
            let html = String(buffer: page.body)
            XCTAssertTrue(html.contains("<textarea id=\"note\""))
            XCTAssertFalse(html.contains("innerHTML"), "case text must only be inserted as text")
            XCTAssertFalse(html.contains("src=\"http"), "the page must not load anything from elsewhere")

            let api = try await client.execute(uri: "/openapi.yaml", method: .get)
            XCTAssertEqual(api.status, .ok)
            XCTAssertEqual(String(buffer: api.body), onDisk)
            for route in ["/v1/check:", "/v1/rules:", "/v1/rules/{id}:", "/healthz:", "/openapi.yaml:", "  /:"] {
                XCTAssertTrue(onDisk.contains(route), "openapi.yaml does not describe \(route)")
            }
        }
    }

    // MARK: limits and errors

    func testErrorsAreJSON4xx() async throws {
        try await withServer(limits: Limits(maxBodyBytes: 1000)) { client in
            let big = try await client.execute(uri: "/v1/check", method: .post, headers: Self.textType,
                                               body: ByteBuffer(string: String(repeating: "a", count: 1001)))
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertEqual(try Self.errorCode(big), "body-too-large")

            let form = try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "text=hi"))
            XCTAssertEqual(form.status, .unsupportedMediaType)
            XCTAssertEqual(try Self.errorCode(form), "unsupported-media-type")
            let none = try await client.execute(uri: "/v1/check", method: .post, body: ByteBuffer(string: "hi"))
            XCTAssertEqual(none.status, .unsupportedMediaType)

            for bad in ["{\"text\": ", "[1, 2]", "{\"rewrite\": true}", "{\"text\": 3}", ""] {
                let r = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType, body: ByteBuffer(string: bad))
                XCTAssertEqual(r.status, .badRequest, bad)
                XCTAssertEqual(try Self.errorCode(r), "malformed-json", bad)
            }
            var invalid = ByteBuffer(string: "{\"text\": \"a")
            invalid.writeBytes([0xFF]); invalid.writeString("\"}")
            let r = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType, body: invalid)
            XCTAssertEqual(r.status, .badRequest)

            var nul = ByteBuffer(string: "It was just a push.")
            nul.writeBytes([0, 1, 2])
            let binary = try await client.execute(uri: "/v1/check", method: .post, headers: Self.textType, body: nul)
            XCTAssertEqual(binary.status, .badRequest)
            XCTAssertEqual(try Self.errorCode(binary), "binary-input")
            let escaped = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType,
                                                   body: ByteBuffer(string: "{\"text\": \"a\\u0000b\"}"))
            XCTAssertEqual(try Self.errorCode(escaped), "binary-input")

            let unknown = try await client.execute(uri: "/v2/nothing", method: .get)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(try Self.errorCode(unknown), "not-found")

            // Still serving after all that.
            let ok = try await client.execute(uri: "/v1/check", method: .post, headers: Self.textType, body: ByteBuffer(string: "Fine."))
            XCTAssertEqual(ok.status, .ok)
        }
    }

    func testOversizeChunkedBodyIs413() async throws {
        // No Content-Length: the limit is enforced while reading.
        try await withServer(limits: Limits(maxBodyBytes: 1000), setup: .ahc(.http)) { client in
            let r = try await client.execute(uri: "/v1/check", method: .post,
                                             headers: [.contentType: "text/plain", .transferEncoding: "chunked"],
                                             body: ByteBuffer(string: String(repeating: "b", count: 5000)))
            XCTAssertEqual(r.status, .contentTooLarge)
        }
    }

    func testTimeLimitAnswers503() async throws {
        let long = String(repeating: Self.note, count: 4000)   // ~420 KB: far longer than a microsecond to check
        try await withServer(limits: Limits(timeLimitSeconds: 0.000_001)) { client in
            let r = try await client.execute(uri: "/v1/check", method: .post, headers: Self.textType, body: ByteBuffer(string: long))
            XCTAssertEqual(r.status, .serviceUnavailable)
            XCTAssertEqual(try Self.errorCode(r), "time-limit")
        }
    }

    // MARK: concurrency and privacy

    func testParallelRequestsAllSucceedWithIdenticalAnswers() async throws {
        try await withServer(setup: .ahc(.http)) { client in
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let r = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType,
                                                         body: Self.checkJSON(Self.note, rewrite: true))
                        return (r.status, String(buffer: r.body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(answers.count, 20)
            XCTAssertTrue(answers.allSatisfy { $0.0 == .ok })
            XCTAssertEqual(Set(answers.map(\.1)).count, 1)
        }
    }

    func testAccessLogHasNoNoteText() async throws {
        let log = LogLines()
        try await withServer(log: log) { client in
            _ = try await client.execute(uri: "/v1/check?name=secret-name", method: .post, headers: Self.textType,
                                         body: ByteBuffer(string: Self.note))
            _ = try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonType, body: ByteBuffer(string: "{bad"))
        }
        let lines = log.all
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("POST /v1/check 200 "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("POST /v1/check 400 "), lines[1])
        XCTAssertTrue(lines[0].hasSuffix("ms"))
        for line in lines {
            for word in ["failed", "protect", "volatile", "push", "Zoé", "secret", "bad", "?"] {
                XCTAssertFalse(line.contains(word), "access log line carries request content: \(line)")
            }
        }
    }

    func testLoopbackHosts() {
        XCTAssertTrue(CaseLensServer.isLoopback("127.0.0.1"))
        XCTAssertTrue(CaseLensServer.isLoopback("localhost"))
        XCTAssertTrue(CaseLensServer.isLoopback("::1"))
        XCTAssertFalse(CaseLensServer.isLoopback("0.0.0.0"))
        XCTAssertFalse(CaseLensServer.isLoopback("192.168.1.5"))
    }
}
