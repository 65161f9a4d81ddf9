/// 部门整体支出绩效自评表: a department's budget execution, numbered goals and their indicators.
public struct DepartmentEvaluation: Sendable, Hashable, Codable {
    public var department: Organisation
    public var fiscalYear: Int?
    /// 联系人 and 联系电话 as printed.
    public var contact: String?
    public var phone: String?
    public var execution: BudgetExecution?
    /// 偏差原因分析及改进措施 of the execution block.
    public var deviationReason: String?
    /// Numbered goals (目标1 … 目标N) with completion text.
    @Default<EmptyList<Goal>> public var goals: [Goal]
    @Default<ClassicLayoutByDefault> public var layout: IndicatorLayout
    /// Indicators of all goals; each names its goal with `goalNumber`.
    @Default<EmptyList<Indicator>> public var indicators: [Indicator]
    public var reportedTotal: PrintedNumber?
    public var reportedGrade: String?
    /// 自评结论.
    public var conclusion: String?
    /// Figures the conclusion states (counts of goals and indicators, execution rates).
    @Default<EmptyList<NarrativeClaim>> public var claims: [NarrativeClaim]
    public var source: SourceLocation?

    public init(department: Organisation, fiscalYear: Int? = nil, execution: BudgetExecution? = nil,
                deviationReason: String? = nil, goals: [Goal] = [], layout: IndicatorLayout = .classic,
                indicators: [Indicator] = [], reportedTotal: PrintedNumber? = nil, reportedGrade: String? = nil,
                conclusion: String? = nil, claims: [NarrativeClaim] = [], source: SourceLocation? = nil) {
        self.department = department
        self.fiscalYear = fiscalYear
        self.execution = execution
        self.deviationReason = deviationReason
        self.goals = goals
        self.layout = layout
        self.indicators = indicators
        self.reportedTotal = reportedTotal
        self.reportedGrade = reportedGrade
        self.conclusion = conclusion
        self.claims = claims
        self.source = source
    }
}
