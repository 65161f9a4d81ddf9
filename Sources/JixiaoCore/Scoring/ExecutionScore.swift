import Foundation

/// The budget execution block scored: rate = B ÷ A, score = min(rate, 1) × weight.
public struct ExecutionScore: Sendable, Hashable {
    public var rule: ScoringRule
    public var weight: Decimal
    /// B ÷ A as a fraction, exact to 6 decimals.
    public var rate: Decimal?
    /// Suggested score at the profile's places.
    public var suggested: Decimal?
    /// The suggested score at 6 decimals.
    public var exact: Decimal?
    /// B > A: more spent than budgeted.
    public var overspent: Bool
    public var annualBudget: Decimal?
    public var executed: Decimal?

    /// `执行率 77.68 ÷ 79.2 = 98.08%，得分 min(98.08%, 100%) × 10 = 9.81`.
    public var explanation: String {
        switch rule {
        case .executionNotApplicable:
            return "全年预算数与执行数均为 0，预算执行不适用"
        case .executionMissing:
            return "缺少全年预算数或全年执行数，无法计算执行率"
        default:
            guard let rate, let suggested, let a = annualBudget, let b = executed else { return rule.chineseName }
            var text = "执行率 \(b.plainText) ÷ \(a.plainText) = \(rate.percentText(places: 2))，得分 min(\(rate.percentText(places: 2)), 100%) × \(weight.plainText) = \(suggested.plainText)"
            if overspent { text += "；执行数大于预算数，属异常" }
            return text
        }
    }
}

/// Scores the budget execution block.
public struct ExecutionScorer: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) {
        self.profile = profile
    }

    public func score(_ execution: BudgetExecution) -> ExecutionScore {
        let weight = execution.weight?.value ?? profile.weights.execution ?? 10
        let a = execution.annualBudget?.value
        let b = execution.executed?.value
        guard let a, let b else {
            return ExecutionScore(rule: .executionMissing, weight: weight, overspent: false, annualBudget: a, executed: b)
        }
        if a == 0 && b == 0 {
            return ExecutionScore(rule: .executionNotApplicable, weight: weight, overspent: false, annualBudget: a, executed: b)
        }
        let overspent = b > a
        guard a > 0, let ea = ExactDecimal(a), let eb = ExactDecimal(b), let ew = ExactDecimal(weight),
              let rate = ExactDecimal.productQuotient(eb, .one, ea, places: 6)
        else {
            return ExecutionScore(rule: .executionRate, weight: weight, rate: nil, suggested: 0, exact: 0, overspent: overspent,
                                  annualBudget: a, executed: b)
        }
        let capped = profile.execution.capAtFull && ExactDecimal.one < rate ? ExactDecimal.one : rate
        let exact = ExactDecimal.product(capped, ew)?.rounded(places: 6) ?? ew
        return ExecutionScore(rule: .executionRate, weight: weight, rate: rate.decimal,
                              suggested: exact.rounded(places: profile.scorePlaces).decimal, exact: exact.decimal,
                              overspent: overspent, annualBudget: a, executed: b)
    }
}
