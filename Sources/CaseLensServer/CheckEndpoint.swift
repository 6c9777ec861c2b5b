import CaseLensCore
import Foundation
import Hummingbird

/// `POST /v1/check`: one note in (JSON or plain text), the findings JSON out.
struct CheckEndpoint: Sendable {
    let runner: CheckRunner
    let limits: Limits

    /// What the client asked for: the note's bytes, its name, and whether to add the reworded note.
    struct Input: Sendable, Equatable {
        var bytes: [UInt8]
        var name: String
        var rewrite: Bool
    }

    private struct JSONBody: Decodable {
        var text: String
        var rewrite: Bool?
        var name: String?
    }

    func handle(_ request: Request, context: some RequestContext) async throws -> Response {
        let input = try await read(request)
        let document = Document(name: input.name, bytes: input.bytes)
        if document.looksBinary { throw APIError.binary }
        let body = try await runner.run(limit: limits.timeLimit, timeout: APIError.timeLimit(limits.timeLimitSeconds)) { checker in
            Self.answer(checker.check(document), document: document, rewrite: input.rewrite)
        }
        return Response.json(body)
    }

    /// The findings JSON (the CLI's), plus `warnings` when there are any and `rewritten` when asked.
    static func answer(_ report: FileReport, document: Document, rewrite: Bool) -> String {
        guard case .object(var pairs) = report.json else { return "" }
        if !report.warnings.isEmpty { pairs.append(("warnings", .array(report.warnings.map { .string($0) }))) }
        if rewrite { pairs.append(("rewritten", .string(Rewriter.apply(report, to: document)))) }
        return JSON.encode(.object(pairs), pretty: true) + "\n"
    }

    /// Reads and decodes the body within the size limit: JSON, or plain text with `?rewrite=true`.
    func read(_ request: Request) async throws -> Input {
        let type = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" || type == "text/plain" else { throw APIError.unsupportedType }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw APIError.tooLarge(limits.maxBodyBytes)
        }
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limits.maxBodyBytes) } catch let e as any HTTPResponseError
            where e.status == .contentTooLarge {   // NIOTooManyBytesError: a body without Content-Length
            throw APIError.tooLarge(limits.maxBodyBytes)
        }
        let bytes = Array(buffer.readableBytesView)
        let query = request.uri.queryParameters
        if type == "text/plain" {
            return Input(bytes: bytes, name: query["name"].map(String.init) ?? "note",
                         rewrite: query["rewrite"].map { $0 == "true" || $0 == "1" } ?? false)
        }
        let body: JSONBody
        do { body = try JSONDecoder().decode(JSONBody.self, from: Data(bytes)) } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.badJSON("the JSON body has no \"\(key.stringValue)\" field")
        } catch DecodingError.typeMismatch(_, let c) {
            throw APIError.badJSON("wrong type for \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\"")
        } catch {
            throw APIError.badJSON("the body is not valid JSON of the form {\"text\": \"...\", \"rewrite\": false}")
        }
        return Input(bytes: Array(body.text.utf8), name: body.name ?? "note", rewrite: body.rewrite ?? false)
    }
}
