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

    /// Checks one form; `score` is the form's score under this checker's profile when the caller has it already
    /// (a form is scored once per request), else it is computed.
    public func check(_ form: EvaluationForm, index: Int = 0, score: EvaluationScore? = nil) -> CheckRun {
        let place = FindingLocation(formIndex: index, form: form.title, source: form.source)
        var run = CheckRun()
        switch form {
        case .targetDeclaration(let declaration):
            checkDeclaration(declaration, place: place, into: &run)
        case .projectSelfEvaluation(let e):
            checkEvaluation(form, e.indicators, e.execution, e.reportedTotal, e.reportedGrade, score: score, place: place, into: &run)
        case .departmentEvaluation(let e):
            checkEvaluation(form, e.indicators, e.execution, e.reportedTotal, e.reportedGrade, score: score, place: place, into: &run)
            checkGoals(e, place: place, into: &run)
            checkConclusion(e, place: place, into: &run)
        }
        return run
    }

    /// The checks project and department evaluations share: execution, indicators, totals and grade.
    func checkEvaluation(_ form: EvaluationForm, _ indicators: [Indicator], _ execution: BudgetExecution?, _ total: PrintedNumber?,
                         _ grade: String?, score: EvaluationScore?, place: FindingLocation, into run: inout CheckRun) {
        let score = score ?? scorer.score(form)
        checkExecution(execution, score: score, place: place, into: &run)
        checkIndicators(indicators, score: score, place: place, into: &run)
        checkTotals(indicators: indicators, execution: execution, total: total, grade: grade, score: score, place: place, into: &run)
    }

    /// The place of a finding; `row` is the indicator's position in the form's list.
    func at(_ place: FindingLocation, indicator: Indicator? = nil, row: Int? = nil, field: String? = nil, source: SourceLocation? = nil)
        -> FindingLocation {
        var location = place
        if let indicator {
            location.indicator = indicator.name
            location.indicatorIndex = row
            location.source = indicator.source ?? place.source
        }
        if let field { location.field = field }
        if let source { location.source = source }
        return location
    }
}
