import Foundation
import JixiaoCore
import JixiaoStore

/// A form scored and checked under a profile: what the pages show beside the fields.
struct FormAnalysis: Sendable {
    var score: EvaluationScore
    var findings: [Finding]
    var summary: FormSummary

    init(_ form: EvaluationForm, profile: ScoringProfile) {
        score = EvaluationScorer(profile: profile).score(form)
        findings = FormChecker(profile: profile).check(form, score: score).findings.sorted { $0.severity < $1.severity }  // errors first
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        var reportedTotal: PrintedNumber?
        switch form {
        case .projectSelfEvaluation(let e): reportedTotal = e.reportedTotal
        case .departmentEvaluation(let e): reportedTotal = e.reportedTotal
        case .targetDeclaration: break
        }
        let scored = form.kind != .targetDeclaration
        summary = FormSummary(indicatorCount: form.indicators.count, weightTotal: score.weightTotal, reportedTotal: reportedTotal?.value,
                              suggestedTotal: scored ? score.suggestedTotal : nil, suggestedGrade: scored ? score.suggestedGrade : nil,
                              executionRate: score.execution?.rate, errorCount: counts[.error] ?? 0, warningCount: counts[.warning] ?? 0)
    }

    /// Findings about the indicator at this position (by position, not name: two rows may share a name).
    func findings(forRow row: Int) -> [Finding] {
        findings.filter { $0.location.indicatorIndex == row }
    }

    /// Findings about the form as a whole.
    var formFindings: [Finding] { findings.filter { $0.location.indicator == nil } }

    /// Rows whose reported score lies outside the allowed range, with the reason. The editor holds a typed score
    /// to the same rule as the audit (`IndicatorScore.allows`): the range as shown, and the suggestion always allowed.
    func outOfRange(_ indicators: [Indicator]) -> [Int: String] {
        var refused: [Int: String] = [:]
        for (index, indicator) in indicators.enumerated() {
            guard let reported = indicator.reportedScore, index < score.indicators.count else { continue }
            let s = score.indicators[index]
            if let weight = indicator.weight, reported.value > weight.value {
                refused[index] = "得分\(reported)超过分值\(weight)。"
            } else if s.allowedMin != nil, s.allowedMax != nil, !s.allows(reported) {
                refused[index] = "得分\(reported)不在允许范围（\(s.rangeWords)）内：\(s.explanation)"
            }
        }
        return refused
    }
}

/// The figures kept beside a stored form, for programs that add forms without the web pages (imports, benchmarks).
public enum FormSummaries {
    public static func of(_ form: EvaluationForm, profile: ScoringProfile) -> FormSummary {
        FormAnalysis(form, profile: profile).summary
    }
}
