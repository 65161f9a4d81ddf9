/// The comparison written in front of (or after) an indicator value.
public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
    /// `≥`, `不少于`, `不低于`, `以上`
    case atLeast = "≥"
    /// `>`, `大于`, `超过`, `高于`
    case greaterThan = ">"
    /// `≤`, `不超过`, `不高于`, `以内`, `以下`
    case atMost = "≤"
    /// `<`, `小于`, `低于`, `少于`
    case lessThan = "<"
    /// `=`, `＝`, `达到`
    case equal = "="
    /// `≠`: in published forms this is a mis-rendered `≥` or `=`, kept as noise.
    case garbled = "≠"

    /// The scoring direction the comparison implies.
    public var direction: IndicatorDirection {
        switch self {
        case .atLeast, .greaterThan: return .positive
        case .atMost, .lessThan: return .reverse
        case .equal: return .equality
        case .garbled: return .equality
        }
    }
}

/// How an indicator is scored.
public enum IndicatorDirection: String, Sendable, Hashable, Codable {
    /// 正向: more is better (`≥ t`).
    case positive
    /// 反向: less is better (`≤ t`).
    case reverse
    /// 等于: the value should equal the target.
    case equality
    /// 时效: a deadline or schedule.
    case time
    /// 定性: judged by a person within a band.
    case qualitative

    /// Chinese name used in explanations.
    public var chineseName: String {
        switch self {
        case .positive: return "正向指标"
        case .reverse: return "反向指标"
        case .equality: return "等值指标"
        case .time: return "时效指标"
        case .qualitative: return "定性指标"
        }
    }
}
