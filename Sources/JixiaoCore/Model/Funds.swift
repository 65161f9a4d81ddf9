import Foundation

/// 项目资金 in a target declaration: 资金总额 = 财政拨款 + 上年结转 + 其他资金.
public struct Funds: Sendable, Hashable, Codable {
    @Default<YuanByDefault> public var unit: MoneyUnit
    /// 项目资金总额 / 年度资金申请总额
    public var total: PrintedNumber?
    /// 当年财政拨款 (财政资金)
    public var fiscal: PrintedNumber?
    /// 上年结转资金
    public var carryOver: PrintedNumber?
    /// 其他资金
    public var other: PrintedNumber?
    /// 项目总金额 over the project's whole life (中期规划), when the form gives it beside the year's.
    public var projectTotal: PrintedNumber?
    public var source: SourceLocation?

    public init(unit: MoneyUnit, total: PrintedNumber? = nil, fiscal: PrintedNumber? = nil,
                carryOver: PrintedNumber? = nil, other: PrintedNumber? = nil, source: SourceLocation? = nil) {
        self.unit = unit
        self.total = total
        self.fiscal = fiscal
        self.carryOver = carryOver
        self.other = other
        self.source = source
    }

    /// 资金总额 in 元, when stated.
    public var totalYuan: Decimal? {
        total.map { unit.convert($0.value, to: .yuan) }
    }
}
