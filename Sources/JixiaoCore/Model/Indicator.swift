/// A 三级 indicator with its place in the tree and its values.
public struct Indicator: Sendable, Hashable, Codable {
    /// 一级 label as written (`产出指标`).
    public var level1Label: String?
    /// 二级 label as written (`社会效益`, `数量指标`).
    public var level2Label: String?
    /// Canonical 一级; derived from the labels when not given.
    public var level1: Level1Category?
    /// Canonical 二级.
    public var level2: Level2Category?
    /// 三级 name as written, without a sub-task tag.
    public var name: String
    /// Sub-tasks the indicator belongs to (`3-7.`).
    public var subTasks: SubTaskTag?
    /// Goal number in a department evaluation (绩效目标N).
    public var goalNumber: Int?
    /// 年度指标值 (or 年初指标值 where the form has both).
    public var target: IndicatorValue?
    /// 调整后指标值.
    public var adjustedTarget: IndicatorValue?
    /// 实际完成值.
    public var actual: IndicatorValue?
    /// 定性值情况说明.
    public var qualitativeNote: String?
    /// 指标解释 / 指标说明: what the indicator means and how it is measured, as the form explains it.
    public var explanation: String?
    /// 分值.
    public var weight: PrintedNumber?
    /// 得分 as reported by the form.
    public var reportedScore: PrintedNumber?
    /// 偏差原因分析及改进措施.
    public var deviationReason: String?
    /// 指标性质 as printed in its own column (`≥`, `正向`, `定性`), already folded into `target`.
    public var comparisonText: String?
    /// 度量单位 as printed in its own column (`人次`), already folded into `target` and a bare `actual`.
    public var unitText: String?
    /// 得分系数 as printed (score = weight × coefficient), in forms that have one.
    public var scoreCoefficient: PrintedNumber?
    /// A reviewer's score (复核分) printed beside the self-score.
    public var reviewScore: PrintedNumber?
    /// 是否核心指标 (or a ★ before the name): true when marked core, false when marked not.
    public var isCore: Bool?
    public var source: SourceLocation?
    /// What an importer had to guess to fill this row (a shifted column, a carried label), in Chinese.
    @Default<EmptyList<String>> public var guesses: [String]

    public init(
        level1Label: String? = nil, level2Label: String? = nil, level1: Level1Category? = nil, level2: Level2Category? = nil,
        name: String, subTasks: SubTaskTag? = nil, goalNumber: Int? = nil, target: IndicatorValue? = nil,
        adjustedTarget: IndicatorValue? = nil, actual: IndicatorValue? = nil, qualitativeNote: String? = nil,
        weight: PrintedNumber? = nil, reportedScore: PrintedNumber? = nil, deviationReason: String? = nil,
        source: SourceLocation? = nil, guesses: [String] = [], layout: IndicatorLayout = .classic
    ) {
        self.level1Label = level1Label
        self.level2Label = level2Label
        self.level2 = level2 ?? level2Label.flatMap(Level2Category.classify)
        self.level1 = level1 ?? level1Label.flatMap(Level1Category.classify) ?? self.level2?.level1(in: layout)
        self.name = name
        self.subTasks = subTasks
        self.goalNumber = goalNumber
        self.target = target
        self.adjustedTarget = adjustedTarget
        self.actual = actual
        self.qualitativeNote = qualitativeNote
        self.weight = weight
        self.reportedScore = reportedScore
        self.deviationReason = deviationReason
        self.source = source
        self.guesses = guesses
    }

    /// The target that scoring uses: the adjusted one when it was filled in, else the annual one.
    public var effectiveTarget: IndicatorValue? {
        if let adjustedTarget, adjustedTarget.isFilled { return adjustedTarget }
        return target ?? adjustedTarget
    }

    /// Fills canonical categories from labels (used after decoding documents that give labels only).
    public mutating func classify(layout: IndicatorLayout) {
        if level2 == nil { level2 = level2Label.flatMap(Level2Category.classify) }
        if level1 == nil { level1 = level1Label.flatMap(Level1Category.classify) ?? level2?.level1(in: layout) }
    }
}

extension Array where Element == Indicator {
    /// The indicators with canonical categories filled from their labels.
    public func classified(layout: IndicatorLayout) -> [Indicator] {
        map { var indicator = $0; indicator.classify(layout: layout); return indicator }
    }
}
