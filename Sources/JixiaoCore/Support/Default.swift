/// Supplies the value a `@Default` field takes when its JSON key is absent.
public protocol DefaultValueProvider {
    associatedtype Value: Codable & Sendable & Hashable
    static var defaultValue: Value { get }
}

/// A stored value whose JSON key may be left out; it then takes `Provider.defaultValue`.
@propertyWrapper
public struct Default<Provider: DefaultValueProvider>: Codable, Sendable, Hashable {
    public var wrappedValue: Provider.Value

    public init(wrappedValue: Provider.Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? Provider.defaultValue : try container.decode(Provider.Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// A missing key takes the provider's default.
    public func decode<P>(_ type: Default<P>.Type, forKey key: Key) throws -> Default<P> {
        try decodeIfPresent(type, forKey: key) ?? Default(wrappedValue: P.defaultValue)
    }
}

/// An empty list.
public enum EmptyList<Element: Codable & Sendable & Hashable>: DefaultValueProvider {
    public static var defaultValue: [Element] { [] }
}

/// Amounts in 万元 unless the document says otherwise.
public enum TenThousandYuanByDefault: DefaultValueProvider {
    public static var defaultValue: MoneyUnit { .tenThousandYuan }
}

/// Amounts in 元 unless the document says otherwise (target declarations).
public enum YuanByDefault: DefaultValueProvider {
    public static var defaultValue: MoneyUnit { .yuan }
}

/// The classic layout unless the document says otherwise.
public enum ClassicLayoutByDefault: DefaultValueProvider {
    public static var defaultValue: IndicatorLayout { .classic }
}
