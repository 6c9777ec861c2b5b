import ArgumentParser
import CaseLensCore
import CaseLensLexicons
import Foundation

/// `caselens`: finds victim-blaming and perpetrator-erasing language in case records.
@main
struct CaseLensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caselens",
        abstract: "Find victim-blaming and perpetrator-erasing language in case records, and suggest better wording.",
        discussion: """
        CaseLens reads case notes, assessments and plans, and reports wording that blames the adult victim, sets her to manage the abuser, makes abuse sound mutual or minor, excuses it, doubts her account, pathologises her responses, or leaves the person causing harm out of the sentence. Each finding explains why the wording matters and suggests wording that names who did what.

        Nothing leaves this machine: no network access, no telemetry, no copies of case text.

        Examples:
          caselens check note.txt                check one note
          caselens check < note.txt              check text from standard input
          caselens check --rewrite note.txt      print the note with suggestions applied
          caselens check --format json note.txt  findings as JSON
          caselens rules                         list every rule
          caselens explain victim-blaming.failure-to-protect
          caselens serve                         HTTP API and web page on http://127.0.0.1:8080/
        """,
        version: CaseLensVersion.string,
        subcommands: [Check.self, Audit.self, Summary.self, Rules.self, Explain.self, Eval.self, Bench.self, Serve.self],
        defaultSubcommand: nil)
}

/// Options shared by commands that load the lexicon.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A folder of lexicon YAML files to add to the built-in rules (repeatable). A rule with an existing id replaces it.",
        valueName: "dir"))
    var directories: [String] = []

    func load() throws -> Lexicon {
        do { return try BuiltInLexicon.load(extraDirectories: directories) } catch {
            throw CLIError.lexicon(error)
        }
    }

    /// The lexicon, or exit 2 with the broken file, line and problem.
    func loadOrExit() -> Lexicon {
        do { return try load() } catch { fail(error) }
    }

    /// The compiled lexicon, or exit 2 with the broken file, line and problem.
    func compileOrExit() -> CompiledLexicon {
        do { return try compile() } catch { fail(error) }
    }

    /// The built-in snapshot as it is, or recompiled with the extra directories laid over it.
    /// With `sources`, rules keep their patterns as written and examples (for explaining them).
    func compile(sources: Bool = false) throws -> CompiledLexicon {
        do { return try BuiltInLexicon.compiled(extraDirectories: directories, sources: sources) } catch {
            throw CLIError.lexicon(error)
        }
    }
}

/// Errors that end a command with exit status 2 and a clear message.
enum CLIError: Error, CustomStringConvertible {
    case lexicon(LexiconError)
    case input(String)
    case usage(String)

    var description: String {
        switch self {
        case .lexicon(let e): return "error: broken lexicon: \(e)"
        case .input(let m): return "error: \(m)"
        case .usage(let m): return "error: \(m)"
        }
    }
}

/// Writes a message to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Exits with status 2 after printing a CLIError (ArgumentParser would print usage text).
func fail(_ error: Error) -> Never {
    warn("\(error)")
    Foundation.exit(2)
}
