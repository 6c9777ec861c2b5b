import CaseLensCore
import CaseLensLexicons
import Foundation
import XCTest

/// Runs every annotated corpus record through the engine and checks precision and recall per
/// category against thresholds. Prints the table, every miss and every false alarm, so a
/// developer sees exactly what to fix. Raise the thresholds as the engine improves; never lower them.
final class CorpusEvaluationTests: XCTestCase {
    static let minimumPrecision = 0.95
    static let minimumRecall = 0.90

    func testCorpusPrecisionAndRecall() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let records = try CorpusEvaluation.load(directory: repo.appendingPathComponent("corpus/records").path)
        XCTAssertGreaterThanOrEqual(records.count, 80, "the corpus holds at least 80 annotated records")
        let checker = try Checker(try BuiltInLexicon.compiled())
        let result = CorpusEvaluation.run(records, checker: checker)
        print(result.report)
        for category in Category.allCases {
            let c = result.byCategory[category] ?? CorpusEvaluation.Counts()
            XCTAssertGreaterThanOrEqual(c.precision, Self.minimumPrecision, "precision of \(category.rawValue)")
            XCTAssertGreaterThanOrEqual(c.recall, Self.minimumRecall, "recall of \(category.rawValue)")
        }
    }
}
