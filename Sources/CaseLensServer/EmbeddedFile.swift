/// The files built into the binary by the EmbedServerFiles plugin.
enum EmbeddedFile {
    /// The web page (Sources/CaseLensServer/Resources/index.html).
    static let webPage = named("index.html")
    /// The API description (openapi.yaml at the package root), served as is.
    static let openAPI = named("openapi.yaml")

    private static func named(_ name: String) -> String {
        embeddedServerFiles.first { $0.name == name }?.text ?? ""
    }
}
