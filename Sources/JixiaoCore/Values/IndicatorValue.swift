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
    /// The magnitude as an exact integer pair, kept by the parser for fast scoring.
    var exactMagnitude: ExactDecimal?

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

extension IndicatorValue {
    private enum CodingKeys: String, CodingKey {
        case text, kind, comparison, magnitude, unit, deadline, schedule, notes
    }

    /// Reads a plain string (`"≥12个"`) or an object with `text`. The typed fields are always
    /// derived again from the text, so a document cannot carry a parse that contradicts its words.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self = IndicatorValueParser.parse(text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = IndicatorValueParser.parse(try container.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(comparison, forKey: .comparison)
        try container.encodeIfPresent(magnitude?.plainText, forKey: .magnitude)
        try container.encodeIfPresent(unit, forKey: .unit)
        try container.encodeIfPresent(deadline, forKey: .deadline)
        try container.encodeIfPresent(schedule, forKey: .schedule)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }
}
