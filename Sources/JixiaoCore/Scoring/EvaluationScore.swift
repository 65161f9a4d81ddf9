import Foundation

/// The scoring of a whole form: every indicator, the execution block, sums, totals and grades.
public struct EvaluationScore: Sendable, Hashable {
    public var profileID: String
    public var indicators: [IndicatorScore]
    public var execution: ExecutionScore?
    /// Sum of all weights (indicators + execution block).
    public var weightTotal: Decimal
    /// Sum of applicable weights.
    public var applicableWeightTotal: Decimal
    /// Sum of the scores the form reports (indicators + execution), nil when none is printed.
    public var reportedSum: Decimal?
    /// Total suggested by the engine (rescaled to 100 when indicators do not apply).
    public var suggestedTotal: Decimal
    /// The grade of the suggested total.
    public var suggestedGrade: Grade?
    /// The grade the profile gives the reported total.
    public var gradeOfReportedTotal: Grade?
    /// Indicators whose suggestion needed a person's score (the reported one was used when allowed).
    public var judgedCount: Int
    /// Indicators that could not be scored at all (missing weight, actual or target).
    public var unscoredCount: Int
    /// True when not-applicable indicators were dropped and the total rescaled.
    public var rescaled: Bool
}

/// Scores whole forms under a profile.
public struct EvaluationScorer: Sendable {
    public let profile: ScoringProfile
    public let indicatorScorer: IndicatorScorer
    public let executionScorer: ExecutionScorer

    public init(profile: ScoringProfile) {
        self.profile = profile
        indicatorScorer = IndicatorScorer(profile: profile)
        executionScorer = ExecutionScorer(profile: profile)
    }

    /// Scores a form; a target declaration has no scores, only weights.
    public func score(_ form: EvaluationForm) -> EvaluationScore {
        switch form {
        case .targetDeclaration(let d):
            return score(indicators: d.indicators, execution: nil, reportedTotal: nil, fiscalYear: d.project.fiscalYear)
        case .projectSelfEvaluation(let e):
            return score(indicators: e.indicators, execution: e.execution, reportedTotal: e.reportedTotal, fiscalYear: e.project.fiscalYear)
        case .departmentEvaluation(let e):
            return score(indicators: e.indicators, execution: e.execution, reportedTotal: e.reportedTotal, fiscalYear: e.fiscalYear)
        }
    }

    public func score(indicators: [Indicator], execution: BudgetExecution?, reportedTotal: PrintedNumber?, fiscalYear: Int?) -> EvaluationScore {
        var scores: [IndicatorScore] = []
        scores.reserveCapacity(indicators.count)
        var weightTotal = Decimal(0)
        var applicable = Decimal(0)
        var suggested = Decimal(0)
        var reportedSum: Decimal?
        var judged = 0
        var unscored = 0
        var anyNotApplicable = false
        for indicator in indicators {
            let s = indicatorScorer.score(indicator, fiscalYear: fiscalYear)
            scores.append(s)
            if let w = indicator.weight?.value { weightTotal += w }
            if let r = indicator.reportedScore?.value { reportedSum = (reportedSum ?? 0) + r }
            guard s.isApplicable else { anyNotApplicable = true; continue }
            if let w = s.weight { applicable += w }
            if let value = s.suggested {
                suggested += value
            } else if let reported = indicator.reportedScore, s.weight != nil, s.allows(reported) {
                suggested += reported.value
                judged += 1
            } else {
                unscored += 1
            }
        }
        var executionScore: ExecutionScore?
        if let execution {
            let e = executionScorer.score(execution)
            executionScore = e
            weightTotal += e.weight  // the printed 分值, or the profile's when the layout prints none
            if let r = execution.reportedScore?.value { reportedSum = (reportedSum ?? 0) + r }
            if e.rule == .executionNotApplicable {
                anyNotApplicable = true
            } else {
                applicable += e.weight
                suggested += e.suggested ?? 0
            }
        }
        var rescaled = false
        if anyNotApplicable, profile.rescaleNotApplicable, applicable > 0, applicable != 100 {
            suggested = (suggested * 100 / applicable).rounded(places: profile.scorePlaces)
            rescaled = true
        }
        return EvaluationScore(
            profileID: profile.id, indicators: scores, execution: executionScore, weightTotal: weightTotal,
            applicableWeightTotal: applicable, reportedSum: reportedSum, suggestedTotal: suggested,
            suggestedGrade: profile.grade(for: suggested), gradeOfReportedTotal: reportedTotal.flatMap { profile.grade(for: $0.value) },
            judgedCount: judged, unscoredCount: unscored, rescaled: rescaled)
    }
}
