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

    /// A number read digit by digit: `mantissa × 10^-places`, with its exact form worked out
    /// directly instead of from the `Decimal` (which costs microseconds on Linux).
    package init(mantissa: UInt64, places: Int, negative: Bool, isPercent: Bool) {
        // A negative zero would be NaN in `Decimal`'s representation.
        value = Decimal(sign: negative && mantissa != 0 ? .minus : .plus, exponent: -places, significand: Decimal(mantissa))
        self.places = places
        self.isPercent = isPercent
        exact = mantissa < UInt64(Int64.max) ? ExactDecimal(compacting: negative ? -Int64(mantissa) : Int64(mantissa), exponent: -places) : nil
    }

    /// What a byte scan of printed text found.
    package enum Scan {
        /// The usual shape `-9,028,372.00%`, read exactly.
        case number(PrintedNumber)
        /// Letters or Chinese, or a sign, point or percent out of place: not a plain number.
        case notNumber
        /// Spaces, full-width signs or very long digits: for the general reader to decide.
        case unusual
    }

    /// Scans the text once on its bytes.
    package static func scan(_ text: String) -> Scan {
        var mantissa: UInt64 = 0, digits = 0, places = 0
        var negative = false, point = false, percent = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !percent, digits < 18 else { return .unusual }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if point { places += 1 }
            case UInt8(ascii: "."): if point || percent { return .notNumber }; point = true
            case UInt8(ascii: ","): if point || percent { return .notNumber }
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index != 0 { return .notNumber }; negative = byte == UInt8(ascii: "-")
            case UInt8(ascii: "%"): if percent { return .notNumber }; percent = true
            case 0x20, 0x09, 0x0A, 0x0D, 0x80...0xE3, 0xEA...0xFF: return .unusual  // spaces, `，％` and other signs
            default: return .notNumber
            }
        }
        guard digits > 0 else { return .notNumber }
        return .number(PrintedNumber(mantissa: mantissa, places: places, negative: negative, isPercent: percent))
    }

    /// Reads `9.8`, `97.30`, `98.1%`, `9,028,372.00`; nil when the text is not a plain number.
    public init?(text: String) {
        if case .number(let number) = PrintedNumber.scan(text) { self = number; return }
        // Full-width digits and signs (typed with a Chinese input method) are the same digits.
        var t = String(String.UnicodeScalarView(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) || scalar == "．" || scalar == "－" || scalar == "＋"
                ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
        }))
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

    /// `self ≤ other` by value, on the exact form when both have one.
    package func isAtMost(_ other: PrintedNumber) -> Bool {
        if let a = exact, let b = other.exact { return ExactDecimal.compare(a, b) <= 0 }
        return value <= other.value
    }

    /// Equal when value, printed places and percent sign agree; `exact` is a cache of `value`.
    public static func == (a: PrintedNumber, b: PrintedNumber) -> Bool {
        a.value == b.value && a.places == b.places && a.isPercent == b.isPercent
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(places)
        hasher.combine(isPercent)
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
