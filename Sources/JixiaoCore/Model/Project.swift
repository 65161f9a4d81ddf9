/// A project (项目) as the forms describe it.
public struct Project: Sendable, Hashable, Codable {
    public var name: String
    /// 项目编码 as printed.
    public var code: String?
    /// 项目性质 (其他一次性项目, 经常性项目 …)
    public var nature: String?
    /// 项目类别 (特定目标类 …)
    public var category: String?
    /// 主管部门.
    public var department: Organisation?
    /// 实施单位 / 预算单位.
    public var unit: Organisation?
    /// 计划开始日期 / 计划完成日期 as written.
    public var plannedStart: String?
    public var plannedEnd: String?
    /// 项目期 / 实施周期 / 实施期限 as written (`1年`, `2023-2025年`, `3`).
    public var period: String?
    /// 政策依据 and 测算依据 as written.
    public var policyBasis: String?
    public var costBasis: String?
    public var fiscalYear: Int?
    /// 项目负责人 and 联系电话.
    public var manager: String?
    public var phone: String?
    @Default<EmptyList<SubTask>> public var subTasks: [SubTask]

    public init(name: String, nature: String? = nil, category: String? = nil, department: Organisation? = nil,
                unit: Organisation? = nil, plannedStart: String? = nil, plannedEnd: String? = nil, fiscalYear: Int? = nil,
                manager: String? = nil, phone: String? = nil, subTasks: [SubTask] = []) {
        self.name = name
        self.nature = nature
        self.category = category
        self.department = department
        self.unit = unit
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.fiscalYear = fiscalYear
        self.manager = manager
        self.phone = phone
        self.subTasks = subTasks
    }
}
