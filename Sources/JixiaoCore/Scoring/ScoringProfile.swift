import Foundation

/// A named set of scoring rules (domain.md §4), loaded from a JSON data file.
public struct ScoringProfile: Sendable, Hashable, Codable {
    /// Stable identifier: `national`, `shanxi`.
    public var id: String
    /// Chinese name for reports.
    public var name: String
    public var description: String
    /// Default 一级 weights and the budget-execution weight; a form may deviate (a warning).
    public var weights: DefaultWeights
    /// Allowed gap between the sum of weights and 100 (2-decimal rounding such as 165 × 0.55).
    @DecimalString public var weightTolerance: Decimal?
    public var execution: ExecutionRule
    public var reverseRule: ReverseRule
    public var equalityRule: EqualityRule
    public var overAchievement: OverAchievementRule
    /// Score band used when a deadline was missed.
    public var lateBand: String
    /// 达成 / 部分达成 / 未达成 bands for qualitative indicators.
    public var qualitativeBands: [QualitativeBand]
    /// Drop not-applicable indicators and rescale the total to 100.
    public var rescaleNotApplicable: Bool
    /// Decimals of shown scores (half-up).
    public var scorePlaces: Int
    /// Grade cut-offs: a total at or above `min` gets the grade; highest first.
    public var grades: [GradeCutoff]

    /// The grade of a total.
    public func grade(for total: Decimal) -> Grade? {
        for cutoff in grades.sorted(by: { ($0.min ?? 0) > ($1.min ?? 0) }) where total >= (cutoff.min ?? 0) {
            return cutoff.grade
        }
        return nil
    }

    /// The band with an identifier (`achieved`, `partial`, `failed`).
    public func band(_ id: String) -> QualitativeBand? {
        qualitativeBands.first { $0.id == id }
    }
}

/// Default weights of the blocks of a self-evaluation.
public struct DefaultWeights: Sendable, Hashable, Codable {
    @DecimalString public var execution: Decimal?
    @DecimalString public var output: Decimal?
    /// 成本 as its own 一级 (2021 layout); nil when 成本 is counted in 产出.
    @DecimalString public var cost: Decimal?
    @DecimalString public var effect: Decimal?
    @DecimalString public var satisfaction: Decimal?

    /// The default weight of a 一级 category in a layout.
    public func weight(of level1: Level1Category) -> Decimal? {
        switch level1 {
        case .output: return output
        case .cost: return cost
        case .effect: return effect
        case .satisfaction: return satisfaction
        }
    }
}

/// How the budget execution block is scored: min(B/A, 1) × weight.
public struct ExecutionRule: Sendable, Hashable, Codable {
    /// Cap the rate at 100 % before scoring.
    public var capAtFull: Bool
    /// Decimals of the execution rate in percent for explanations.
    public var ratePlaces: Int
}

/// Reverse indicators (≤ t) that were not met.
public enum ReverseRule: String, Sendable, Hashable, Codable {
    /// t ÷ a × weight
    case ratio
    /// weight × (1 − (a − t) ÷ t), 0 from 2t
    case linear
}

/// Equality indicators (= t, t ≠ 0).
public enum EqualityRule: String, Sendable, Hashable, Codable {
    /// Scored as ≥ t.
    case asPositive = "as_positive"
    /// weight × max(0, 1 − |a − t| ÷ t)
    case deviation
}

/// What happens when a positive target is exceeded.
public struct OverAchievementRule: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable {
        /// Full marks; an explanation is expected from `explainFrom`.
        case full
        /// Beyond `tolerance` over the target: weight × max(floor, 1 − deviation).
        case deduct
    }
    public var mode: Mode
    /// Deviation (a − t) ÷ t allowed before deduction, e.g. 0.2.
    @DecimalString public var tolerance: Decimal?
    /// The lowest share of the weight a deduction leaves, e.g. 0.5.
    @DecimalString public var floor: Decimal?
    /// Ratio a ÷ t from which an explanation of the over-achievement is required, e.g. 1.3.
    @DecimalString public var explainFrom: Decimal?
}

/// A band of the weight for qualitative judgement: [min, max] or [min, max).
public struct QualitativeBand: Sendable, Hashable, Codable {
    public var id: String
    /// `达成年度指标`, `部分达成年度指标并具有一定效果`, `未达成年度指标且效果较差`.
    public var label: String
    @DecimalString public var min: Decimal?
    @DecimalString public var max: Decimal?
    public var maxInclusive: Bool
    /// The share of the weight suggested inside the band.
    @DecimalString public var suggest: Decimal?
}

/// A grade and the lowest total that earns it.
public struct GradeCutoff: Sendable, Hashable, Codable {
    public var grade: Grade
    @DecimalString public var min: Decimal?
}
