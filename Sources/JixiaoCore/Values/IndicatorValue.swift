import Foundation

/// A parsed 指标值 or 实际完成值. The original text is always kept.
///
/// The fields live in one shared, copy-on-write box: values are copied far more often than changed
/// (into indicators, into scores, across documents), and a copy is then one reference, not 200 bytes.
public struct IndicatorValue: Sendable, Hashable, Codable {
    final class Storage: @unchecked Sendable {
        // Changed only through `IndicatorValue`'s setters, after `isKnownUniquelyReferenced`.
        var text: String
        var kind: ValueKind
        var comparison: Comparison?
        var magnitude: Decimal?
        var unit: ValueUnit?
        var deadline: Deadline?
        var schedule: String?
        var notes: [String]
        var exactMagnitude: ExactDecimal?

        init(text: String, kind: ValueKind, comparison: Comparison?, magnitude: Decimal?, unit: ValueUnit?, deadline: Deadline?,
             schedule: String?, notes: [String], exactMagnitude: ExactDecimal?) {
            self.text = text
            self.kind = kind
            self.comparison = comparison
            self.magnitude = magnitude
            self.unit = unit
            self.deadline = deadline
            self.schedule = schedule
            self.notes = notes
            self.exactMagnitude = exactMagnitude
        }

        func copy() -> Storage {
            Storage(text: text, kind: kind, comparison: comparison, magnitude: magnitude, unit: unit, deadline: deadline,
                    schedule: schedule, notes: notes, exactMagnitude: exactMagnitude)
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The text exactly as written.
    public var text: String {
        get { storage.text }
        set { unique().text = newValue }
    }
    public var kind: ValueKind {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    public var comparison: Comparison? {
        get { storage.comparison }
        set { unique().comparison = newValue }
    }
    /// The number as written (before unit scaling): `1.2` for `1.2万件`.
    public var magnitude: Decimal? {
        get { storage.magnitude }
        set { unique().magnitude = newValue }
    }
    public var unit: ValueUnit? {
        get { storage.unit }
        set { unique().unit = newValue }
    }
    public var deadline: Deadline? {
        get { storage.deadline }
        set { unique().deadline = newValue }
    }
    /// For schedules: the normalised wording (`每月`, `及时`, `1个月内`).
    public var schedule: String? {
        get { storage.schedule }
        set { unique().schedule = newValue }
    }
    /// Remarks of the parser: what it had to guess or tolerate, in Chinese.
    public var notes: [String] {
        get { storage.notes }
        set { unique().notes = newValue }
    }
    /// The magnitude as an exact integer pair, kept by the parser for fast scoring.
    var exactMagnitude: ExactDecimal? {
        get { storage.exactMagnitude }
        set { unique().exactMagnitude = newValue }
    }

    public init(
        text: String, kind: ValueKind, comparison: Comparison? = nil, magnitude: Decimal? = nil,
        unit: ValueUnit? = nil, deadline: Deadline? = nil, schedule: String? = nil, notes: [String] = []
    ) {
        storage = Storage(text: text, kind: kind, comparison: comparison, magnitude: magnitude, unit: unit, deadline: deadline,
                          schedule: schedule, notes: notes, exactMagnitude: nil)
    }

    init(text: String, kind: ValueKind, comparison: Comparison?, magnitude: Decimal?, exactMagnitude: ExactDecimal?,
         unit: ValueUnit?, notes: [String]) {
        storage = Storage(text: text, kind: kind, comparison: comparison, magnitude: magnitude, unit: unit, deadline: nil,
                          schedule: nil, notes: notes, exactMagnitude: exactMagnitude)
    }

    public static func == (lhs: IndicatorValue, rhs: IndicatorValue) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let a = lhs.storage, b = rhs.storage
        return a.text == b.text && a.kind == b.kind && a.comparison == b.comparison && a.magnitude == b.magnitude && a.unit == b.unit
            && a.deadline == b.deadline && a.schedule == b.schedule && a.notes == b.notes && a.exactMagnitude == b.exactMagnitude
    }

    public func hash(into hasher: inout Hasher) {
        let a = storage
        hasher.combine(a.text)
        hasher.combine(a.kind)
        hasher.combine(a.comparison)
        hasher.combine(a.magnitude)
        hasher.combine(a.unit)
        hasher.combine(a.deadline)
        hasher.combine(a.schedule)
        hasher.combine(a.notes)
        hasher.combine(a.exactMagnitude)
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
