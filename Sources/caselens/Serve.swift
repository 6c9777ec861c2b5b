import ArgumentParser
import CaseLensCore
import CaseLensServer
import Foundation
import Hummingbird

/// `caselens serve`: the HTTP API and the web page (thin wiring over CaseLensServer).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and a web page for checking notes in a browser.",
        discussion: """
        Endpoints: GET / (the web page), POST /v1/check, GET /v1/rules, GET /v1/rules/{id}, GET /healthz, GET /openapi.yaml.

        Binds 127.0.0.1 (this machine only) unless --host says otherwise. No note text is logged or stored: each access-log line on standard error has the method, path, status, response size and duration only. Stop with Ctrl-C (SIGINT) or SIGTERM.

        Examples:
          caselens serve                                  then open http://127.0.0.1:8080/
          caselens serve --port 9000 --max-body-bytes 2000000 --time-limit 5
          curl -H 'Content-Type: text/plain' --data-binary @note.txt http://127.0.0.1:8080/v1/check
        """)

    @Option(help: "Address to bind. Anything but loopback makes case text reachable from the network.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body accepted, in bytes.")
    var maxBodyBytes = Limits().maxBodyBytes

    @Option(name: .customLong("time-limit"), help: "Longest a check may take, in seconds, before the request is answered 503.")
    var timeLimit = Limits().timeLimitSeconds

    @OptionGroup var lexicon: LexiconOptions

    func run() async throws {
        guard (0...65535).contains(port) else { fail(CLIError.usage("--port must be between 0 and 65535")) }
        guard maxBodyBytes > 0, timeLimit > 0 else { fail(CLIError.usage("--max-body-bytes and --time-limit must be positive")) }
        if !CaseLensServer.isLoopback(host) {
            warn("warning: binding \(host): case text sent to this server will be reachable from the network, unencrypted")
        }
        let server: CaseLensServer
        do { server = try CaseLensServer(compiled: lexicon.compile(sources: true), limits: Limits(maxBodyBytes: maxBodyBytes, timeLimitSeconds: timeLimit)) } catch { fail(error) }
        let host = self.host
        let app = server.application(host: host, port: port) { bound in
            warn("caselens serve: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/ (Ctrl-C to stop)")
        }
        do { try await app.runService() } catch {
            fail(CLIError.input("cannot serve on \(host):\(port): \(error)"))
        }
    }
}
