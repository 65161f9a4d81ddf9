import Foundation
import Testing
@testable import JixiaoCore
import JixiaoProfiles

@Suite("The check catalogue")
struct CheckCatalogueTests {
    @Test("Codes are unique and every template is Chinese")
    func catalogue() {
        let codes = CheckCatalogue.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for c in CheckCatalogue.all {
            #expect(c.template.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(c.code)")
        }
    }

    @Test("Messages carry the numbers")
    func message() {
        let d = CheckCatalogue.definition(.evalTotalSum)!
        #expect(d.message(["printed": "69.75", "sum": "69.75"]) == "总分印为 69.75，各项得分合计 69.75")
    }
}

@Suite("Checks on forms")
struct FormCheckTests {
    let checker = FormChecker(profile: try! ProfileLibrary.profile(id: "national"))

    func evaluation(_ indicators: [Indicator], total: String?, grade: String?, a: String = "100", b: String = "100",
                    rate: String? = "100%", executionScore: String? = "10") -> EvaluationForm {
        .projectSelfEvaluation(ProjectSelfEvaluation(
            project: Project(name: "测试项目"),
            execution: BudgetExecution(annualBudget: PrintedNumber(text: a), executed: PrintedNumber(text: b),
                                       weight: PrintedNumber(text: "10"), reportedRate: rate.flatMap(PrintedNumber.init(text:)),
                                       reportedScore: executionScore.flatMap(PrintedNumber.init(text:))),
            indicators: indicators, reportedTotal: total.flatMap(PrintedNumber.init(text:)), reportedGrade: grade))
    }

    func codes(_ run: CheckRun) -> [String] { run.findings.map(\.code.rawValue).sorted() }

    @Test("A consistent form has no errors")
    func clean() {
        let form = evaluation([
            indicator("≥100家", "104家", weight: "50", reported: "50"),
            indicator("保障", "达成预期指标", weight: "30", reported: "30", level2: "社会效益"),
            indicator("≥90%", "95%", weight: "10", reported: "10", level2: "服务对象满意度"),
        ], total: "100", grade: "优")
        let run = checker.check(form)
        #expect(run.findings.filter { $0.severity == .error }.isEmpty, "\(run.findings)")
        #expect((run.tallies[.evalTotalSum]?[.pass]) == 1)
    }

    @Test("Grade 良 with total 69.75 is an error naming both")
    func grade() {
        let form = evaluation([
            indicator("≥100家", "60家", weight: "50", reported: "30", level2: "数量指标"),
            indicator("保障", "部分完成", weight: "30", reported: "19.75", level2: "社会效益"),
            indicator("≥90%", "95%", weight: "10", reported: "10", level2: "服务对象满意度"),
        ], total: "69.75", grade: "良")
        let run = checker.check(form)
        let finding = run.findings.first { $0.code == .evalGrade }
        #expect(finding?.message == "总分 69.75 按“全国通用（默认）”应评为“中”，表中为“良”")
        #expect(finding?.severity == .error)
    }

    @Test("Seed 002's printed 98.1% and 9.8 are consistent at their precision")
    func printedPrecision() {
        let form = evaluation([indicator("≥10家", "10家", weight: "90", reported: "90")], total: "99.8", grade: "优",
                              a: "79.2", b: "77.68", rate: "98.1%", executionScore: "9.8")
        let run = checker.check(form)
        #expect(!codes(run).contains("EVAL_RATE_MISMATCH"))
        #expect(!codes(run).contains("EVAL_EXECUTION_SCORE"))
        let wrong = checker.check(evaluation([indicator("≥10家", "10家", weight: "90", reported: "90")], total: "99.9", grade: "优",
                                             a: "79.2", b: "77.68", rate: "98.5%", executionScore: "9.9"))
        #expect(wrong.findings.first { $0.code == .evalRateMismatch }?.message == "执行率印为 98.5%，按 全年执行数 77.68 ÷ 全年预算数 79.2 应为 98.08%")
        #expect(codes(wrong).contains("EVAL_EXECUTION_SCORE"))
    }

