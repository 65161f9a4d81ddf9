import Foundation

extension IndicatorScorer {
    /// Deadlines: on or before → full; late → the profile's late band.
    func time(target: Deadline, actual: Deadline, weight: ExactDecimal, weightValue: Decimal, fiscalYear: Int?, terms: ScoreTerms) -> IndicatorScore {
        let year = target.year ?? actual.year ?? fiscalYear ?? 2000
        let deadline = target.latest(defaultYear: year)
        var notes: [String] = []
        if actual.earliest(defaultYear: year) > deadline {
            return banded(profile.lateBand, rule: .timeLate, direction: .time, weight: weight, weightValue: weightValue, terms: terms, notes: notes)
        }
        if actual.latest(defaultYear: year) > deadline {
            notes.append("实际完成时间只写到月，无法确定是否晚于期限，按按期计")
        }
        return IndicatorScore(rule: .timeOnTime, direction: .time, weight: weightValue, suggested: weight.rounded(places: places).decimal,
                              allowedMin: 0, allowedMax: weightValue, terms: terms, notes: notes, places: places)
    }

    /// Qualitative judgement: the wording of the actual value picks a band; a person scores inside it.
    func qualitative(target: IndicatorValue, actual: IndicatorValue, weight: ExactDecimal, weightValue: Decimal, direction: IndicatorDirection) -> IndicatorScore {
        let terms = ScoreTerms(actualText: actual.text, targetText: target.text)
        guard let bandID = QualitativeJudgement.band(actual: actual.text, target: target.text) else {
            var notes = ["实际完成情况需评价人判断所属档次"]
            if target.kind == .quantitative { notes.append("实际完成值不是数值，无法按公式计分") }
            return IndicatorScore(rule: .qualitativeJudged, direction: direction, weight: weightValue, suggested: nil,
                                  allowedMin: 0, allowedMax: weightValue, terms: terms, notes: notes, places: places)
        }
        let rule: ScoringRule = bandID == "achieved" ? .qualitativeAchieved : (bandID == "partial" ? .qualitativePartial : .qualitativeFailed)
        return banded(bandID, rule: rule, direction: direction, weight: weight, weightValue: weightValue, terms: terms, notes: [])
    }

    func banded(_ bandID: String, rule: ScoringRule, direction: IndicatorDirection, weight: ExactDecimal, weightValue: Decimal,
                terms: ScoreTerms, notes: [String]) -> IndicatorScore {
        guard let band = bands[bandID], let shares = bandShares[bandID],
              let low = ExactDecimal.product(weight, shares.0), let high = ExactDecimal.product(weight, shares.1),
              let exact = ExactDecimal.product(weight, shares.2)
        else {
            return range(rule, weightValue, notes: notes + ["评分规则缺少“\(bandID)”档"])
        }
        var terms = terms
        terms.bandLabel = band.label
        return IndicatorScore(rule: rule, direction: direction, weight: weightValue, suggested: exact.rounded(places: places).decimal,
                              exact: exact.decimal, allowedMin: low.decimal, allowedMax: high.decimal,
                              maxInclusive: band.maxInclusive, terms: terms, notes: notes, places: places)
    }
}
