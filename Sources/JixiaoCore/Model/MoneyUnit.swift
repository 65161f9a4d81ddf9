import Foundation

/// The unit a form states its amounts in.
public enum MoneyUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case yuan = "元"
    case tenThousandYuan = "万元"
    case hundredMillionYuan = "亿元"

    /// How many 元 one of this unit is.
    public var yuanPerUnit: Decimal {
        switch self {
        case .yuan: return 1
        case .tenThousandYuan: return 10_000
        case .hundredMillionYuan: return 100_000_000
        }
    }

    /// Converts an amount exactly from this unit to another.
    public func convert(_ amount: Decimal, to other: MoneyUnit) -> Decimal {
        if self == other { return amount }
        return amount * yuanPerUnit / other.yuanPerUnit
    }
}
