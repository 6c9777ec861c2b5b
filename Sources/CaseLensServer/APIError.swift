import CaseLensCore
import Hummingbird

/// An error answered as JSON, `{"error": {"code": ..., "message": ...}}`, with its HTTP status.
public struct APIError: HTTPResponseError, Equatable {
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code (documented in openapi.yaml).
    public var code: String
    /// What went wrong, for people. Never contains request text.
    public var message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status; self.code = code; self.message = message
    }

    public func response(from request: Request, context: some RequestContext) -> Response {
        let body = JSON.encode(.object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
        return Response.json(body + "\n", status: status)
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "body-too-large", "the request body is larger than the \(limit) bytes this server accepts")
    }
    static let unsupportedType = APIError(.unsupportedMediaType, "unsupported-media-type",
                                          "send the note as application/json ({\"text\": \"...\"}) or text/plain")
    static func badJSON(_ why: String) -> APIError { APIError(.badRequest, "malformed-json", why) }
    static let binary = APIError(.badRequest, "binary-input", "the note contains NUL bytes; send plain text")
    static func timeLimit(_ seconds: Double) -> APIError {
        APIError(.serviceUnavailable, "time-limit", "the check took longer than the \(seconds)-second limit; try a shorter note or later")
    }
    static func unknownRule(_ id: String, close: [String]) -> APIError {
        var message = "no rule with this id"
        if !close.isEmpty { message += "; did you mean: \(close.joined(separator: ", "))" }
        return APIError(.notFound, "unknown-rule", message)
    }

    /// Any error as an APIError: Hummingbird's own (404, 405...) keep their status.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let e as APIError: return e
        case let e as HTTPError:
            let code = e.status == .notFound ? "not-found" : e.status == .methodNotAllowed ? "method-not-allowed" : "http-\(e.status.code)"
            return APIError(e.status, code, e.body ?? e.status.reasonPhrase)
        case let e as any HTTPResponseError:
            return APIError(e.status, "http-\(e.status.code)", e.status.reasonPhrase)
        default:
            return APIError(.internalServerError, "internal", "the server could not answer this request")
        }
    }
}

extension Response {
    /// A complete response with a body and its type and length.
    static func complete(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: text)
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(buffer.readableBytes)
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// A JSON response.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        complete(text, contentType: "application/json; charset=utf-8", status: status)
    }
}
