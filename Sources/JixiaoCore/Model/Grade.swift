/// 自评等级.
public enum Grade: String, Sendable, Hashable, Codable, CaseIterable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"

    /// Reads `优`, `优秀`, `良好`, `中`, `合格`, `差`, `不合格`.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch t {
        case "优", "优秀": self = .excellent
        case "良", "良好": self = .good
        case "中", "中等", "合格", "一般": self = .fair
        case "差", "较差", "不合格": self = .poor
        default: return nil
        }
    }
}

import Foundation
