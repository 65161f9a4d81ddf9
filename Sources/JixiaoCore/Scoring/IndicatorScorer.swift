import Foundation

/// Scores indicators under a profile (domain.md §4).
///
/// Arithmetic is exact: ratios are computed on integers and rounded half-up once.
public struct IndicatorScorer: Sendable {
    public let profile: ScoringProfile
    let places: Int
    let tolerance: ExactDecimal?
    let floor: ExactDecimal
    let explainFrom: ExactDecimal?
    let bands: [String: QualitativeBand]
    /// Band shares as exact decimals: (min, max, suggest).
    let bandShares: [String: (ExactDecimal, ExactDecimal, ExactDecimal)]

    static let exactPlaces = 6

    public init(profile: ScoringProfile) {
        self.profile = profile
        places = profile.scorePlaces
        tolerance = profile.overAchievement.tolerance.flatMap(ExactDecimal.init)
        floor = profile.overAchievement.floor.flatMap(ExactDecimal.init) ?? .zero
        explainFrom = profile.overAchievement.explainFrom.flatMap(ExactDecimal.init)
        var bands: [String: QualitativeBand] = [:]
        var shares: [String: (ExactDecimal, ExactDecimal, ExactDecimal)] = [:]
        for band in profile.qualitativeBands {
            bands[band.id] = band
            shares[band.id] = (ExactDecimal(band.min ?? 0) ?? .zero, ExactDecimal(band.max ?? 1) ?? .one, ExactDecimal(band.suggest ?? 1) ?? .one)
        }
        self.bands = bands
        bandShares = shares
    }

    /// Scores one indicator. `fiscalYear` completes deadlines written without a year.
    public func score(_ indicator: Indicator, fiscalYear: Int? = nil) -> IndicatorScore {
        var target = indicator.effectiveTarget
        let actual = indicator.actual
        var inherited: [String] = []
        // `≤万元` as 年初指标值 and `1231.18万` as 调整后: the comparison is the template's.
        if target?.comparison == nil, target?.kind == .quantitative, let original = indicator.target,
           original.kind == .unfilledTemplate, let comparison = original.comparison, indicator.adjustedTarget?.isFilled == true {
            target?.comparison = comparison
            inherited.append("调整后指标值没有比较符号，按年初指标值“\(original.text)”取“\(comparison.rawValue)”")
        }
        if target?.kind == .notApplicable || (indicator.weight == nil && actual?.kind == .notApplicable) {
            return IndicatorScore(rule: .notApplicable, weight: nil, suggested: nil, allowedMin: nil, allowedMax: nil,
                                  terms: ScoreTerms(targetText: target?.text), isApplicable: false)
        }
        guard let weightValue = indicator.weight?.value, let w = indicator.weight?.exact ?? ExactDecimal(weightValue) else {
            return IndicatorScore(rule: .missingWeight, weight: nil, suggested: nil, allowedMin: nil, allowedMax: nil)
        }
        guard let target, target.isFilled else {
            return range(.missingTarget, weightValue, notes: target.map { ["指标值“\($0.text)”未填写数值"] } ?? ["缺少指标值"])
        }
        guard let actual, actual.isFilled, actual.kind != .notApplicable else {
            return range(.missingActual, weightValue)
        }
        switch target.kind {
        case .quantitative:
            if actual.kind == .quantitative {
                var score = quantitative(target: target, actual: actual, weight: w, weightValue: weightValue)
                score.notes.insert(contentsOf: inherited, at: 0)
                return score
            }
            return qualitative(target: target, actual: actual, weight: w, weightValue: weightValue, direction: target.comparison?.direction ?? .equality)
        case .deadline, .schedule:
            if target.kind == .deadline, actual.kind == .deadline, let t = target.deadline, let a = actual.deadline {
                return time(target: t, actual: a, weight: w, weightValue: weightValue, fiscalYear: fiscalYear, terms: ScoreTerms(actualText: actual.text, targetText: target.text))
            }
            return qualitative(target: target, actual: actual, weight: w, weightValue: weightValue, direction: .time)
        default:
            return qualitative(target: target, actual: actual, weight: w, weightValue: weightValue, direction: .qualitative)
        }
    }

    /// A score that can only be bounded by the weight.
    func range(_ rule: ScoringRule, _ weight: Decimal, notes: [String] = []) -> IndicatorScore {
        IndicatorScore(rule: rule, weight: weight, suggested: nil, allowedMin: 0, allowedMax: weight, notes: notes, places: places)
    }

    @inline(__always)
    func finish(_ rule: ScoringRule, _ direction: IndicatorDirection, weightValue: Decimal, exact: ExactDecimal,
                terms: ScoreTerms, notes: [String]) -> IndicatorScore {
        let rounded = exact.rounded(places: places)
        let exactValue = exact.decimal
        let suggested = rounded == exact ? exactValue : rounded.decimal
        return IndicatorScore(rule: rule, direction: direction, weight: weightValue, suggested: suggested, exact: exactValue,
                              allowedMin: 0, allowedMax: exactValue, terms: terms, notes: notes, places: places)
    }
}
