import Foundation

/// Runs the check catalogue over forms under a scoring profile.
public struct FormChecker: Sendable {
    public let profile: ScoringProfile
    let scorer: EvaluationScorer

    public init(profile: ScoringProfile) {
        self.profile = profile
        scorer = EvaluationScorer(profile: profile)
    }

    /// Checks every form of a document; forms are numbered by their position.
    public func check(_ forms: [EvaluationForm]) -> CheckRun {
        var run = CheckRun()
        for (index, form) in forms.enumerated() { run.merge(check(form, index: index)) }
        return run
    }

    /// Checks one form.
    public func check(_ form: EvaluationForm, index: Int = 0) -> CheckRun {
        let place = FindingLocation(formIndex: index, form: form.title, source: form.source)
        var run = CheckRun()
        switch form {
        case .targetDeclaration(let declaration):
            checkDeclaration(declaration, place: place, into: &run)
        case .projectSelfEvaluation(let evaluation):
            let score = scorer.score(form)
            checkExecution(evaluation.execution, score: score, place: place, into: &run)
            checkIndicators(evaluation.indicators, score: score, place: place, into: &run)
            checkTotals(indicators: evaluation.indicators, execution: evaluation.execution, total: evaluation.reportedTotal,
                        grade: evaluation.reportedGrade, score: score, place: place, into: &run)
        case .departmentEvaluation(let evaluation):
            let score = scorer.score(form)
            checkExecution(evaluation.execution, score: score, place: place, into: &run)
            checkIndicators(evaluation.indicators, score: score, place: place, into: &run)
            checkTotals(indicators: evaluation.indicators, execution: evaluation.execution, total: evaluation.reportedTotal,
                        grade: evaluation.reportedGrade, score: score, place: place, into: &run)
            checkGoals(evaluation, place: place, into: &run)
        }
        return run
    }

    func at(_ place: FindingLocation, indicator: Indicator? = nil, field: String? = nil, source: SourceLocation? = nil) -> FindingLocation {
        var location = place
        if let indicator {
            location.indicator = indicator.name
            location.source = indicator.source ?? place.source
        }
        if let field { location.field = field }
        if let source { location.source = source }
        return location
    }
}
