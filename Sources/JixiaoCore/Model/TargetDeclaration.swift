/// 绩效目标申报表: one project's declared funds, goals and indicator tree.
public struct TargetDeclaration: Sendable, Hashable, Codable {
    public var project: Project
    public var funds: Funds?
    /// 项目总目标 (whole project life).
    public var overallGoal: String?
    /// 年度总体目标.
    public var annualGoal: String?
    /// 主管部门审核意见 and 财政部门审核意见 as printed on the form (empty when the box was left blank).
    public var departmentOpinion: String?
    public var financeOpinion: String?
    @Default<ClassicLayoutByDefault> public var layout: IndicatorLayout
    @Default<EmptyList<Indicator>> public var indicators: [Indicator]
    public var source: SourceLocation?

    public init(project: Project, funds: Funds? = nil, overallGoal: String? = nil, annualGoal: String? = nil,
                layout: IndicatorLayout = .classic, indicators: [Indicator] = [], source: SourceLocation? = nil) {
        self.project = project
        self.funds = funds
        self.overallGoal = overallGoal
        self.annualGoal = annualGoal
        self.layout = layout
        self.indicators = indicators
        self.source = source
    }
}
