import Foundation
import PackagePlugin

/// Compiles the package's `lexicons/*.yaml` with `lexicon-embed` and embeds the compiled snapshot
/// into the C target as raw bytes (a generated C file that #embeds them), so the built `caselens`
/// binary carries its default rules, runs from any directory, and starts without parsing,
/// compiling or decoding them. Generated C sources need the `experimentalCGen` tools version.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dir = context.package.directoryURL.appending(path: "lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        let inputs = names.map { dir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSnapshot.c")
        return [
            .buildCommand(
                displayName: "Compiling \(names.count) lexicon files into a snapshot",
                executable: try context.tool(named: "lexicon-embed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
