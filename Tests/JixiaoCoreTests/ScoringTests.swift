import Foundation
import Testing
@testable import JixiaoCore
import JixiaoProfiles

func indicator(_ target: String, _ actual: String, weight: String, reported: String? = nil, level2: String = "数量指标",
               adjusted: String? = nil) -> Indicator {
    Indicator(level1Label: "产出指标", level2Label: level2, name: "测试指标",
              target: IndicatorValue(parsing: target), adjustedTarget: adjusted.map(IndicatorValue.init(parsing:)),
              actual: IndicatorValue(parsing: actual), weight: PrintedNumber(text: weight),
              reportedScore: reported.flatMap(PrintedNumber.init(text:)))
}

@Suite("Scoring under the national profile")
struct NationalScoringTests {
    let scorer = IndicatorScorer(profile: try! ProfileLibrary.profile(id: "national"))

    @Test("Reverse target not met: t ÷ a × w")
    func reverse() {
        let s = scorer.score(indicator("≤70万元", "80万元", weight: "10"))
        #expect(s.rule == .reversePartial)
        #expect(s.suggested == Decimal(string: "8.75"))
        #expect(s.explanation == "反向指标未达成：70 ÷ 80 × 10 = 8.75")
        #expect(s.allowedMax == Decimal(string: "8.75"))
    }

    @Test("Positive target not met: a ÷ t × w, rounded half-up")
    func positivePartial() {
        let s = scorer.score(indicator("≥100家", "90家", weight: "5"))
        #expect(s.suggested == Decimal(string: "4.5"))
        #expect(s.explanation == "正向指标未达成：90 ÷ 100 × 5 = 4.5")
        let t = scorer.score(indicator("≥3份", "2份", weight: "10"))
        #expect(t.suggested == Decimal(string: "6.67"))
        #expect(t.exact == Decimal(string: "6.666667"))
    }

    @Test("Met targets earn the full weight, units converted exactly")
    func met() {
        #expect(scorer.score(indicator("≥100家", "104家", weight: "0.55")).suggested == Decimal(string: "0.55"))
        let s = scorer.score(indicator("≤70万元", "650000元", weight: "3"))
        #expect(s.rule == .reverseMet)
        #expect(s.suggested == 3)
        #expect(scorer.score(indicator("=10台", "= 10台", weight: "10")).rule == .equalityMet)
    }

    @Test("Large over-achievement keeps full marks but asks for an explanation")
    func overAchievement() {
        let s = scorer.score(indicator("≥5次", "≥10次", weight: "4"))
        #expect(s.rule == .overAchievementFull)
        #expect(s.suggested == 4)
        #expect(s.explanation == "超额完成：实际 10 为目标 5 的200%（次），得满分 4，需说明超额原因")
    }

    @Test("A zero target is met only by zero")
    func zeroTarget() {
        #expect(scorer.score(indicator("=0件", "0件", weight: "5")).suggested == 5)
        let s = scorer.score(indicator("=0件", "2件", weight: "5"))
        #expect(s.suggested == 0)
        #expect(s.explanation == "目标为 0：实际 2 > 0，得 0 分")
    }

    @Test("Count units that differ are compared by number with a note; incomparable units are not")
    func units() {
        let s = scorer.score(indicator("≥2000个", "2017人", weight: "0.55"))
        #expect(s.suggested == Decimal(string: "0.55"))
        #expect(s.notes == ["目标单位“个”与实际单位“人”不一致，按数值比较"])
        let m = scorer.score(indicator("≥90%", "5家", weight: "2"))
        #expect(m.rule == .unitMismatch)
        #expect(m.suggested == nil)
        #expect(m.rangeText == "[0, 2]")
    }

    @Test("Deadlines: on time is full, late falls into the partial band")
    func deadlines() {
        let ok = scorer.score(indicator("2024年12月底", "2024年12月31日", weight: "0.55", level2: "时效指标"))
        #expect(ok.rule == .timeOnTime)
        #expect(ok.suggested == Decimal(string: "0.55"))
        let late = scorer.score(indicator("2024年9月30日前完成", "2024年11月30日", weight: "5", level2: "时效指标"))
        #expect(late.rule == .timeLate)
        #expect(late.rangeText == "[3, 4)")
        #expect(late.suggested == Decimal(string: "3.5"))
        #expect(late.allows(PrintedNumber(text: "3")!))
        #expect(!late.allows(PrintedNumber(text: "4")!))
        #expect(!late.allows(PrintedNumber(text: "4.5")!))
    }

