import Foundation

extension IndicatorScorer {
    /// Positive, reverse and equality targets with a numeric actual value.
    func quantitative(target: IndicatorValue, actual: IndicatorValue, weight w: ExactDecimal, weightValue: Decimal) -> IndicatorScore {
        var notes: [String] = []
        let targetUnit = target.unit
        let actualUnit = actual.unit ?? targetUnit
        if let tu = targetUnit, let au = actual.unit, !tu.isComparable(with: au) {
            if tu.family == au.family, tu.family == .count || tu.family == .other {
                notes.append("目标单位“\(tu.text)”与实际单位“\(au.text)”不一致，按数值比较")
            } else {
                return range(.unitMismatch, weightValue, notes: ["目标单位“\(tu.text)”与实际单位“\(au.text)”不可比，需人工评分"])
            }
        }
        guard let tm = target.exactMagnitude ?? target.magnitude.flatMap(ExactDecimal.init),
              let am = actual.exactMagnitude ?? actual.magnitude.flatMap(ExactDecimal.init),
              let ts = Self.exactScale(targetUnit ?? actualUnit), let asc = Self.exactScale(actualUnit),
              let t = ExactDecimal.product(tm, ts), let a = ExactDecimal.product(am, asc)
        else { return range(.unitMismatch, weightValue, notes: ["数值超出可计算范围"]) }
        if let c = actual.comparison, c != .equal {
            notes.append("实际完成值带比较符号“\(c.rawValue)”，按其数值计")
        }
        // Show figures in the target's own unit: 70 ÷ 80, not 700000 ÷ 800000.
        let sameScale = ExactDecimal.compare(ts, asc) == 0
        let shownActual = sameScale ? am : (ExactDecimal.productQuotient(a, .one, ts, places: Self.exactPlaces) ?? a)
        // The parser's own Decimals when they are the figures shown, rather than converting again.
        var terms = ScoreTerms(actual: sameScale ? (actual.magnitude ?? am.decimal) : shownActual.decimal, target: target.magnitude ?? tm.decimal,
                               unit: (targetUnit ?? actualUnit)?.text, actualText: actual.text, targetText: target.text)
        let direction = target.comparison?.direction ?? .equality

        switch direction {
        case .reverse:
            if a <= t {
                return finish(.reverseMet, .reverse, weightValue: weightValue, exact: w, terms: terms, notes: notes)
            }
            if t.isZero || a.isZero {
                return finish(.reversePartial, .reverse, weightValue: weightValue, exact: .zero, terms: terms, notes: notes)
            }
            switch profile.reverseRule {
            case .ratio:
                let s = ExactDecimal.productQuotient(t, w, a, places: Self.exactPlaces) ?? .zero
                return finish(.reversePartial, .reverse, weightValue: weightValue, exact: s, terms: terms, notes: notes)
            case .linear:
                // w × (1 − (a − t) ÷ t), 0 from 2t
                let over = ExactDecimal.difference(a, t).flatMap { ExactDecimal.productQuotient($0, .one, t, places: Self.exactPlaces) } ?? .one
                let factor = ExactDecimal.difference(.one, over) ?? .zero
                let s = factor.isNegative ? .zero : (ExactDecimal.product(w, factor)?.rounded(places: Self.exactPlaces) ?? .zero)
                terms.deviation = over.decimal
                return finish(.reverseLinear, .reverse, weightValue: weightValue, exact: s, terms: terms, notes: notes)
            }
        case .equality where t.isZero:
            let s = a <= .zero ? w : .zero
            return finish(.equalityZero, .equality, weightValue: weightValue, exact: s, terms: terms, notes: notes)
        case .equality where profile.equalityRule == .deviation:
            if ExactDecimal.compare(a, t) == 0 {
                return finish(.equalityMet, .equality, weightValue: weightValue, exact: w, terms: terms, notes: notes)
            }
            let gap = ExactDecimal.difference(a, t) ?? .zero
            let absGap = gap.isNegative ? gap.negated : gap
            let deviation = ExactDecimal.productQuotient(absGap, .one, t, places: Self.exactPlaces) ?? .one
            let factor = ExactDecimal.difference(.one, deviation) ?? .zero
            let s = factor.isNegative ? .zero : (ExactDecimal.product(w, factor)?.rounded(places: Self.exactPlaces) ?? .zero)
            terms.deviation = deviation.decimal
            return finish(.equalityDeviation, .equality, weightValue: weightValue, exact: s, terms: terms, notes: notes)
        default:
            return positive(a: a, t: t, w: w, weightValue: weightValue, direction: direction, terms: terms, notes: notes)
        }
    }

    /// `≥ t` (and `= t` scored as `≥ t`): full when met, a ÷ t × w when not; over-achievement per profile.
    @inline(__always)
    func positive(a: ExactDecimal, t: ExactDecimal, w: ExactDecimal, weightValue: Decimal, direction: IndicatorDirection,
                  terms: consuming ScoreTerms, notes: consuming [String]) -> IndicatorScore {
        var terms = terms
        var notes = notes
        if a < t {
            let s = (t.isZero || a.isNegative) ? .zero : (ExactDecimal.productQuotient(a, w, t, places: Self.exactPlaces) ?? .zero)
            return finish(.positivePartial, direction, weightValue: weightValue, exact: s, terms: terms, notes: notes)
        }
        let metRule: ScoringRule = direction == .equality && ExactDecimal.compare(a, t) == 0 ? .equalityMet : .positiveMet
        guard !t.isZero, ExactDecimal.compare(a, t) > 0,
              let deviation = ExactDecimal.difference(a, t).flatMap({ ExactDecimal.productQuotient($0, .one, t, places: Self.exactPlaces) })
        else {
            return finish(metRule, direction, weightValue: weightValue, exact: w, terms: terms, notes: notes)
        }
        terms.deviation = deviation.decimal
        switch profile.overAchievement.mode {
        case .deduct:
            if let tolerance, tolerance < deviation {
                let factor = ExactDecimal.difference(.one, deviation) ?? .zero
                let share = factor < floor ? floor : factor
                let s = ExactDecimal.product(w, share)?.rounded(places: Self.exactPlaces) ?? w
                terms.floor = floor.decimal
                return finish(.overAchievementDeducted, direction, weightValue: weightValue, exact: s, terms: terms, notes: notes)
            }
        case .full:
            if let explainFrom, let ratio = ExactDecimal.difference(deviation, ExactDecimal.one.negated), explainFrom <= ratio {
                notes.append("实际为目标的\(ratio.decimal.percentText(places: 1))，超额完成需说明原因")
                return finish(.overAchievementFull, direction, weightValue: weightValue, exact: w, terms: terms, notes: notes)
            }
        }
        return finish(metRule, direction, weightValue: weightValue, exact: w, terms: terms, notes: notes)
    }
}

extension IndicatorScorer {
    /// Unit scales are 1 or powers of ten; the common ones are answered without conversion.
    static func exactScale(_ unit: ValueUnit?) -> ExactDecimal? {
        guard let unit else { return .one }
        if let power = unit.power { return ExactDecimal(mantissa: 1, exponent: power) }
        return ExactDecimal(unit.multiplier)
    }
}

extension ExactDecimal {
    var negated: ExactDecimal { ExactDecimal(mantissa: -mantissa, exponent: exponent) }
}
