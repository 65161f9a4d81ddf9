import Foundation

/// The values a printed figure can stand for: `12.81` printed to 2 places is anything in
/// [12.805, 12.815]. Arithmetic on ranges tells whether printed figures can be consistent —
/// the checks report an error only when no choice of the hidden digits makes them agree.
public struct PrintedRange: Sendable, Hashable {
    public var low: Decimal
    public var high: Decimal

    public init(low: Decimal, high: Decimal) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    /// The range of a printed number (a percent stays in percent points).
    public init(_ number: PrintedNumber) {
        let half = Decimal(sign: .plus, exponent: -number.places, significand: 5) / 10
        self.init(low: number.value - half, high: number.value + half)
    }

    /// An exact figure (a count).
    public init(exactly value: Decimal) { self.init(low: value, high: value) }

    public static func + (a: PrintedRange, b: PrintedRange) -> PrintedRange { .init(low: a.low + b.low, high: a.high + b.high) }
    public static func - (a: PrintedRange, b: PrintedRange) -> PrintedRange { .init(low: a.low - b.high, high: a.high - b.low) }

    /// a ÷ b as a percent, when b cannot be zero.
    public func percent(of base: PrintedRange) -> PrintedRange? {
        guard base.low > 0 || base.high < 0 else { return nil }
        let candidates = [low / base.low, low / base.high, high / base.low, high / base.high].map { $0 * 100 }
        return PrintedRange(low: candidates.min()!, high: candidates.max()!)
    }

    public func overlaps(_ other: PrintedRange) -> Bool { low <= other.high && other.low <= high }

    /// The middle, for messages.
    public var middle: Decimal { (low + high) / 2 }
}

extension Sequence where Element == PrintedRange {
    /// The range of a sum.
    public func total() -> PrintedRange { reduce(PrintedRange(exactly: 0), +) }
}