    @Test("Qualitative wording picks the band")
    func qualitative() {
        let a = scorer.score(indicator("保障", "达成预期指标", weight: "15", level2: "社会效益"))
        #expect(a.rule == .qualitativeAchieved)
        #expect(a.rangeText == "[12, 15]")
        #expect(a.explanation == "定性指标：实际“达成预期指标”属“达成年度指标”档 [12, 15]，建议 15")
        let p = scorer.score(indicator("6月", "如期指标并具", weight: "5", level2: "时效指标"))
        #expect(p.rule == .qualitativePartial)
        #expect(p.rangeText == "[3, 4)")
        let f = scorer.score(indicator("完善", "未完成", weight: "10", level2: "可持续影响指标"))
        #expect(f.rule == .qualitativeFailed)
        let j = scorer.score(indicator("有效", "起到推动环境持续改善的作用", weight: "10", level2: "可持续影响指标"))
        #expect(j.rule == .qualitativeJudged)
        #expect(j.suggested == nil)
        #expect(j.allows(PrintedNumber(text: "9")!))
        #expect(!j.allows(PrintedNumber(text: "10.5")!))
    }

    @Test("The adjusted target replaces an unfilled original one")
    func adjusted() {
        let s = scorer.score(indicator("≥%", "≥85%", weight: "10", adjusted: "≥80%"))
        #expect(s.rule == .positiveMet)
        let m = scorer.score(indicator("≥%", "85%", weight: "10"))
        #expect(m.rule == .missingTarget)
    }

    @Test("Missing actual values and weights are not scored")
    func missing() {
        #expect(scorer.score(indicator("≥10家", "", weight: "5")).rule == .missingActual)
        var i = indicator("≥10家", "12家", weight: "5")
        i.weight = nil
        #expect(scorer.score(i).rule == .missingWeight)
        #expect(scorer.score(indicator("/", "/", weight: "5")).isApplicable == false)
    }
}

@Suite("Scoring under the Shanxi profile")
struct ShanxiScoringTests {
    let scorer = IndicatorScorer(profile: try! ProfileLibrary.profile(id: "shanxi"))

    @Test("Over-achievement beyond 20 % is marked down as in seed 004",
          arguments: [("=8次/天", "=10次/天", "10", "7.5"), ("≥5次", "≥10次", "4", "2"), ("≥7个", "≥13个", "5", "2.5"),
                      ("≥90%", "=100%", "2", "2"), ("≥80%", "≥85%", "10", "10")])
    func deduction(_ example: (String, String, String, String)) {
        let s = scorer.score(indicator(example.0, example.1, weight: example.2))
        #expect(s.suggested == Decimal(string: example.3), "\(example)")
    }

    @Test("The deduction explains itself")
    func explanation() {
        let s = scorer.score(indicator("=8次/天", "10次/天", weight: "10"))
        #expect(s.rule == .overAchievementDeducted)
        #expect(s.explanation == "超额完成扣分：实际 10 超出目标 8 的25%（次/天），10 × max(0.5, 1 − 25%) = 7.5")
    }
}

@Suite("Profile settings change the rules")
struct ProfileSettingTests {
    @Test("Linear reverse rule and deviation equality rule")
    func alternatives() throws {
        var profile = try ProfileLibrary.profile(id: "national")
        profile.reverseRule = .linear
        profile.equalityRule = .deviation
        let scorer = IndicatorScorer(profile: profile)
        let r = scorer.score(indicator("≤70万元", "80万元", weight: "10"))
        #expect(r.rule == .reverseLinear)
        #expect(r.suggested == Decimal(string: "8.57"))
        #expect(scorer.score(indicator("≤70万元", "150万元", weight: "10")).suggested == 0)
        let e = scorer.score(indicator("=10个", "9个", weight: "10"))
        #expect(e.rule == .equalityDeviation)
        #expect(e.suggested == 9)
        #expect(e.explanation == "等值指标偏离目标：10 × (1 − |9 − 10| ÷ 10) = 9")
        #expect(scorer.score(indicator("=10个", "12个", weight: "10")).suggested == 8)
    }

