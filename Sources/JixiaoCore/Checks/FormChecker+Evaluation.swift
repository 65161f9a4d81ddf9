import Foundation

extension FormChecker {
    func checkExecution(_ execution: BudgetExecution?, score: EvaluationScore, place: FindingLocation, into run: inout CheckRun) {
        let field = at(place, field: "预算执行情况", source: execution?.source)
        guard let execution, let e = score.execution, e.rule != .executionMissing else {
            var missing: [String] = []
            if execution?.annualBudget == nil { missing.append("全年预算数") }
            if execution?.executed == nil { missing.append("全年执行数") }
            run.record(.evalExecutionMissing, .insufficientData, ["missing": missing.joined(separator: "和")], at: field)
            return
        }
        run.record(.evalExecutionMissing, .pass, at: field)
        guard e.rule == .executionRate, let rate = e.rate, let a = e.annualBudget, let b = e.executed else { return }
        if let printed = execution.reportedRate {
            // `98.1%` or `100` are percentages; `0.98` is a fraction.
            let asPercent = printed.isPercent || printed.value > Decimal(string: "1.5")!
            let computed = asPercent ? rate * 100 : rate
            let computedText = asPercent ? (rate * 100).fixedText(places: max(printed.places, 2)) + "%" : rate.fixedText(places: 4)
            run.expect(.evalRateMismatch, failed: !printed.agrees(with: computed),
                       ["printed": printed.description, "a": a.plainText, "b": b.plainText, "computed": computedText], at: field)
        } else {
            run.record(.evalRateMismatch, .notApplicable, at: field)
        }
        if let printed = execution.reportedScore, let exact = e.exact {
            run.expect(.evalExecutionScore, failed: !printed.agrees(with: exact),
                       ["printed": printed.description, "computed": (e.suggested ?? exact).plainText, "explanation": e.explanation], at: field)
        } else {
            run.record(.evalExecutionScore, .insufficientData,
                       ["printed": "空白", "computed": e.suggested?.plainText ?? "—", "explanation": e.explanation], at: field)
        }
        run.expect(.evalOverspent, failed: e.overspent, ["a": a.plainText, "b": b.plainText, "rate": rate.percentText()], at: field)
    }

    static let offTargetRules: Set<ScoringRule> = [
        .positivePartial, .reversePartial, .reverseLinear, .equalityDeviation, .equalityZero, .timeLate,
        .qualitativePartial, .qualitativeFailed, .overAchievementFull, .overAchievementDeducted,
    ]

    /// True for a form of the Hubei type: no indicator prints a 分值, only 得分 (the indicators' block is
    /// worth a fixed share, the budget execution the rest).
    static func printsNoWeights(_ indicators: [Indicator]) -> Bool {
        !indicators.isEmpty && indicators.allSatisfy { $0.weight == nil } && indicators.contains { $0.reportedScore != nil }
    }

