/// A performance goal: 预期目标 and 实际完成情况 (numbered 目标1 … in department evaluations).
public struct Goal: Sendable, Hashable, Codable {
    public var number: Int?
    /// 预期目标 / 年度绩效目标.
    public var target: String
    /// 实际完成情况.
    public var actual: String?
    public var source: SourceLocation?

    public init(number: Int? = nil, target: String, actual: String? = nil, source: SourceLocation? = nil) {
        self.number = number
        self.target = target
        self.actual = actual
        self.source = source
    }
}

/// A numbered sub-task (子项) of a project.
public struct SubTask: Sendable, Hashable, Codable {
    public var number: Int
    public var title: String
    public var detail: String?

    public init(number: Int, title: String, detail: String? = nil) {
        self.number = number
        self.title = title
        self.detail = detail
    }
}

/// A titled analysis text of a self-evaluation (项目实施和预算执行情况, 存在的问题及原因 …).
public struct AnalysisText: Sendable, Hashable, Codable {
    /// The heading as written.
    public var heading: String
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}
