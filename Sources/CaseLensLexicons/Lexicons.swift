/// The default lexicon files (`lexicons/*.yaml` at build time), embedded in the binary.
public enum DefaultLexicons {
    /// Each file's name (e.g. `victim-blaming.yaml`) and full text, sorted by name.
    public static var files: [(name: String, text: String)] { embeddedLexiconFiles }
}