    func checkIndicators(_ indicators: [Indicator], score: EvaluationScore, place: FindingLocation, into run: inout CheckRun) {
        let noWeights = Self.printsNoWeights(indicators)
        if noWeights {
            run.record(.evalWeightsNotPrinted, .fail, ["count": "\(indicators.count)"], at: at(place, field: "分值"))
        }
        for (row, (i, s)) in zip(indicators, score.indicators).enumerated() {
            let firstFinding = run.findings.count
            defer { if !i.guesses.isEmpty { run.soften(from: firstFinding, because: i.guesses) } }
            let here = at(place, indicator: i, row: row)
            checkFamilyColumns(i, here: here, into: &run)
            guard s.isApplicable else { continue }
            if noWeights { continue }
            guard let weight = i.weight else {
                run.record(.evalWeightMissing, .fail, ["name": i.name], at: here)
                continue
            }
            run.record(.evalWeightMissing, .pass, at: here)
            let target = i.effectiveTarget
            if let target, target.kind == .unfilledTemplate || target.kind == .empty {
                run.record(.evalTargetUnfilled, .fail, ["name": i.name, "value": target.text], at: here)
            } else {
                run.record(.evalTargetUnfilled, .pass, at: here)
            }
            if let original = i.target, let adjusted = i.adjustedTarget, adjusted.isFilled {
                if original.kind == .unfilledTemplate {
                    run.record(.evalTemplateLeftover, .fail, ["name": i.name, "original": original.text, "adjusted": adjusted.text], at: here)
                } else if original.isFilled, ValueScanner(original.text).scalars != ValueScanner(adjusted.text).scalars {
                    let noted = !(i.deviationReason ?? "").isEmpty || !(i.qualitativeNote ?? "").isEmpty
                    run.expect(.evalAdjustedWithoutNote, failed: !noted,
                               ["name": i.name, "original": original.text, "adjusted": adjusted.text], at: here)
                }
            }
            let actual = i.actual
            let hasActual = actual?.isFilled == true
            run.expect(.evalActualMissing, failed: !hasActual, ["name": i.name, "weight": weight.description], at: here)
            if let t = target?.unit, let a = actual?.unit, target?.kind == .quantitative, actual?.kind == .quantitative {
                run.expect(.evalUnitMismatch, failed: !t.isComparable(with: a),
                           ["name": i.name, "target": target?.text ?? "", "actual": actual?.text ?? "", "targetUnit": t.text, "actualUnit": a.text], at: here)
            }
            checkReportedScore(i, weight: weight, score: s, here: here, into: &run)
            if Self.offTargetRules.contains(s.rule) || (i.reportedScore.map { $0.value < weight.value } ?? false) {
                let situation = s.rule == .overAchievementFull || s.rule == .overAchievementDeducted ? "超额完成" : "未完全达成或未得满分"
                run.expect(.evalDeviationReasonMissing, failed: (i.deviationReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
                           ["name": i.name, "situation": situation, "explanation": s.explanation], at: here)
            }
        }
    }

    func checkReportedScore(_ i: Indicator, weight: PrintedNumber, score s: IndicatorScore, here: FindingLocation, into run: inout CheckRun) {
        guard let reported = i.reportedScore else {
            run.record(.evalScoreMissing, .fail, ["name": i.name, "weight": weight.description, "suggested": s.suggested?.plainText ?? "—"], at: here)
            return
        }
        run.record(.evalScoreMissing, .pass, at: here)
        let over = reported.value > weight.value
        run.expect(.evalScoreOverWeight, failed: over, ["name": i.name, "score": reported.description, "weight": weight.description], at: here)
        if over { return }
        let inRange = s.allows(reported)
        run.expect(.evalScoreOutOfRange, failed: !inRange,
                   ["name": i.name, "score": reported.description, "range": s.rangeText, "explanation": s.explanation], at: here)
        if inRange, let exact = s.exact, s.suggested != nil {
            run.expect(.evalScoreDiffers, failed: !reported.agrees(with: exact),
                       ["name": i.name, "score": reported.description, "suggested": s.suggested!.plainText, "explanation": s.explanation], at: here)
        }
    }

    /// The columns some families add: 得分 = 分值 × 得分系数, and a reviewer's 复核分 beside the self-score.
    func checkFamilyColumns(_ i: Indicator, here: FindingLocation, into run: inout CheckRun) {
        if let coefficient = i.scoreCoefficient, let weight = i.weight, let score = i.reportedScore {
            // `98.08` in a 得分系数(%) column, or `0.9808` as a fraction.
            let share = coefficient.isPercent || coefficient.value > Decimal(string: "1.5")! ? coefficient.value / 100 : coefficient.value
            let computed = weight.value * share
            run.expect(.evalCoefficientScore, failed: !score.agrees(with: computed),
                       ["name": i.name, "score": score.description, "weight": weight.description, "coefficient": coefficient.description,
                        "computed": computed.shortText(places: max(score.places, 2))], at: here)
        }
        if let review = i.reviewScore {
            if let weight = i.weight {
                run.expect(.evalReviewOverWeight, failed: review.value > weight.value,
                           ["name": i.name, "review": review.description, "weight": weight.description], at: here)
            }
            if let score = i.reportedScore {
                run.expect(.evalReviewDiffers, failed: review.value != score.value,
                           ["name": i.name, "review": review.description, "score": score.description], at: here)
            }
        }
    }

    func checkTotals(indicators: [Indicator], execution: BudgetExecution?, total: PrintedNumber?, grade: String?,
                     score: EvaluationScore, place: FindingLocation, into run: inout CheckRun) {
        let executionWeight = score.execution?.weight ?? 0
        let indicatorWeights = score.weightTotal - executionWeight
        let tolerance = profile.weightTolerance ?? 0
        let gap = score.weightTotal - 100
        if Self.printsNoWeights(indicators) {
            run.record(.evalWeightsTotal, .notApplicable, at: at(place, field: "分值"))
        } else {
            run.expect(.evalWeightsTotal, failed: (gap < 0 ? -gap : gap) > tolerance,
                       ["sum": score.weightTotal.plainText, "indicators": indicatorWeights.plainText, "execution": executionWeight.plainText],
                       at: at(place, field: "分值"))
        }
        var byLevel1: [Level1Category: Decimal] = [:]
        for i in indicators { if let l1 = i.level1, let w = i.weight?.value { byLevel1[l1, default: 0] += w } }
        if byLevel1[.cost] != nil, profile.weights.cost == nil, let c = byLevel1.removeValue(forKey: .cost) {
            byLevel1[.output, default: 0] += c  // 成本 counted with 产出 when the profile has no separate weight
        }
        for (level1, sum) in byLevel1.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let standard = profile.weights.weight(of: level1) else { continue }
            let gap = sum - standard
            run.expect(.evalLevel1Weight, failed: (gap < 0 ? -gap : gap) > tolerance,
                       ["level1": level1.chineseName, "sum": sum.plainText, "profile": profile.name, "default": standard.plainText],
                       at: at(place, field: "分值"))
        }
        let sumText = score.reportedSum?.plainText ?? "—"
        guard let total else {
            run.record(.evalTotalMissing, .fail, ["sum": sumText, "suggested": score.suggestedTotal.plainText], at: at(place, field: "总分"))
            return
        }
        if let sum = score.reportedSum {
            run.expect(.evalTotalSum, failed: !total.agrees(with: sum), ["printed": total.description, "sum": sumText], at: at(place, field: "总分"))
        } else {
            run.record(.evalTotalSum, .insufficientData, ["printed": total.description, "sum": "（各项得分均为空白）"], at: at(place, field: "总分"))
        }
        run.expect(.evalTotalDiffers, failed: !total.agrees(with: score.suggestedTotal),
                   ["printed": total.description, "profile": profile.name, "suggested": score.suggestedTotal.plainText], at: at(place, field: "总分"))
        guard let expected = profile.grade(for: total.value) else { return }
        guard let grade, !grade.trimmingCharacters(in: .whitespaces).isEmpty else {
            run.record(.evalGradeMissing, .fail, ["total": total.description, "profile": profile.name, "expected": expected.rawValue], at: at(place, field: "自评等级"))
            return
        }
        run.expect(.evalGrade, failed: Grade(text: grade) != expected,
                   ["total": total.description, "profile": profile.name, "expected": expected.rawValue, "printed": grade], at: at(place, field: "自评等级"))
    }

    func checkGoals(_ e: DepartmentEvaluation, place: FindingLocation, into run: inout CheckRun) {
        let numbered = Set(e.indicators.compactMap(\.goalNumber))
        for goal in e.goals {
            guard let number = goal.number else { continue }
            let here = at(place, field: "目标\(number)", source: goal.source)
            let short = String(goal.target.prefix(24)) + (goal.target.count > 24 ? "…" : "")
            run.expect(.deptGoalWithoutIndicators, failed: !numbered.contains(number), ["number": "\(number)", "goal": short], at: here)
            run.expect(.deptGoalActualMissing, failed: (goal.actual ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
                       ["number": "\(number)", "goal": short], at: here)
        }
    }
}
