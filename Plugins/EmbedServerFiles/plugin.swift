import Foundation
import PackagePlugin

/// Embeds the web page (`Sources/CaseLensServer/Resources/index.html`) and the API description
/// (`openapi.yaml` at the package root) into the server target as Swift source, so
/// `caselens serve` runs from any directory without a resource bundle.
@main
struct EmbedServerFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let inputs = [
            context.package.directoryURL.appending(path: "Sources/CaseLensServer/Resources/index.html"),
            context.package.directoryURL.appending(path: "openapi.yaml"),
        ]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedServerFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the web page and openapi.yaml",
                executable: try context.tool(named: "text-embed").url,
                arguments: ["--variable", "embeddedServerFiles", output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
