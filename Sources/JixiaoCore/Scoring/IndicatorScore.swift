import Foundation

/// What the engine says about one indicator: suggested score, allowed range, rule, explanation.
public struct IndicatorScore: Sendable, Hashable {
    public var rule: ScoringRule
    public var direction: IndicatorDirection?
    public var weight: Decimal?
    /// Suggested score at the profile's places (half-up); nil when it cannot be computed.
    public var suggested: Decimal?
    /// The suggested score at 6 decimals, for comparing with values printed at other precisions.
    public var exact: Decimal?
    /// Lowest allowed score.
    public var allowedMin: Decimal?
    /// Highest allowed score.
    public var allowedMax: Decimal?
    /// False when `allowedMax` itself is excluded (`[60 %, 80 %)` bands).
    public var maxInclusive: Bool
    /// The figures the rule used, for the explanation.
    public var terms: ScoreTerms
    /// The indicator does not count (not applicable).
    public var isApplicable: Bool
    /// Remarks: unit differences, guesses, over-achievement that needs explaining.
    public var notes: [String]
    /// Decimals of a score under the profile: the suggestion and the shown bounds are rounded to them.
    public var places: Int

    public init(rule: ScoringRule, direction: IndicatorDirection? = nil, weight: Decimal?, suggested: Decimal?,
                exact: Decimal? = nil, allowedMin: Decimal?, allowedMax: Decimal?, maxInclusive: Bool = true,
                terms: ScoreTerms = ScoreTerms(), isApplicable: Bool = true, notes: [String] = [], places: Int = 2) {
        self.rule = rule
        self.direction = direction
        self.weight = weight
        self.suggested = suggested
        self.exact = exact ?? suggested
        self.allowedMin = allowedMin
        self.allowedMax = allowedMax
        self.maxInclusive = maxInclusive
        self.terms = terms
        self.isApplicable = isApplicable
        self.notes = notes
        self.places = places
    }

    /// The one rule for a score against its range (docs/scoring.md):
    /// - the bounds are rounded half-up to the score's places (`places`, the profile's), and that is the range shown;
    /// - a score is allowed when it lies within the shown bounds, strictly below an excluded upper bound
    ///   (`[60 %, 80 %)` bands: 4 is not in `[3, 4)`);
    /// - the suggested score is always allowed.
    public func allows(_ score: PrintedNumber) -> Bool {
        if let suggested, score.value == suggested { return true }
        if let low = shownMin, score.value < low { return false }
        if let high = shownMax, maxInclusive ? score.value > high : score.value >= high { return false }
        return true
    }

    /// The lowest allowed score as shown: rounded half-up to `places`.
    public var shownMin: Decimal? { allowedMin?.rounded(places: places) }

    /// The highest allowed score as shown: rounded half-up to `places`.
    public var shownMax: Decimal? { allowedMax?.rounded(places: places) }

    /// The range as text: `[4, 5]`, `[3, 4)`.
    public var rangeText: String {
        guard let allowedMin, let allowedMax else { return "—" }
        return "[\(allowedMin.shortText(places: places)), \(allowedMax.shortText(places: places))\(maxInclusive ? "]" : ")")"
    }

    /// The range in words for people who fill forms: `0 至 4.95 分`, `3 至 4 分（不含 4）`.
    public var rangeWords: String {
        guard let low = shownMin, let high = shownMax else { return "—" }
        return "\(low.plainText) 至 \(high.plainText) 分" + (maxInclusive ? "" : "（不含 \(high.plainText)）")
    }
}

/// The numbers and words a rule worked with.
public struct ScoreTerms: Sendable, Hashable {
    public var actual: Decimal?
    public var target: Decimal?
    /// Deviation (a − t) ÷ t, when over-achievement rules looked at it.
    public var deviation: Decimal?
    public var unit: String?
    /// The qualitative band's label (`达成年度指标` …), when a band applied.
    public var bandLabel: String?
    public var actualText: String?
    public var targetText: String?
    /// The lowest share of the weight an over-achievement deduction leaves.
    public var floor: Decimal?

    public init(actual: Decimal? = nil, target: Decimal? = nil, deviation: Decimal? = nil, unit: String? = nil,
                bandLabel: String? = nil, actualText: String? = nil, targetText: String? = nil) {
        self.actual = actual
        self.target = target
        self.deviation = deviation
        self.unit = unit
        self.bandLabel = bandLabel
        self.actualText = actualText
        self.targetText = targetText
    }
}
