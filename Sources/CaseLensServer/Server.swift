import CaseLensCore
import Hummingbird
import Logging

/// The HTTP API and web page of `caselens serve`: routes, limits and access log.
public struct CaseLensServer: Sendable {
    public let runner: CheckRunner
    public let limits: Limits
    public let accessLog: @Sendable (String) -> Void

    /// `compiled` is built once and shared by every request.
    public init(compiled: CompiledLexicon, limits: Limits = Limits(),
                accessLog: @escaping @Sendable (String) -> Void = AccessLog<BasicRequestContext>.standardError) throws {
        self.runner = try CheckRunner(compiled)
        self.limits = limits
        self.accessLog = accessLog
    }

    /// The router with every endpoint (see openapi.yaml).
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLog(write: accessLog))
        let check = CheckEndpoint(runner: runner, limits: limits)
        let rules = RulesEndpoint(lexicon: runner.compiled.lexicon)
        router.post("/v1/check") { request, context in try await check.handle(request, context: context) }
        router.get("/v1/rules") { request, _ in try rules.list(request) }
        router.get("/v1/rules/:id") { _, context in try rules.detail(context.parameters.require("id")) }
        router.get("/healthz") { _, _ in
            Response.json(JSON.encode(.object([("status", .string("ok")), ("rules", .int(rules.lexicon.rules.count))])) + "\n")
        }
        router.get("/openapi.yaml") { _, _ in Response.complete(EmbeddedFile.openAPI, contentType: "application/yaml; charset=utf-8") }
        router.get("/") { _, _ in
            var response = Response.complete(EmbeddedFile.webPage, contentType: "text/html; charset=utf-8")
            // The page is self-contained: nothing may load from elsewhere.
            response.headers[.contentSecurityPolicy] =
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
            return response
        }
        return router
    }

    /// An application bound to `host:port` (port 0: any free port); `onRunning` gets the bound port.
    public func application(host: String = "127.0.0.1", port: Int = 8080,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "caselens.serve")
        logger.logLevel = .warning
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                           logger: logger)
    }

    /// True for addresses only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
