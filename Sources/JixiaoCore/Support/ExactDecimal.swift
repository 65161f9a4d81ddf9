import Foundation

/// A small exact decimal (`mantissa × 10^exponent`) for the hot paths of parsing and scoring.
///
/// Foundation's `Decimal` division costs microseconds on Linux; scoring a million indicators a
/// second needs integer arithmetic. Results are converted back to `Decimal` at the boundary.
/// Every operation is exact or reports that it cannot be (nil), so callers fall back to `Decimal`.
struct ExactDecimal: Sendable, Hashable {
    var mantissa: Int64
    var exponent: Int

    init(mantissa: Int64, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// Exact conversion from `Decimal`; nil when the mantissa needs more than 63 bits.
    init?(_ value: Decimal) {
        if value.isNaN { return nil }
        if value.isZero { self.init(mantissa: 0, exponent: 0); return }
        let significand = value.significand
        let magnitude = NSDecimalNumber(decimal: significand).int64Value
        guard magnitude > 0, magnitude < Int64.max / 10, Decimal(magnitude) == significand else { return nil }
        self.init(mantissa: value.sign == .minus ? -magnitude : magnitude, exponent: value.exponent)
    }

    /// The value `mantissa × 10^exponent` in the form `init(_: Decimal)` gives for the same number:
    /// `Decimal` drops trailing zeros of the mantissa (`1000e-2` is kept as `1e1`), and zero is `0e0`.
    /// Nil when the mantissa needs more than 63 bits, as there.
    init?(compacting mantissa: Int64, exponent: Int) {
        if mantissa == 0 { self.init(mantissa: 0, exponent: 0); return }
        var m = mantissa.magnitude, e = exponent
        while m % 10 == 0 { m /= 10; e += 1 }
        guard m < UInt64(Int64.max / 10) else { return nil }
        self.init(mantissa: mantissa < 0 ? -Int64(m) : Int64(m), exponent: e)
    }

    /// The same value as a Foundation `Decimal`.
    var decimal: Decimal {
        if mantissa == 0 { return 0 }
        let sign: FloatingPointSign = mantissa < 0 ? .minus : .plus
        return Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa.magnitude))
    }

    var isZero: Bool { mantissa == 0 }
    var isNegative: Bool { mantissa < 0 }

    static let ten: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 0..<36 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    static let ten64: [Int64] = (0...18).map { Int64(ten[$0]) }

    /// The mantissa scaled to exponent `e` in 64 bits, when it fits.
    @inline(__always) private static func scaled64(_ v: ExactDecimal, to e: Int) -> Int64? {
        let shift = v.exponent - e
        if shift == 0 { return v.mantissa }
        guard shift > 0, shift < 19 else { return nil }
        let (r, o) = v.mantissa.multipliedReportingOverflow(by: ten64[shift])
        return o ? nil : r
    }

    /// Compares two values exactly.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let e = min(a.exponent, b.exponent)
        if let x = scaled64(a, to: e), let y = scaled64(b, to: e) { return x < y ? -1 : (x > y ? 1 : 0) }
        let (x, y) = aligned(a, b)
        guard let x, let y else {
            let (da, db) = (a.decimal, b.decimal)
            return da < db ? -1 : (da > db ? 1 : 0)
        }
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// Both mantissas scaled to the smaller exponent, as 128-bit integers.
    private static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int128?, Int128?) {
        let e = min(a.exponent, b.exponent)
        return (scaled(a, to: e), scaled(b, to: e))
    }

    private static func scaled(_ v: ExactDecimal, to e: Int) -> Int128? {
        let shift = v.exponent - e
        guard shift >= 0, shift < ten.count else { return nil }
        let (r, o) = Int128(v.mantissa).multipliedReportingOverflow(by: ten[shift])
        return o ? nil : r
    }

    /// `(n1 × n2) ÷ d`, rounded half-up to `places` decimals; nil on overflow.
    static func productQuotient(_ n1: ExactDecimal, _ n2: ExactDecimal, _ d: ExactDecimal, places: Int) -> ExactDecimal? {
        guard !d.isZero else { return nil }
        var numerator = Int128(n1.mantissa) * Int128(n2.mantissa)
        var denominator = Int128(d.mantissa)
        // value = numerator / denominator × 10^(e1 + e2 − ed); want result × 10^places
        let shift = n1.exponent + n2.exponent - d.exponent + places
        if shift >= 0 {
            guard shift < ten.count else { return nil }
            let (r, o) = numerator.multipliedReportingOverflow(by: ten[shift])
            if o { return nil }
            numerator = r
        } else {
            guard -shift < ten.count else { return nil }
            let (r, o) = denominator.multipliedReportingOverflow(by: ten[-shift])
            if o { return nil }
            denominator = r
        }
        if denominator < 0 { numerator = -numerator; denominator = -denominator }
        // Most figures fit 64 bits, whose division is several times cheaper than 128-bit division.
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator), n != Int64.min {
            var q = n / d
            let r = n % d
            if r.magnitude * 2 >= d.magnitude { q += n < 0 ? -1 : 1 }
            return ExactDecimal(mantissa: q, exponent: -places)
        }
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        var rounded = quotient
        if remainder.magnitude * 2 >= denominator.magnitude {
            rounded += numerator < 0 ? -1 : 1
        }
        guard rounded.magnitude < UInt128(Int64.max) else { return nil }
        return ExactDecimal(mantissa: Int64(rounded), exponent: -places)
    }

    /// `a − b`, exact; nil on overflow.
    static func difference(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let e = min(a.exponent, b.exponent)
        if let x = scaled64(a, to: e), let y = scaled64(b, to: e) {
            let (r, o) = x.subtractingReportingOverflow(y)
            if !o && r.magnitude < UInt64(Int64.max) { return ExactDecimal(mantissa: r, exponent: e) }
        }
        guard let x = scaled(a, to: e), let y = scaled(b, to: e) else { return nil }
        let r = x - y
        guard r.magnitude < UInt128(Int64.max) else { return nil }
        return ExactDecimal(mantissa: Int64(r), exponent: e)
    }
}

extension ExactDecimal {
    /// `a × b`, exact; nil on overflow.
    static func product(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let (r, o) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        return o ? nil : ExactDecimal(mantissa: r, exponent: a.exponent + b.exponent)
    }

    /// Rounded half-up to `places` decimals.
    func rounded(places: Int) -> ExactDecimal {
        let drop = -exponent - places
        guard drop > 0 else { return self }
        guard drop < 19 else { return ExactDecimal(mantissa: 0, exponent: -places) }
        let divisor = Int64(ExactDecimal.ten[drop])
        var q = mantissa / divisor
        let r = mantissa % divisor
        if r.magnitude * 2 >= divisor.magnitude { q += mantissa < 0 ? -1 : 1 }
        return ExactDecimal(mantissa: q, exponent: -places)
    }

    static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }
    static func <= (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) <= 0 }

    static let zero = ExactDecimal(mantissa: 0, exponent: 0)
    static let one = ExactDecimal(mantissa: 1, exponent: 0)
}
