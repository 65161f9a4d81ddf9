/// 项目支出绩效自评表: a project's budget execution, goals, scored indicators and analysis.
public struct ProjectSelfEvaluation: Sendable, Hashable, Codable {
    public var project: Project
    /// The form's title as printed, when it has one (`…项目支出绩效评价报告（2024年度）`).
    public var printedTitle: String?
    public var execution: BudgetExecution?
    /// 年度总体目标: 预期目标 and 实际完成情况.
    @Default<EmptyList<Goal>> public var goals: [Goal]
    @Default<ClassicLayoutByDefault> public var layout: IndicatorLayout
    @Default<EmptyList<Indicator>> public var indicators: [Indicator]
    /// 总分 as printed.
    public var reportedTotal: PrintedNumber?
    /// 自评等级 as printed.
    public var reportedGrade: String?
    @Default<EmptyList<AnalysisText>> public var analysis: [AnalysisText]
    /// 填表人, 联系电话, 填写日期.
    public var filledBy: String?
    public var phone: String?
    public var date: String?
    public var source: SourceLocation?

    public init(project: Project, execution: BudgetExecution? = nil, goals: [Goal] = [], layout: IndicatorLayout = .classic,
                indicators: [Indicator] = [], reportedTotal: PrintedNumber? = nil, reportedGrade: String? = nil,
                analysis: [AnalysisText] = [], filledBy: String? = nil, phone: String? = nil, date: String? = nil,
                source: SourceLocation? = nil) {
        self.project = project
        self.execution = execution
        self.goals = goals
        self.layout = layout
        self.indicators = indicators
        self.reportedTotal = reportedTotal
        self.reportedGrade = reportedGrade
        self.analysis = analysis
        self.filledBy = filledBy
        self.phone = phone
        self.date = date
        self.source = source
    }
}
