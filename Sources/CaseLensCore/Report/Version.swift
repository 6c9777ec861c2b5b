/// CaseLens's release version, printed by `caselens --version` and written into SARIF output.
public enum CaseLensVersion {
    public static let string = "0.5.0"
}
