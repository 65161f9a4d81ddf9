import Foundation

/// A number as a document printed it: the exact value and how many decimals were printed.
///
/// `9.80` and `9.8` are the same `Decimal`, but a form that printed `9.8` states its value only
/// to one decimal; comparisons with computed values happen at that precision.
public struct PrintedNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public var value: Decimal
    /// Decimals printed after the point.
    public var places: Int
    /// True when printed as a percentage (`98.1%`); `value` is then the percentage number (98.1).
    public var isPercent: Bool
    /// The value as an exact integer pair, for fast scoring.
    var exact: ExactDecimal?

    public init(_ value: Decimal, places: Int? = nil, isPercent: Bool = false) {
        self.value = value
        self.places = places ?? value.decimalPlaces
        self.isPercent = isPercent
        exact = ExactDecimal(value)
    }

    /// Reads `9.8`, `97.30`, `98.1%`, `9,028,372.00`; nil when the text is not a plain number.
    public init?(text: String) {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "％", with: "%")
        var percent = false
        if t.hasSuffix("%") { percent = true; t.removeLast() }
        t = t.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty,
              t.unicodeScalars.allSatisfy({ "0123456789.-+".unicodeScalars.contains($0) }),
              t.filter({ $0 == "." }).count <= 1,
              let value = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        let places = t.firstIndex(of: ".").map { t.distance(from: t.index(after: $0), to: t.endIndex) } ?? 0
        self.init(value, places: places, isPercent: percent)
    }

    /// The number as printed: `9.80`, `98.1%`.
    public var description: String {
        value.fixedText(places: places) + (isPercent ? "%" : "")
    }

    /// True when `computed`, rounded half-up to the printed precision, equals the printed value.
    public func agrees(with computed: Decimal) -> Bool {
        computed.rounded(places: places) == value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let parsed = PrintedNumber(text: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "不是有效的数字：“\(text)”"))
            }
            self = parsed
        } else {
            self.init(try container.decode(Decimal.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