    @Test("Grade cut-offs are data")
    func grades() throws {
        var profile = try ProfileLibrary.profile(id: "national")
        #expect(profile.grade(for: Decimal(string: "69.75")!) == .fair)
        #expect(profile.grade(for: 90) == .excellent)
        #expect(profile.grade(for: Decimal(string: "89.99")!) == .good)
        #expect(profile.grade(for: Decimal(string: "59.99")!) == .poor)
        profile.grades[0].min = 95
        #expect(profile.grade(for: 92) == .good)
    }

    @Test("Every bundled profile loads and an unknown one is a clear error")
    func library() throws {
        #expect(ProfileLibrary.bundledIDs == ["national", "shanxi"])
        for id in ProfileLibrary.bundledIDs { _ = try ProfileLibrary.profile(id: id) }
        #expect(throws: ProfileError.unknown(id: "beijing", known: ["national", "shanxi"])) {
            try ProfileLibrary.profile(id: "beijing")
        }
        #expect(ProfileError.unknown(id: "x", known: ["national", "shanxi"]).description == "未知的评分规则“x”。可用的评分规则：national、shanxi")
    }
}

@Suite("Budget execution and whole evaluations")
struct EvaluationScoringTests {
    let profile = try! ProfileLibrary.profile(id: "national")

    @Test("Seed 002: 77.68 of 79.2 is 98.08 % and 9.81 points, consistent with the printed 9.8")
    func execution002() {
        let e = ExecutionScorer(profile: profile).score(BudgetExecution(
            annualBudget: PrintedNumber(text: "79.2"), executed: PrintedNumber(text: "77.68"), weight: PrintedNumber(text: "10")))
        #expect(e.rate == Decimal(string: "0.980808"))
        #expect(e.suggested == Decimal(string: "9.81"))
        #expect(PrintedNumber(text: "9.8")!.agrees(with: e.exact!))
        #expect(!PrintedNumber(text: "9.80")!.agrees(with: e.exact!))
        #expect(e.explanation == "执行率 77.68 ÷ 79.2 = 98.08%，得分 min(98.08%, 100%) × 10 = 9.81")
    }

    @Test("Seed 003: 96576.03 of 112213.87 is 86.1 % and 8.6 points")
    func execution003() {
        let e = ExecutionScorer(profile: profile).score(BudgetExecution(
            annualBudget: PrintedNumber(text: "112213.87"), executed: PrintedNumber(text: "96576.03"), weight: PrintedNumber(text: "10")))
        #expect(PrintedNumber(text: "86.1%")!.agrees(with: e.rate! * 100))
        #expect(PrintedNumber(text: "8.6")!.agrees(with: e.exact!))
    }

    @Test("Overspending is capped and flagged; nothing budgeted and nothing spent does not apply")
    func anomalies() {
        let scorer = ExecutionScorer(profile: profile)
        let over = scorer.score(BudgetExecution(annualBudget: PrintedNumber(text: "10"), executed: PrintedNumber(text: "12")))
        #expect(over.overspent)
        #expect(over.suggested == 10)
        let none = scorer.score(BudgetExecution(annualBudget: PrintedNumber(text: "0"), executed: PrintedNumber(text: "0")))
        #expect(none.rule == .executionNotApplicable)
    }

    @Test("Totals: sums of shown scores, not-applicable rescaling, grades")
    func totals() {
        let scorer = EvaluationScorer(profile: profile)
        let indicators = [
            indicator("≥100家", "90家", weight: "45", reported: "40.5"),
            indicator("/", "/", weight: "5"),
            indicator("满意", "满意", weight: "40", reported: "40", level2: "服务对象满意度"),
        ]
        let execution = BudgetExecution(annualBudget: PrintedNumber(text: "100"), executed: PrintedNumber(text: "100"),
                                        weight: PrintedNumber(text: "10"), reportedScore: PrintedNumber(text: "10"))
        let s = scorer.score(indicators: indicators, execution: execution, reportedTotal: PrintedNumber(text: "90.5"), fiscalYear: 2024)
        #expect(s.weightTotal == 100)
        #expect(s.applicableWeightTotal == 95)
        #expect(s.reportedSum == Decimal(string: "90.5"))
        // (40.5 + 40 + 10) × 100 ÷ 95 = 95.26
        #expect(s.rescaled)
        #expect(s.suggestedTotal == Decimal(string: "95.26"))
        #expect(s.suggestedGrade == .excellent)
        #expect(s.gradeOfReportedTotal == .excellent)
    }
}