    @Test("Blank scores, scores over the weight, sums that do not add up, missing reasons")
    func failures() {
        let form = evaluation([
            indicator("≥100家", "80家", weight: "40", reported: nil),
            indicator("≥5次", "5次", weight: "10", reported: "12"),
            indicator("≤20万元", "23.85万元", weight: "30", reported: "30", level2: "成本指标"),
            indicator("≥90%", "95%", weight: "10", reported: "10", level2: "服务对象满意度"),
        ], total: "90", grade: "优")
        let run = checker.check(form)
        let found = codes(run)
        #expect(found.contains("EVAL_SCORE_MISSING"))
        #expect(found.contains("EVAL_SCORE_OVER_WEIGHT"))
        #expect(found.contains("EVAL_SCORE_OUT_OF_RANGE"))
        #expect(found.contains("EVAL_TOTAL_SUM"))
        #expect(found.contains("EVAL_DEVIATION_REASON_MISSING"))
        let range = run.findings.first { $0.code == .evalScoreOutOfRange }
        #expect(range?.message == "指标“测试指标”得分 30 不在允许范围 [0, 25.16] 内：反向指标未达成：20 ÷ 23.85 × 30 = 25.16")
        #expect(run.findings.first { $0.code == .evalTotalSum }?.message == "总分印为 90，各项得分合计 62")
    }

    @Test("Template leftovers: an unfilled original target beside an adjusted one is a warning, alone an error")
    func templates() {
        let run = checker.check(evaluation([
            indicator("≥%", "≥85%", weight: "45", reported: "45", level2: "服务对象满意度", adjusted: "≥80%"),
            indicator("=万元", "12万元", weight: "45", reported: "45", level2: "成本指标"),
        ], total: "100", grade: "优"))
        #expect(run.findings.first { $0.code == .evalTemplateLeftover }?.severity == .warning)
        #expect(run.findings.first { $0.code == .evalTargetUnfilled }?.message == "指标“测试指标”的指标值“=万元”未填写数值，无法按公式评分")
    }

    @Test("Missing execution data is reported as insufficient, never passed")
    func insufficient() {
        let form = EvaluationForm.projectSelfEvaluation(ProjectSelfEvaluation(project: Project(name: "无预算"), indicators: []))
        let run = checker.check(form)
        let finding = run.findings.first { $0.code == .evalExecutionMissing }
        #expect(finding?.outcome == .insufficientData)
        #expect(finding?.message == "缺少全年预算数和全年执行数，无法计算执行率和得分")
    }

    @Test("Target declaration: template, quantification, funds, cost against funds, categories")
    func declaration() {
        let declaration = TargetDeclaration(
            project: Project(name: "申报测试", plannedStart: "2024-12-31", plannedEnd: "2024-01-01"),
            funds: Funds(unit: .yuan, total: PrintedNumber(text: "360,000.00"), fiscal: PrintedNumber(text: "300,000.00"),
                         carryOver: PrintedNumber(text: "0.00"), other: PrintedNumber(text: "0.00")),
            annualGoal: "",
            indicators: [
                Indicator(level1Label: "产出指标", level2Label: "数量指标", name: "行驶公里数", target: IndicatorValue(parsing: "≥%")),
                Indicator(level1Label: "产出指标", level2Label: "质量指标", name: "行驶安全性", target: IndicatorValue(parsing: "无违章无事故")),
                Indicator(level1Label: "产出指标", level2Label: "成本指标", name: "购置成本", target: IndicatorValue(parsing: "≤40万元")),
                Indicator(level1Label: "效益指标", level2Label: "生态效益指标", name: "节能减排", target: IndicatorValue(parsing: "低油耗")),
                Indicator(level1Label: "效益指标", level2Label: "生态效益指标", name: "节能减排", target: nil),
            ])
        let run = checker.check(.targetDeclaration(declaration))
        let found = Set(codes(run))
        for code in ["DECL_TEMPLATE_UNFILLED", "DECL_NOT_QUANTIFIED", "DECL_FUNDS_SUM", "DECL_COST_EXCEEDS_FUNDS",
                     "DECL_CATEGORY_MISSING", "DECL_ANNUAL_GOAL_MISSING", "DECL_DATES_ORDER", "DECL_DUPLICATE_NAME", "DECL_VALUE_MISSING"] {
            #expect(found.contains(code), "\(code)")
        }
        #expect(run.findings.first { $0.code == .declFundsSum }?.message
                == "资金总额 360000.00 不等于 当年财政拨款 300000.00 + 上年结转 0.00 + 其他资金 0.00 = 300000.00（元）")
        #expect(run.findings.first { $0.code == .declCostExceedsFunds }?.message == "成本指标“购置成本”的目标 400000 元超过项目资金总额 360000 元")
    }

    @Test("2021 layout requires 成本 as a 一级 category")
    func centralLayout() {
        let declaration = TargetDeclaration(project: Project(name: "新版"), annualGoal: "目标", layout: .central2021, indicators: [
            Indicator(level1Label: "产出指标", level2Label: "数量指标", name: "数量", target: IndicatorValue(parsing: "=1份")),
        ])
        let run = checker.check(.targetDeclaration(declaration))
        #expect(run.findings.contains { $0.code == .declCategoryMissing && $0.message.contains("成本指标") })
    }
}

