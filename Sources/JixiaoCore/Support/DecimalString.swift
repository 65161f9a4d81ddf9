import Foundation

/// Stores an optional `Decimal` that is written to JSON as a string (`"9.80"`),
/// never as a binary floating-point number. Reading accepts a string or a JSON number.
@propertyWrapper
public struct DecimalString: Sendable, Hashable, Codable {
    public var wrappedValue: Decimal?

    public init(wrappedValue: Decimal?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = nil
        } else if let text = try? container.decode(String.self) {
            wrappedValue = try Self.parse(text, codingPath: decoder.codingPath)
        } else {
            wrappedValue = try container.decode(Decimal.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue {
            try container.encode(value.plainText)
        } else {
            try container.encodeNil()
        }
    }

    /// Parses decimal text such as `-12.50` or `9,028,372.00`; an empty string is no value.
    static func parse(_ text: String, codingPath: [any CodingKey]) throws -> Decimal? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let printed = PrintedNumber(text: text), !printed.isPercent else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath,
                debugDescription: "不是有效的数字：“\(text)”"))
        }
        return printed.value
    }
}

extension KeyedDecodingContainer {
    /// A missing key reads as no value.
    public func decode(_ type: DecimalString.Type, forKey key: Key) throws -> DecimalString {
        try decodeIfPresent(type, forKey: key) ?? DecimalString(wrappedValue: nil)
    }
}

extension KeyedEncodingContainer {
    /// No value is left out of the JSON rather than written as null.
    public mutating func encode(_ value: DecimalString, forKey key: Key) throws {
        if value.wrappedValue != nil { try encodeIfPresent(value, forKey: key) }
    }
}
