import Foundation

/// The unit of an indicator value: kept as written, with its normalised base unit and scale.
///
/// `万元` is base `元` with scale 10000; `1.2万件` is base `件` with scale 10000;
/// `％`, `%` and `百分比` are all base `%`.
public struct ValueUnit: Sendable, Hashable, Codable {
    /// The unit exactly as written (without surrounding brackets).
    public var text: String
    /// The normalised base unit, e.g. `元`, `%`, `个`, `次/天`.
    public var base: String
    /// Multiplier from the written unit to the base unit.
    @DecimalString public var scale: Decimal?
    /// The family the base unit belongs to.
    public var family: UnitFamily

    /// The scale as a power of ten (`万` → 4), when it is one; used by the scorer.
    var power: Int?

    private enum CodingKeys: String, CodingKey { case text, base, scale, family }

    public init(text: String, base: String, scale: Decimal = 1, family: UnitFamily) {
        self.text = text
        self.base = base
        self.scale = scale
        self.family = family
        power = Self.power(of: scale)
    }

    /// A unit whose scale is 10^power.
    init(text: String, base: String, power: Int, family: UnitFamily) {
        self.text = text
        self.base = base
        scale = Decimal(sign: .plus, exponent: power, significand: 1)
        self.family = family
        self.power = power
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        base = try container.decode(String.self, forKey: .base)
        _scale = try container.decode(DecimalString.self, forKey: .scale)
        family = try container.decode(UnitFamily.self, forKey: .family)
        power = Self.power(of: scale ?? 1)
    }

    static func power(of scale: Decimal) -> Int? {
        guard let exact = ExactDecimal(scale), exact.mantissa > 0 else { return nil }
        var m = exact.mantissa
        var p = exact.exponent
        while m % 10 == 0 { m /= 10; p += 1 }
        return m == 1 ? p : nil
    }

    /// The multiplier, 1 when not set.
    public var multiplier: Decimal { scale ?? 1 }

    /// True when two units measure the same kind of thing, so that their values compare
    /// (`万元` and `元`; `%` and `%`). Different counting words (`个` and `人`) do not.
    public func isComparable(with other: ValueUnit) -> Bool {
        base == other.base
    }
}

/// Broad families of units, used to decide whether a difference changes the meaning.
public enum UnitFamily: String, Sendable, Hashable, Codable {
    case money
    case percent
    case count
    case duration
    case length
    case area
    case weight
    case volume
    case rate
    case other
}
