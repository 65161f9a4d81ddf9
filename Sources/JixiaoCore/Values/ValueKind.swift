/// What an indicator value string turned out to be.
public enum ValueKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A number with optional comparison and unit: `≥15000.00(公里)`, `98.40%`.
    case quantitative
    /// A date or deadline: `2024年12月底前`, `6月`.
    case deadline
    /// A schedule or time wording without a date: `每月`, `及时`, `1个月内`, `法定时限`.
    case schedule
    /// Words judged by a person: `满意`, `无违章无事故`, long sentences.
    case qualitative
    /// `/`, `—`: the indicator does not apply.
    case notApplicable
    /// A template never filled in: `≥%`, `=万元`, `=元/台`.
    case unfilledTemplate
    /// Nothing written.
    case empty

    /// Chinese name for reports.
    public var chineseName: String {
        switch self {
        case .quantitative: return "定量"
        case .deadline: return "时间节点"
        case .schedule: return "时效表述"
        case .qualitative: return "定性"
        case .notApplicable: return "不适用"
        case .unfilledTemplate: return "未填写的模板"
        case .empty: return "空"
        }
    }
}
