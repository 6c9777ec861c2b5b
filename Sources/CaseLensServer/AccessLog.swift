import Foundation
import Hummingbird

/// Writes one line per request (method, path without query, status, response bytes, duration)
/// and turns every error into a JSON error response. Never logs bodies, queries or headers.
public struct AccessLog<Context: RequestContext>: RouterMiddleware {
    /// Where lines go (standard error by default).
    public let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = AccessLog.standardError) {
        self.write = write
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do { response = try await next(request, context) } catch {
            response = APIError.from(error).response(from: request, context: context)
        }
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let size = response.body.contentLength.map(String.init) ?? "-"
        write("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(size) \(String(format: "%.1f", ms))ms")
        return response
    }

    /// Writes a line to standard error.
    public static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
