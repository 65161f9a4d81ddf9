import Foundation

/// A parsed 指标值 or 实际完成值. The original text is always kept.
public struct IndicatorValue: Sendable, Hashable, Codable {
    /// The text exactly as written.
    public var text: String
    public var kind: ValueKind
    public var comparison: Comparison?
    /// The number as written (before unit scaling): `1.2` for `1.2万件`.
    @DecimalString public var magnitude: Decimal?
    public var unit: ValueUnit?
    public var deadline: Deadline?
    /// For schedules: the normalised wording (`每月`, `及时`, `1个月内`).
    public var schedule: String?
    /// Remarks of the parser: what it had to guess or tolerate, in Chinese.
    public var notes: [String]

    public init(
        text: String, kind: ValueKind, comparison: Comparison? = nil, magnitude: Decimal? = nil,
        unit: ValueUnit? = nil, deadline: Deadline? = nil, schedule: String? = nil, notes: [String] = []
    ) {
        self.text = text
        self.kind = kind
        self.comparison = comparison
        self.magnitude = magnitude
        self.unit = unit
        self.deadline = deadline
        self.schedule = schedule
        self.notes = notes
    }

    /// Parses text with the default parser.
    public init(parsing text: String) {
        self = IndicatorValueParser.parse(text)
    }

    /// The magnitude in base units (`67.5万元` → 675000); nil when not quantitative.
    public var baseMagnitude: Decimal? {
        guard let magnitude else { return nil }
        return magnitude * (unit?.multiplier ?? 1)
    }

    /// True for values that carry something to score against.
    public var isFilled: Bool {
        switch kind {
        case .empty, .unfilledTemplate: return false
        default: return true
        }
    }
}
