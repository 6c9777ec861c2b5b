import CaseLensIO
import Foundation
import XCTest
import ZIPFoundation

/// `caselens audit` and `caselens summary` end to end, over a folder of mixed inputs, run as the
/// built binary.
final class AuditCLITests: XCTestCase {
    struct Run { var status: Int32; var stdout: String; var stderr: String; var out: Data }

    func run(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = CLITests.binary
        p.arguments = args
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = FileHandle.nullDevice; p.standardOutput = outPipe; p.standardError = errPipe
        try p.run()
        // Read standard error on another thread so neither pipe can fill up and stall the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let err = Box()
        let done = DispatchSemaphore(value: 0)
        Thread { err.data = errPipe.fileHandleForReading.readDataToEndOfFile(); done.signal() }.start()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err.data, as: UTF8.self), out: out)
    }

    var dir: URL!
    var lexicon: String!

    /// The mixed folder: text, Markdown, Word, HTML, CSV, a binary file, an empty file, invalid
    /// UTF-8, a broken link, an unreadable file (when not root), an unsupported type, a hidden file,
    /// a damaged .docx and a CSV cut off inside a quoted field.
    override func setUpWithError() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("caselens-audit-\(UUID().uuidString)")
        dir = root.appendingPathComponent("records")
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        addTeardownBlock { try? fm.removeItem(at: root) }
        let lex = root.appendingPathComponent("lex")
        try fm.createDirectory(at: lex, withIntermediateDirectories: true)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lexicon/minimising.yaml")
        try fm.copyItem(at: fixture, to: lex.appendingPathComponent("minimising.yaml"))
        lexicon = lex.path

        func write(_ s: String, _ name: String) throws { try Data(s.utf8).write(to: dir.appendingPathComponent(name)) }
        try write("Home visit on Monday.\nThe zebra wobbled at the door.\n", "01-visit.txt")
        try write("The weather was fine and the visit went ahead as planned.\n", "02-clean.md")
        try write("Note ID,Worker,Text\r\nN-1,A,The zebra wobbled.\r\nN-2,B,\"Line one,\r\nline two\"\r\n<script>alert(1)</script>,C,A giraffe shuffle.\r\n", "03-export.csv")
        try write("<html><body><p>The zebra <b>wobbled</b> here.</p></body></html>", "04-page.html")
        try Data([0x50, 0x4B, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("05-binary.txt"))
        try write("", "06-empty.txt")
        var invalid = Array("Today a giraffe shuffle. Then ".utf8); invalid.append(0xC3); invalid += Array(" more.\n".utf8)
        try Data(invalid).write(to: dir.appendingPathComponent("07-invalid.txt"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("08-gone.txt").path, withDestinationPath: "/nonexistent/note.txt")
        try write("picture", "09-image.png")
        try write("The zebra wobbled.", ".10-hidden.txt")
        try write("A giraffe shuffle.", "sub/11-locked.txt")
        if getuid() != 0 { chmod(dir.appendingPathComponent("sub/11-locked.txt").path, 0) }
        try write("this is not a zip archive", "13-broken.docx")
        try write("Note ID,Text\nA,The zebra wobbled.\nB,\"a quote that never closes\nC,more\n", "14-cut.csv")
        try makeDocx(["Meeting notes.", "The zebra wobble was &lt;noted&gt;.", "Giraffe shuffle."], at: dir.appendingPathComponent("sub/12-word.docx"))
    }

    func makeDocx(_ paragraphs: [String], at url: URL) throws {
        let body = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
            data.subdata(in: Int(pos)..<Int(pos) + size)
        }
    }

    var readableNames: [String] {
        var names = ["01-visit.txt", "02-clean.md", "03-export.csv#N-1", "03-export.csv#N-2", "03-export.csv#<script>alert(1)</script>",
                     "04-page.html", "06-empty.txt", "07-invalid.txt", "14-cut.csv#A"]
        if getuid() == 0 { names.append("sub/11-locked.txt") }           // root reads a mode-000 file
        names.append("sub/12-word.docx")
        return names
    }

    func jsonl(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// The README's score formula, computed independently.
    func expectedScore(_ record: [String: Any]) -> Int {
        let findings = record["findings"] as! [[String: Any]]
        var weight = 0.0, fileLevel = 0.0
        for f in findings where f["context"] is NSNull {
            switch f["severity"] as! String {
            case "high": weight += 5
            case "medium": weight += 3
            case "low": weight += 1
            default: break
            }
            if f["scope"] as? String == "file" && f["severity"] as? String != "info" { fileLevel += 1 }
        }
        let penalty = 1000 * weight / Double(max(record["words"] as! Int, 200)) + 10 * fileLevel
        return Int((100 * exp(-penalty / 40)).rounded())
    }

    func testJSONLFindingsScoresSkipsAndExitCodes() throws {
        let r = try run(["audit", "--format", "jsonl", "--lexicon", lexicon, "--csv-id-column", "Note ID", dir.path])
        XCTAssertEqual(r.status, 5, "findings (1) and skipped inputs (4): \(r.stderr)")
        let records = try jsonl(r.stdout)
        XCTAssertEqual(records.map { ($0["file"] as! String).replacingOccurrences(of: dir.path + "/", with: "") }, readableNames)
        for rec in records {
            XCTAssertEqual(Set(rec.keys).isSuperset(of: ["file", "words", "score", "findings"]), true)
            XCTAssertEqual(rec["score"] as? Int, expectedScore(rec), "\(rec["file"]!)")
        }
        func rules(_ name: String) -> [String] {
            let rec = records.first { ($0["file"] as! String).hasSuffix(name) }!
            return (rec["findings"] as! [[String: Any]]).map { $0["rule"] as! String }.filter { $0.hasPrefix("minimising.zz") }
        }
        XCTAssertEqual(rules("01-visit.txt"), ["minimising.zz-zebra"])
        XCTAssertEqual(rules("03-export.csv#N-1"), ["minimising.zz-zebra"])
        XCTAssertEqual(rules("03-export.csv#<script>alert(1)</script>"), ["minimising.zz-giraffe"])
        XCTAssertEqual(rules("04-page.html"), ["minimising.zz-zebra"])
        XCTAssertEqual(rules("07-invalid.txt"), ["minimising.zz-giraffe"])
        XCTAssertEqual(rules("sub/12-word.docx"), ["minimising.zz-zebra", "minimising.zz-giraffe"])
        let empty = records.first { ($0["file"] as! String).hasSuffix("06-empty.txt") }!
        XCTAssertEqual(empty["words"] as? Int, 0)
        XCTAssertEqual(empty["score"] as? Int, 100)
        let csvRow = records.first { ($0["file"] as! String).hasSuffix("#N-2") }!
        XCTAssertEqual(csvRow["row"] as? Int, 2)
        XCTAssertEqual(csvRow["id"] as? String, "N-2")

        // The finding's offsets point into the file as given (plain text).
        let visit = records[0]["findings"] as! [[String: Any]]
        let bytes = try Data(contentsOf: dir.appendingPathComponent("01-visit.txt"))
        let zebra = visit.first { $0["rule"] as? String == "minimising.zz-zebra" }!
        XCTAssertEqual(String(decoding: bytes[(zebra["start"] as! Int)..<(zebra["end"] as! Int)], as: UTF8.self), zebra["text"] as? String)
        XCTAssertEqual(zebra["line"] as? Int, 2)

        // Every skip is reported on standard error with its reason; the hidden file is not audited.
        XCTAssertTrue(r.stderr.contains("skipped: \(dir.path)/05-binary.txt: looks like a binary file"), r.stderr)
        XCTAssertTrue(r.stderr.contains("warning: \(dir.path)/06-empty.txt: no words to check"), r.stderr)
        XCTAssertTrue(r.stderr.contains("skipped: \(dir.path)/08-gone.txt: is a broken symbolic link"), r.stderr)
        XCTAssertTrue(r.stderr.contains("skipped: \(dir.path)/09-image.png: unsupported file type .png"), r.stderr)
        if getuid() != 0 { XCTAssertTrue(r.stderr.contains("11-locked.txt: cannot be read: permission denied"), r.stderr) }
        XCTAssertTrue(r.stderr.contains("warning: \(dir.path)/07-invalid.txt: input is not valid UTF-8"), r.stderr)
        XCTAssertTrue(r.stderr.contains("skipped: \(dir.path)/13-broken.docx: is not a valid .docx"), r.stderr)
        XCTAssertTrue(r.stderr.contains("skipped: \(dir.path)/14-cut.csv: stopped at a broken row: a quoted field opened on line 3 is never closed"), r.stderr)
        XCTAssertFalse(r.stdout.contains("10-hidden") || r.stderr.contains("10-hidden"))
        XCTAssertFalse(r.stderr.contains("zebra"), "no case text on standard error")
        XCTAssertFalse(r.stderr.contains("\u{1B}["), "no progress line when standard error is not a terminal")

        // The same output whatever the number of threads.
        let one = try run(["audit", "--format", "jsonl", "--jobs", "1", "--lexicon", lexicon, "--csv-id-column", "Note ID", dir.path])
        XCTAssertEqual(one.stdout, r.stdout)

        // Exit status: skipped only → 4; nothing skipped, nothing found → 0; found → 1; nothing readable → 2.
        XCTAssertEqual(try run(["audit", "--fail-on", "none", "--lexicon", lexicon, dir.path]).status, 4)
        XCTAssertEqual(try run(["audit", "--lexicon", lexicon, dir.appendingPathComponent("02-clean.md").path]).status, 0)
        XCTAssertEqual(try run(["audit", "--lexicon", lexicon, dir.appendingPathComponent("01-visit.txt").path]).status, 1)
        let nothing = try run(["audit", "--lexicon", lexicon, dir.appendingPathComponent("05-binary.txt").path,
                               dir.appendingPathComponent("08-gone.txt").path, dir.appendingPathComponent("missing.txt").path])
        XCTAssertEqual(nothing.status, 2)
        XCTAssertTrue(nothing.stderr.contains("nothing could be read"), nothing.stderr)
        XCTAssertTrue(nothing.stderr.contains("missing.txt: no such file or folder"), nothing.stderr)
    }

    func testTextAndCSVFormats() throws {
        let text = try run(["audit", "--lexicon", lexicon, "--include", "*.txt", dir.path])
        XCTAssertTrue(text.stdout.contains("\(dir.path)/01-visit.txt:2:5: high minimising.zz-zebra"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\(dir.path)/06-empty.txt: no findings; score 100/100; 0 words"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\naudited "), text.stdout)
        XCTAssertFalse(text.stdout.contains("03-export"), "--include leaves out other files")

        let jsonl = try jsonl(try run(["audit", "--format", "jsonl", "--lexicon", lexicon, dir.path]).stdout)
        let r = try run(["audit", "--format", "csv", "--lexicon", lexicon, dir.path])
        var parser = CSVParser()
        var rows: [CSVRow] = []
        try parser.feed(Array(r.stdout.utf8)) { rows.append($0) }
        try parser.finish { rows.append($0) }
        XCTAssertEqual(rows.first?.fields.map { String(decoding: $0, as: UTF8.self) },
                       ["file", "line", "column", "rule", "category", "severity", "text", "suggestion", "message", "context"])
        let expected = jsonl.flatMap { rec in (rec["findings"] as! [[String: Any]]).map { (rec["file"] as! String, $0) } }
        XCTAssertEqual(rows.count - 1, expected.count)
        for (row, (file, f)) in zip(rows.dropFirst(), expected) {
            XCTAssertEqual(row.text(0), file)
            XCTAssertEqual(row.text(1), (f["line"] as? Int).map(String.init) ?? "")
            XCTAssertEqual(row.text(3), f["rule"] as? String)
            XCTAssertEqual(row.text(5), f["severity"] as? String)
            XCTAssertEqual(row.text(6), f["text"] as? String ?? "")
            XCTAssertEqual(row.text(7), f["suggestion"] as? String ?? "")
        }
    }

    /// SARIF 2.1.0: the fields the schema requires, rules that match results, locations that
    /// point at the words, fixes and notifications.
    func testSARIFHasTheSchemasRequiredFields() throws {
        let r = try run(["audit", "--format", "sarif", "--lexicon", lexicon, "--csv-id-column", "Note ID", dir.path])
        XCTAssertEqual(r.status, 5)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.out) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let run0 = runs[0]
        let driver = try XCTUnwrap((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "CaseLens")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ids = rules.map { $0["id"] as! String }
        XCTAssertTrue(ids.contains("minimising.zz-zebra"))
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            XCTAssertTrue(["none", "note", "warning", "error"].contains(((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String) ?? ""))
        }
        let results = try XCTUnwrap(run0["results"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(results.count, 8)
        let levels: Set = ["none", "note", "warning", "error"]
        for res in results {
            let id = try XCTUnwrap(res["ruleId"] as? String)
            if let i = res["ruleIndex"] as? Int { XCTAssertEqual(ids[i], id) }
            XCTAssertNotNil((res["message"] as? [String: Any])?["text"] as? String, "result.message.text is required")
            XCTAssertTrue(levels.contains(res["level"] as? String ?? ""))
            let locations = try XCTUnwrap(res["locations"] as? [[String: Any]])
            let physical = try XCTUnwrap(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            XCTAssertFalse((artifact["uri"] as? String ?? "").isEmpty)
            if let region = physical["region"] as? [String: Any] {
                XCTAssertGreaterThanOrEqual(region["startLine"] as? Int ?? 0, 1)
                if let c = region["startColumn"] as? Int { XCTAssertGreaterThanOrEqual(c, 1) }
            }
            for fix in res["fixes"] as? [[String: Any]] ?? [] {
                XCTAssertNotNil((fix["description"] as? [String: Any])?["text"])
                let changes = try XCTUnwrap(fix["artifactChanges"] as? [[String: Any]])
                for change in changes {
                    XCTAssertNotNil(change["artifactLocation"] as? [String: Any])
                    let replacements = try XCTUnwrap(change["replacements"] as? [[String: Any]])
                    for rep in replacements { XCTAssertNotNil(rep["deletedRegion"] as? [String: Any]) }
                }
            }
        }
        // The plain-text finding's region covers exactly the words, and its fix replaces them.
        let visit = try XCTUnwrap(results.first {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
                ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }?.hasSuffix("01-visit.txt") == true
        })
        let region = ((visit["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Any]
        let bytes = try Data(contentsOf: dir.appendingPathComponent("01-visit.txt"))
        let start = region["byteOffset"] as! Int, length = region["byteLength"] as! Int
        XCTAssertEqual(String(decoding: bytes[start..<start + length], as: UTF8.self), (region["snippet"] as? [String: Any])?["text"] as? String)
        XCTAssertEqual(region["startLine"] as? Int, 2)
        XCTAssertEqual(region["startColumn"] as? Int, 5)
        XCTAssertEqual(region["endColumn"] as? Int, 5 + "zebra wobbled".count)
        XCTAssertNotNil(visit["fixes"])
        XCTAssertNotNil((visit["partialFingerprints"] as? [String: Any])?["caselensSentence/v1"])
        // Skipped inputs are notifications.
        let invocations = try XCTUnwrap(run0["invocations"] as? [[String: Any]])
        XCTAssertEqual(invocations.first?["executionSuccessful"] as? Bool, true)
        let notes = try XCTUnwrap(invocations.first?["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertTrue(notes.contains { ((($0["message"] as? [String: Any])?["text"] as? String) ?? "").contains("binary") })
        XCTAssertEqual(run0["columnKind"] as? String, "unicodeCodePoints")
    }

    func testBaselineReportsOnlyNewFindings() throws {
        let base = dir.deletingLastPathComponent().appendingPathComponent("baseline").path
        let first = try run(["audit", "--format", "jsonl", "--lexicon", lexicon, "--write-baseline", base, dir.path])
        XCTAssertEqual(first.status, 5)
        let written = try String(contentsOfFile: base, encoding: .utf8)
        XCTAssertTrue(written.contains("minimising.zz-zebra "), written)
        XCTAssertFalse(written.contains("wobble"), "the baseline holds no case text")

        let again = try run(["audit", "--format", "jsonl", "--lexicon", lexicon, "--baseline", base, dir.path])
        XCTAssertEqual(again.status, 4, "nothing new; inputs still skipped")
        let records = try jsonl(again.stdout)
        XCTAssertTrue(records.allSatisfy { ($0["findings"] as! [[String: Any]]).filter { ($0["rule"] as! String).hasPrefix("minimising.zz") }.isEmpty })
        XCTAssertGreaterThan(records.reduce(0) { $0 + ($1["baselined"] as! Int) }, 0)

        // Edit a note: the reviewed sentence moves, a new one is added; only the new one is reported.
        try Data("New opening line here.\n\nHome visit on Monday.\nThe zebra wobbled at the door.\nLater the zebra wobbled again.\n".utf8)
            .write(to: dir.appendingPathComponent("01-visit.txt"))
        let edited = try run(["audit", "--format", "jsonl", "--lexicon", lexicon, "--baseline", base, dir.appendingPathComponent("01-visit.txt").path])
        XCTAssertEqual(edited.status, 1)
        let found = (try jsonl(edited.stdout)[0]["findings"] as! [[String: Any]]).filter { $0["rule"] as? String == "minimising.zz-zebra" }
        XCTAssertEqual(found.map { $0["line"] as? Int }, [5])

        try Data("not a baseline\n".utf8).write(to: URL(fileURLWithPath: base))
        let bad = try run(["audit", "--lexicon", lexicon, "--baseline", base, dir.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("line 1"), bad.stderr)
    }

    /// The summary's numbers are those computed from the audit's JSON Lines.
    func testSummaryNumbersEqualThoseFromTheJSONL() throws {
        let audit = try run(["audit", "--format", "jsonl", "--lexicon", lexicon, "--csv-id-column", "Note ID", dir.path])
        let jsonlPath = dir.deletingLastPathComponent().appendingPathComponent("audit.jsonl")
        try audit.out.write(to: jsonlPath)
        let records = try jsonl(audit.stdout)

        let words = records.reduce(0) { $0 + ($1["words"] as! Int) }
        var highRecords = 0, counted = 0
        var byCategory: [String: Int] = [:]
        var lowest: [(String, Int)] = []
        for rec in records {
            let fs = (rec["findings"] as! [[String: Any]]).filter { $0["context"] is NSNull && $0["severity"] as? String != "info" }
            if fs.contains(where: { $0["severity"] as? String == "high" }) { highRecords += 1 }
            counted += fs.count
            for f in fs { byCategory[f["category"] as! String, default: 0] += 1 }
            if !fs.isEmpty { lowest.append((rec["file"] as! String, rec["score"] as! Int)) }
        }
        let md = try run(["summary", "--lexicon", lexicon, jsonlPath.path])
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("| Records audited | \(records.count) |"), md.stdout)
        XCTAssertTrue(md.stdout.contains("| Words | \(words) |"), md.stdout)
        let share = Int((Double(highRecords) / Double(records.count) * 100).rounded())
        XCTAssertTrue(md.stdout.contains("| Records with at least one high finding | \(highRecords) (\(share)%) |"), md.stdout)
        XCTAssertTrue(md.stdout.contains("| Findings counted | \(counted) |"), md.stdout)
        for (cat, n) in byCategory {
            let rate = String(format: "%.1f", Double(n) * 1000 / Double(words))
            XCTAssertTrue(md.stdout.contains("| \(cat) | ") && md.stdout.contains(" | \(n) | \(rate) |"), "\(cat) \(n) \(rate)\n\(md.stdout)")
        }
        // Histogram: records per band.
        let bands = (0..<10).map { b in records.filter { (b * 10...b * 10 + 9).contains($0["score"] as! Int) }.count } +
            [records.filter { $0["score"] as! Int == 100 }.count]
        let mdBands = md.stdout.components(separatedBy: "## Score distribution")[1].components(separatedBy: "##")[0]
        for (i, n) in bands.enumerated() {
            let label = i == 10 ? "100" : "\(i * 10)–\(i * 10 + 9)"
            XCTAssertTrue(mdBands.contains("| \(label) | \(n) |"), "\(label): \(n)\n\(mdBands)")
        }
        // The lowest-scoring records, lowest first.
        let lowestSection = md.stdout.components(separatedBy: "## Records with the lowest scores")[1]
        let firstID = lowest.sorted { $0.1 < $1.1 }[0]
        XCTAssertTrue(lowestSection.contains("| \(firstID.1) |"), lowestSection)
        XCTAssertTrue(md.stdout.contains("not judgements of the workers"), "framed as a critical friend")

        // Auditing the folder directly gives the same numbers, plus what could not be read.
        let direct = try run(["summary", "--lexicon", lexicon, "--csv-id-column", "Note ID", dir.path])
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(direct.stdout.replacingOccurrences(of: #"\| Inputs that could not be read \| \d+ \|\n"#, with: "", options: .regularExpression),
                       md.stdout)
        XCTAssertTrue(direct.stdout.contains("| Inputs that could not be read | "), direct.stdout)

        // HTML: self-contained, escaped.
        let html = try run(["summary", "--format", "html", "--lexicon", lexicon, jsonlPath.path])
        XCTAssertEqual(html.status, 0)
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(html.stdout.contains("<script"), "a note id containing <script> renders as text")
        XCTAssertTrue(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the CSV id is shown, escaped")
        XCTAssertFalse(html.stdout.contains("<link") || html.stdout.contains(" src="), "no external assets")

        // Redacted: no case text at all.
        let texts = Set(records.flatMap { ($0["findings"] as! [[String: Any]]).compactMap { $0["text"] as? String } })
        XCTAssertFalse(texts.isEmpty)
        for format in ["md", "html"] {
            let red = try run(["summary", "--redact", "--format", format, "--lexicon", lexicon, jsonlPath.path])
            XCTAssertEqual(red.status, 0)
            for t in texts { XCTAssertFalse(red.stdout.lowercased().contains(t.lowercased()), "\(format) leaks '\(t)'") }
            XCTAssertTrue(red.stdout.contains("minimising.zz-zebra"))
        }

        // Compare with a previous audit: change per category and signal.
        try Data(#"{"file":"old.txt","words":1000,"score":40,"findings":[{"rule":"minimising.zz-zebra","category":"minimising","severity":"high","scope":"span","text":"zebra wobble","context":null}]}"#.utf8)
            .write(to: dir.deletingLastPathComponent().appendingPathComponent("old.jsonl"))
        let cmp = try run(["summary", "--lexicon", lexicon, "--compare", dir.deletingLastPathComponent().appendingPathComponent("old.jsonl").path, jsonlPath.path])
        XCTAssertEqual(cmp.status, 0, cmp.stderr)
        let minimisingNow = String(format: "%.1f", Double(byCategory["minimising"] ?? 0) * 1000 / Double(words))
        XCTAssertTrue(cmp.stdout.contains("| minimising | 1.0 | \(minimisingNow) |"), cmp.stdout)
        XCTAssertTrue(cmp.stdout.contains("| Records with a high finding | 100% | \(share)% |"), cmp.stdout)

        let none = try run(["summary", "--lexicon", lexicon, dir.appendingPathComponent("missing.jsonl").path])
        XCTAssertEqual(none.status, 2)
    }
}
