import Foundation

extension FormChecker {
    func checkDeclaration(_ d: TargetDeclaration, place: FindingLocation, into run: inout CheckRun) {
        let indicators = d.indicators.classified(layout: d.layout)
        // Required 一级 categories.
        let present = Set(indicators.compactMap(\.level1))
        var required: [(Level1Category, String)] = [(.output, "每个项目都应有产出指标"), (.effect, "每个项目都应有效益指标"),
                                                     (.satisfaction, "有服务对象的项目应设满意度指标")]
        if d.layout == .central2021 { required.append((.cost, "2021年版指标体系中成本指标为一级指标")) }
        for (category, reason) in required {
            let code: CheckCode = .declCategoryMissing
            if indicators.isEmpty {
                run.record(code, .insufficientData, ["category": category.chineseName, "reason": "表中没有任何绩效指标"], at: at(place, field: "绩效指标"))
            } else {
                run.expect(code, failed: !present.contains(category), ["category": category.chineseName, "reason": reason], at: at(place, field: "绩效指标"))
            }
        }
        for (row, i) in indicators.enumerated() {
            if let label = i.level1Label, !label.isEmpty {
                run.expect(.declCategoryUnknown, failed: Level1Category.classify(label) == nil, ["level": "一级", "label": label], at: at(place, indicator: i, row: row))
            }
            if let label = i.level2Label, !label.isEmpty {
                run.expect(.declCategoryUnknown, failed: Level2Category.classify(label) == nil, ["level": "二级", "label": label], at: at(place, indicator: i, row: row))
            }
            if let l1 = i.level1, let l2 = i.level2, i.level1Label != nil {
                let expected = l2.level1(in: d.layout)
                let layoutName = d.layout == .classic ? "常规指标体系" : "2021年版指标体系"
                // 成本 sits under 产出 in one layout and is its own 一级 in the other: accept both.
                let accepted = expected == l1 || (l2 == .cost && (l1 == .cost || l1 == .output))
                run.expect(.declLevelMismatch, failed: !accepted,
                           ["level2": i.level2Label ?? l2.chineseName, "level1": i.level1Label ?? l1.chineseName,
                            "layout": layoutName, "expected": expected.chineseName], at: at(place, indicator: i, row: row))
            }
            checkDeclaredValue(i, row: row, place: place, into: &run)
            if let l2 = i.level2, l2 == .cost || l2 == .economicCost, let total = d.funds?.totalYuan,
               let target = i.effectiveTarget, target.kind == .quantitative, target.unit?.family == .money,
               let cost = target.baseMagnitude {
                run.expect(.declCostExceedsFunds, failed: cost > total,
                           ["name": i.name, "cost": cost.plainText, "total": total.plainText], at: at(place, indicator: i, row: row))
            }
        }
        checkFunds(d.funds, place: place, into: &run)
        let goal = (d.annualGoal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        run.expect(.declAnnualGoalMissing, failed: goal.isEmpty, [:], at: at(place, field: "年度总体目标"))
        if let start = d.project.plannedStart.flatMap({ IndicatorValueParser.parse($0).deadline }),
           let end = d.project.plannedEnd.flatMap({ IndicatorValueParser.parse($0).deadline }) {
            run.expect(.declDatesOrder, failed: end.latest(defaultYear: 2000) < start.earliest(defaultYear: 2000),
                       ["start": d.project.plannedStart ?? "", "end": d.project.plannedEnd ?? ""], at: at(place, field: "计划日期"))
        }
        var seen: [String: (count: Int, first: Indicator, row: Int)] = [:]
        for (row, i) in indicators.enumerated() {
            let key = "\(i.level2Label ?? "")|\(i.subTasks?.text ?? "")|\(i.name)"
            seen[key] = ((seen[key]?.count ?? 0) + 1, seen[key]?.first ?? i, seen[key]?.row ?? row)
        }
        for (_, entry) in seen.sorted(by: { $0.key < $1.key }) {
            run.expect(.declDuplicateName, failed: entry.0 > 1,
                       ["name": entry.1.name, "level2": entry.1.level2Label ?? "", "count": "\(entry.0)"], at: at(place, indicator: entry.1, row: entry.2))
        }
    }

    func checkDeclaredValue(_ i: Indicator, row: Int, place: FindingLocation, into run: inout CheckRun) {
        guard let target = i.effectiveTarget, target.kind != .empty else {
            run.record(.declValueMissing, .fail, ["name": i.name], at: at(place, indicator: i, row: row))
            return
        }
        run.record(.declValueMissing, .pass, at: at(place, indicator: i, row: row))
        run.expect(.declTemplateUnfilled, failed: target.kind == .unfilledTemplate, ["name": i.name, "value": target.text], at: at(place, indicator: i, row: row))
        if let l2 = i.level2, l2.expectsQuantity, target.kind != .unfilledTemplate, target.kind != .notApplicable {
            run.expect(.declNotQuantified, failed: target.kind != .quantitative,
                       ["name": i.name, "value": target.text, "level2": l2.chineseName], at: at(place, indicator: i, row: row))
        }
    }

    func checkFunds(_ funds: Funds?, place: FindingLocation, into run: inout CheckRun) {
        guard let funds, let total = funds.total else {
            run.record(.declFundsMissing, .fail, [:], at: at(place, field: "项目资金"))
            return
        }
        run.record(.declFundsMissing, .pass, at: at(place, field: "项目资金"))
        let parts = [funds.fiscal, funds.carryOver, funds.other]
        guard parts.contains(where: { $0 != nil }) else {
            run.record(.declFundsSum, .insufficientData, ["total": total.description, "fiscal": "—", "carry": "—", "other": "—",
                                                              "sum": "—", "unit": funds.unit.rawValue], at: at(place, field: "项目资金", source: funds.source))
            return
        }
        let sum = parts.reduce(Decimal(0)) { $0 + ($1?.value ?? 0) }
        let places = parts.compactMap { $0?.places }.max() ?? 2
        run.expect(.declFundsSum, failed: !total.agrees(with: sum),
                   ["total": total.description, "fiscal": funds.fiscal?.description ?? "0", "carry": funds.carryOver?.description ?? "0",
                    "other": funds.other?.description ?? "0", "sum": sum.fixedText(places: places), "unit": funds.unit.rawValue],
                   at: at(place, field: "项目资金", source: funds.source))
    }
}