@Suite struct NarrativeClaimCheckTests {
    static func claim(_ subject: String, _ amount: String?, unit: String = "万元", partOf: String? = nil,
                      change: String? = nil, changePercent: String? = nil, share: String? = nil,
                      budget: String? = nil, completion: String? = nil) -> NarrativeClaim {
        var c = NarrativeClaim(subject: subject, sentence: subject, section: "说明", source: SourceLocation(line: 7))
        c.amount = amount.flatMap(PrintedNumber.init(text:))
        c.unit = unit
        c.partOf = partOf
        c.change = change.flatMap(PrintedNumber.init(text:))
        c.changePercent = changePercent.flatMap(PrintedNumber.init(text:))
        c.sharePercent = share.flatMap(PrintedNumber.init(text:))
        c.budget = budget.flatMap(PrintedNumber.init(text:))
        c.completionPercent = completion.flatMap(PrintedNumber.init(text:))
        return c
    }

    func failures(_ claims: [NarrativeClaim]) -> [String] {
        ClaimChecker().check(claims, place: FindingLocation(form: "决算")).findings.map(\.code.rawValue)
    }

    @Test("Printed ranges: 12.81 stands for [12.805, 12.815]; ratios of ranges")
    func ranges() {
        let r = PrintedRange(PrintedNumber(text: "12.81")!)
        #expect(r.low == Decimal(string: "12.805")! && r.high == Decimal(string: "12.815")!)
        let share = PrintedRange(PrintedNumber(text: "1")!).percent(of: PrintedRange(PrintedNumber(text: "3")!))!
        #expect(share.overlaps(PrintedRange(PrintedNumber(text: "33.33%")!)))
        #expect(PrintedRange(PrintedNumber(text: "0")!).percent(of: PrintedRange(exactly: 0)) == nil)
    }

    @Test("Consistent figures pass, rounding included")
    func consistent() {
        let claims = [
            Self.claim("收入合计", "47348.67"),
            Self.claim("财政拨款收入", "37301.92", partOf: "收入合计", share: "78.78%"),
            Self.claim("其他收入", "10046.75", partOf: "收入合计", share: "21.22%"),
            Self.claim("收入总计", "47549.83", change: "17356.89", changePercent: "57.49%"),
            Self.claim("支出", "37301.92", budget: "25336.80", completion: "147.22%"),
            Self.claim("采购", "11687.04"),
            Self.claim("货物", "5862.23", partOf: "采购"), Self.claim("工程", "71.03", partOf: "采购"), Self.claim("服务", "5753.79", partOf: "采购"),
        ]
        #expect(failures(claims).isEmpty)
    }

    @Test("Each kind of inconsistency fails with its numbers")
    func inconsistent() {
        #expect(failures([Self.claim("项目资金", "12814.56"), Self.claim("一般公共预算", "25416.8", partOf: "项目资金")]) == ["NARR_PART_EXCEEDS_TOTAL"])
        #expect(failures([Self.claim("合计", "100"), Self.claim("甲", "60", partOf: "合计", share: "60%"), Self.claim("乙", "30", partOf: "合计", share: "40%")])
                == ["NARR_SHARE", "NARR_PARTS_SUM"])
        #expect(failures([Self.claim("支出", "110.00", change: "10.00", changePercent: "11.00%")]) == ["NARR_CHANGE_PERCENT"])
        // At whole-number precision 10 ÷ 100 can print as 11%: not an error.
        #expect(failures([Self.claim("支出", "110", change: "10", changePercent: "11%")]).isEmpty)
        #expect(failures([Self.claim("支出", "90", budget: "100", completion: "95%")]) == ["NARR_COMPLETION"])
        #expect(failures([Self.claim("三公", "3.05", change: "-40.07"), Self.claim("车", "0", partOf: "三公", change: "-42.78"),
                          Self.claim("接待", "3.05", partOf: "三公", change: "2.00")]) == ["NARR_CHANGES_SUM"])
        let message = ClaimChecker().check([Self.claim("支出", "110.00", change: "10.00", changePercent: "11.00%")], place: FindingLocation()).findings[0].message
        #expect(message == "“支出”增减幅度印为 11.00%，按 增减额 10.00万元 ÷ 上年数 100万元（110.00万元 减增减额）应为 10.00%")
    }
}

/// Every typed check code has its definition in the catalogue, and the catalogue no code twice.
@Suite struct CheckCodeTests {
    @Test func theCatalogueDefinesEveryCodeOnce() {
        #expect(Set(CheckCatalogue.all.map(\.code)) == Set(CheckCode.allCases))
        #expect(CheckCatalogue.all.count == CheckCode.allCases.count)
        #expect("\(CheckCode.evalTotalSum)" == "EVAL_TOTAL_SUM")
    }
}
