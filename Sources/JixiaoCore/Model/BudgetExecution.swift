import Foundation

/// 预算执行情况 of a self-evaluation: A (全年预算数), B (全年执行数), the rate and its points.
public struct BudgetExecution: Sendable, Hashable, Codable {
    @Default<TenThousandYuanByDefault> public var unit: MoneyUnit
    /// 年初预算数
    public var initialBudget: PrintedNumber?
    /// 目标申报数 (regions that split 年初预算数)
    public var declaredBudget: PrintedNumber?
    /// 预算编制数
    public var compiledBudget: PrintedNumber?
    /// 全年预算数 (A)
    public var annualBudget: PrintedNumber?
    /// 全年执行数 (B)
    public var executed: PrintedNumber?
    /// 资金结(转)余
    public var balance: PrintedNumber?
    /// 分值 of the execution block (10 by default).
    public var weight: PrintedNumber?
    /// 执行率 as printed (`98.1%`, or `100` meaning percent).
    public var reportedRate: PrintedNumber?
    /// 得分 as printed.
    public var reportedScore: PrintedNumber?
    /// 偏差原因 of the funds block.
    public var deviationReason: String?
    /// Rows under the total: 当年财政拨款, 上年结转资金, 其他资金 …
    @Default<EmptyList<BudgetExecutionRow>> public var breakdown: [BudgetExecutionRow]
    public var source: SourceLocation?

    public init(unit: MoneyUnit = .tenThousandYuan, initialBudget: PrintedNumber? = nil, declaredBudget: PrintedNumber? = nil,
                compiledBudget: PrintedNumber? = nil, annualBudget: PrintedNumber? = nil, executed: PrintedNumber? = nil,
                balance: PrintedNumber? = nil, weight: PrintedNumber? = nil, reportedRate: PrintedNumber? = nil,
                reportedScore: PrintedNumber? = nil, deviationReason: String? = nil, breakdown: [BudgetExecutionRow] = [],
                source: SourceLocation? = nil) {
        self.unit = unit
        self.initialBudget = initialBudget
        self.declaredBudget = declaredBudget
        self.compiledBudget = compiledBudget
        self.annualBudget = annualBudget
        self.executed = executed
        self.balance = balance
        self.weight = weight
        self.reportedRate = reportedRate
        self.reportedScore = reportedScore
        self.deviationReason = deviationReason
        self.breakdown = breakdown
        self.source = source
    }
}

/// One source-of-funds row of the execution block.
public struct BudgetExecutionRow: Sendable, Hashable, Codable {
    /// The row label as written: `其中：当年财政拨款`, `市县区财政资金`.
    public var label: String
    public var initialBudget: PrintedNumber?
    public var annualBudget: PrintedNumber?
    public var executed: PrintedNumber?
    public var reportedRate: PrintedNumber?
    public var source: SourceLocation?

    public init(label: String, initialBudget: PrintedNumber? = nil, annualBudget: PrintedNumber? = nil,
                executed: PrintedNumber? = nil, reportedRate: PrintedNumber? = nil, source: SourceLocation? = nil) {
        self.label = label
        self.initialBudget = initialBudget
        self.annualBudget = annualBudget
        self.executed = executed
        self.reportedRate = reportedRate
        self.source = source
    }
}
