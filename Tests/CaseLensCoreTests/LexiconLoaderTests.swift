@testable import CaseLensCore
import XCTest

final class LexiconLoaderTests: XCTestCase {
    func error(_ files: [(name: String, text: String)]) -> LexiconError? {
        do { _ = try CompiledLexicon(try LexiconLoader.parse(files: files)); return nil } catch { return error }
    }

    let good = Fixtures.rule("minimising.push", ["just a push"])

    func testRecordCueOrdinalsAreTheirPlacesInAllCases() {
        for (i, cue) in RecordCue.allCases.enumerated() {
            XCTAssertEqual(cue.ordinal, i, "\(cue)")
            XCTAssertEqual(RecordCue(rawValue: cue.rawValue), cue)
        }
        XCTAssertEqual(Set(RecordCue.allCases).count, RecordCue.allCases.count)
    }

    func testYAMLSyntaxErrorNamesFileAndLine() {
        let e = error([("lexicons/minimising.yaml", "category: minimising\nrules:\n  - id: [unclosed\n")])
        XCTAssertEqual(e?.file, "lexicons/minimising.yaml")
        XCTAssertEqual(e?.line, 4)
        XCTAssertTrue(e?.message.contains("YAML") ?? false, "\(String(describing: e))")
    }

    func testMissingFieldUnknownFieldBadSeverityBadPattern() {
        let missing = error([("m/minimising.yaml", "category: minimising\nrules:\n  - id: minimising.x\n    category: minimising\n")])
        XCTAssertEqual(missing?.line, 3)
        XCTAssertTrue(missing?.message.contains("missing 'severity'") ?? false, "\(String(describing: missing))")

        let unknown = error([("m/minimising.yaml", "category: minimising\nrules:\n" + good.replacingOccurrences(of: "    why:", with: "    whyy: x\n    why:"))])
        XCTAssertTrue(unknown?.message.contains("unknown rule field 'whyy'") ?? false)
        XCTAssertEqual(unknown?.line, 11)

        let sev = error([("m/minimising.yaml", "category: minimising\nrules:\n" + good.replacingOccurrences(of: "severity: high", with: "severity: severe"))])
        XCTAssertTrue(sev?.message.contains("severity must be") ?? false)
        XCTAssertEqual(sev?.line, 5)

        let pat = error([("m/minimising.yaml", "category: minimising\nrules:\n" + Fixtures.rule("minimising.x", ["just (a|b push"]))])
        XCTAssertTrue(pat?.message.contains("unclosed '('") ?? false, "\(String(describing: pat))")
        XCTAssertEqual(pat?.line, 6)
    }

    func testUnknownRoleDuplicateIdWrongCategoryBadPlaceholder() {
        let role = error([("m/minimising.yaml", "category: minimising\nrules:\n" + Fixtures.rule("minimising.x", ["@villain hit"]))])
        XCTAssertTrue(role?.message.contains("unknown role '@villain'") ?? false, "\(String(describing: role))")

        let dup = error([("m/minimising.yaml", "category: minimising\nrules:\n" + good + good)])
        XCTAssertTrue(dup?.message.contains("duplicate rule id") ?? false)

        let cat = error([("m/doubting.yaml", "category: doubting\nrules:\n" + good)])
        XCTAssertTrue(cat?.message.contains("in the doubting file") ?? false, "\(String(describing: cat))")

        let ph = error([("m/minimising.yaml", "category: minimising\nrules:\n" + Fixtures.rule("minimising.x", ["just a push"], suggestion: "\"{4}\""))])
        XCTAssertTrue(ph?.message.contains("{4} refers to element 4") ?? false, "\(String(describing: ph))")
    }

    func testGrammarListsAreNamedAndAnUnknownOneIsReportedWithItsLine() {
        let bad = error([("m/record.yaml", "grammar:\n  passive_aux: [was]\n  objekt_marker: [at]\n")])
        XCTAssertEqual(bad?.file, "m/record.yaml")
        XCTAssertEqual(bad?.line, 3)
        XCTAssertTrue(bad?.message.contains("unknown grammar list 'objekt_marker'") ?? false, "\(String(describing: bad))")
        XCTAssertTrue(bad?.message.contains("object_marker") ?? false, "the message lists the known names")
        let lexicon = try? LexiconLoader.parse(files: [("m/record.yaml", "grammar:\n  object_marker: [At, towards]\n")])
        XCTAssertEqual(lexicon?.record.grammar["object_marker"], ["at", "towards"])
    }

    func testMorphology() {
        let m = Morphology(entries: ["leave": FamilyEntry(past: "left")])
        XCTAssertEqual(m.forms(of: "fail").map(\.word), ["fail", "fails", "failed", "failing"])
        XCTAssertEqual(m.forms(of: "stop").map(\.word), ["stop", "stops", "stopped", "stopping"])
        XCTAssertEqual(m.forms(of: "provoke").map(\.word), ["provoke", "provokes", "provoked", "provoking"])
        XCTAssertEqual(m.forms(of: "bully").map(\.word), ["bully", "bullies", "bullied", "bullying"])
        XCTAssertEqual(m.forms(of: "punch").map(\.word), ["punch", "punches", "punched", "punching"])
        XCTAssertEqual(m.forms(of: "leave").map(\.word), ["leave", "leaves", "left", "leaving"])
        XCTAssertEqual(m.inflect("punch", as: .past), "punched")
    }
}
