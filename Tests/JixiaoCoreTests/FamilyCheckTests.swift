import Foundation
import Testing
@testable import JixiaoCore
import JixiaoProfiles

/// The checks of layout families beyond the national one: 得分系数, 复核分, forms without 分值.
@Suite("Checks of the layout families")
struct FamilyCheckTests {
    let checker = FormChecker(profile: try! ProfileLibrary.profile(id: "national"))

    func form(_ indicators: [Indicator], total: String) -> EvaluationForm {
        .projectSelfEvaluation(ProjectSelfEvaluation(
            project: Project(name: "测试项目"),
            execution: BudgetExecution(annualBudget: PrintedNumber(text: "100"), executed: PrintedNumber(text: "100"),
                                       weight: PrintedNumber(text: "20"), reportedRate: PrintedNumber(text: "100%"), reportedScore: PrintedNumber(text: "20")),
            indicators: indicators, reportedTotal: PrintedNumber(text: total), reportedGrade: "优"))
    }

    func row(_ name: String, weight: String?, score: String, coefficient: String? = nil, review: String? = nil) -> Indicator {
        var i = indicator("≥100个", "98个", weight: weight ?? "1", reported: score)
        i.name = name
        i.weight = weight.flatMap(PrintedNumber.init(text:))
        i.scoreCoefficient = coefficient.flatMap(PrintedNumber.init(text:))
        i.reviewScore = review.flatMap(PrintedNumber.init(text:))
        return i
    }

    @Test("得分 must be 分值 × 得分系数")
    func coefficient() {
        let good = checker.check([form([row("甲", weight: "10", score: "9.81", coefficient: "98.08")], total: "29.81")])
        #expect(!good.findings.contains { $0.code == .evalCoefficientScore })
        let bad = checker.check([form([row("甲", weight: "10", score: "9.90", coefficient: "98.08")], total: "29.9")])
        let finding = bad.findings.first { $0.code == .evalCoefficientScore }
        #expect(finding?.message == "指标“甲”得分 9.90，按 分值 10 × 得分系数 98.08 应为 9.81")
    }

    @Test("A reviewer's 复核分 above the weight is an error; one that differs is information")
    func review() {
        let run = checker.check([form([row("甲", weight: "10", score: "9.8", review: "11"), row("乙", weight: "10", score: "9.8", review: "9")], total: "39.6")])
        #expect(run.findings.filter { $0.code == .evalReviewOverWeight }.map(\.location.indicator) == ["甲"])
        #expect(run.findings.filter { $0.code == .evalReviewDiffers }.map(\.location.indicator) == ["甲", "乙"])
        #expect(run.findings.first { $0.code == .evalReviewDiffers }?.severity == .info)
    }

    @Test("A form without a 分值 column gets one note, not an error per row")
    func noWeights() {
        let run = checker.check([form([row("甲", weight: nil, score: "40"), row("乙", weight: nil, score: "38")], total: "98")])
        #expect(!run.findings.contains { $0.code == .evalWeightMissing || $0.code == .evalWeightsTotal })
        #expect(run.findings.filter { $0.code == .evalWeightsNotPrinted }.count == 1)
    }
}
