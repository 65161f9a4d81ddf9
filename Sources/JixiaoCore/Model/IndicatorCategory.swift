/// 一级指标: the top of the indicator tree.
public enum Level1Category: String, Sendable, Hashable, Codable, CaseIterable {
    /// 产出指标
    case output
    /// 成本指标 (一级 in the 2021 central layout)
    case cost
    /// 效益指标
    case effect
    /// 满意度指标
    case satisfaction

    /// The canonical Chinese name.
    public var chineseName: String {
        switch self {
        case .output: return "产出指标"
        case .cost: return "成本指标"
        case .effect: return "效益指标"
        case .satisfaction: return "满意度指标"
        }
    }

    /// Maps a label as written (`产出指标`, `产出`, `满意度\n指标`) onto the taxonomy.
    public static func classify(_ label: String) -> Level1Category? {
        byLabel[CategoryLabel.key(label)]
    }

    fileprivate static let byLabel: [ExactText: Level1Category] = [
        "产出": .output, "成本": .cost, "效益": .effect, "效果": .effect, "满意度": .satisfaction, "服务对象满意度": .satisfaction,
    ]
}

/// 二级指标, in both layouts.
public enum Level2Category: String, Sendable, Hashable, Codable, CaseIterable {
    case quantity, quality, timeliness, cost
    case economicCost = "economic_cost", socialCost = "social_cost", ecologicalCost = "ecological_cost"
    case economicBenefit = "economic_benefit", socialBenefit = "social_benefit"
    case ecologicalBenefit = "ecological_benefit", sustainability
    case satisfaction

    public var chineseName: String {
        switch self {
        case .quantity: return "数量指标"
        case .quality: return "质量指标"
        case .timeliness: return "时效指标"
        case .cost: return "成本指标"
        case .economicCost: return "经济成本指标"
        case .socialCost: return "社会成本指标"
        case .ecologicalCost: return "生态环境成本指标"
        case .economicBenefit: return "经济效益指标"
        case .socialBenefit: return "社会效益指标"
        case .ecologicalBenefit: return "生态效益指标"
        case .sustainability: return "可持续影响指标"
        case .satisfaction: return "服务对象满意度指标"
        }
    }

    /// The 一级 this 二级 belongs to in a layout.
    public func level1(in layout: IndicatorLayout) -> Level1Category {
        switch self {
        case .quantity, .quality, .timeliness: return .output
        case .cost: return layout == .central2021 ? .cost : .output
        case .economicCost, .socialCost, .ecologicalCost: return .cost
        case .economicBenefit, .socialBenefit, .ecologicalBenefit, .sustainability: return .effect
        case .satisfaction: return .satisfaction
        }
    }

    /// True when values of this category are expected to be numbers (数量, 质量, 成本).
    public var expectsQuantity: Bool {
        switch self {
        case .quantity, .quality, .cost, .economicCost: return true
        default: return false
        }
    }

    /// Maps a label as written (`社会效益`, `社会效益指标`, `生态环境成本指标`) onto the taxonomy.
    public static func classify(_ label: String) -> Level2Category? {
        byLabel[CategoryLabel.key(label)]
    }

    fileprivate static let byLabel: [ExactText: Level2Category] = [
        "数量": .quantity, "质量": .quality, "时效": .timeliness, "成本": .cost,
        "经济成本": .economicCost, "社会成本": .socialCost,
        "生态环境成本": .ecologicalCost, "生态成本": .ecologicalCost, "环境成本": .ecologicalCost,
        "经济效益": .economicBenefit, "社会效益": .socialBenefit,
        "生态效益": .ecologicalBenefit, "生态环境效益": .ecologicalBenefit,
        "可持续影响": .sustainability, "可持续": .sustainability,
        "服务对象满意度": .satisfaction, "满意度": .satisfaction, "社会公众满意度": .satisfaction,
        "群众满意度": .satisfaction, "服务对象满意": .satisfaction,
    ]
}

/// The two indicator layouts in use.
public enum IndicatorLayout: String, Sendable, Hashable, Codable {
    /// 成本 is a 二级 under 产出.
    case classic
    /// 2021 central layout: 成本 is its own 一级 with 经济/社会/生态环境成本.
    case central2021 = "central_2021"
}

/// Normalises category labels for matching: drops white space and the `指标` suffix.
package enum CategoryLabel {
    /// What the label names as a 一级 and as a 二级 category (its key is worked out once).
    package static func classify(_ label: String) -> (level1: Level1Category?, level2: Level2Category?) {
        let key = ExactText(key(label))
        return (Level1Category.byLabel[key], Level2Category.byLabel[key])
    }

    static func key(_ label: String) -> String {
        // Most labels hold no white space (ASCII space and tab, U+3000 and U+00A0 start with 0xE3 / 0xC2).
        let spaced = label.utf8.contains { $0 <= 0x20 || $0 == 0xE3 || $0 == 0xC2 || $0 == 0xE2 }
        var text = spaced ? String(String.UnicodeScalarView(label.unicodeScalars.filter { !$0.properties.isWhitespace })) : label
        // The points a label carries: `产出指标(50分)`, `效益指标（20-30分）`.
        if text.hasByteSuffix(")") || text.hasByteSuffix("）"), let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
           open != text.startIndex, text[open...].contains("分") {
            text = String(text[..<open])
        }
        while text.hasByteSuffix("指标") { text.removeLast(2) }
        if text.hasByteSuffix("类") { text.removeLast() }
        return text
    }
}
