/// A check of the catalogue: stable code, severity, and a Chinese message template whose
/// `{placeholders}` are filled with the numbers of each finding.
public struct CheckDefinition: Sendable, Hashable, Codable {
    public var code: CheckCode
    public var severity: Severity
    public var family: CheckFamily
    /// Short Chinese title.
    public var title: String
    /// Message template, e.g. `总分印为 {printed}，各项得分合计 {sum}`.
    public var template: String

    public init(_ code: CheckCode, _ severity: Severity, _ family: CheckFamily, _ title: String, _ template: String) {
        self.code = code
        self.severity = severity
        self.family = family
        self.title = title
        self.template = template
    }

    /// The template with its placeholders replaced; unknown placeholders stay visible.
    public func message(_ values: [String: String]) -> String {
        // One pass over the template: `{name}` with a value is replaced, anything else is copied.
        var text = ""
        text.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            text += values[key] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return text
    }
}

/// Families of checks (domain.md §5).
public enum CheckFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case targetDeclaration = "target_declaration"
    case selfEvaluation = "self_evaluation"
    case departmentEvaluation = "department_evaluation"
    case finalAccounts = "final_accounts"
    case `import`

    public var chineseName: String {
        switch self {
        case .targetDeclaration: return "目标申报审核"
        case .selfEvaluation: return "自评审核"
        case .departmentEvaluation: return "部门整体自评审核"
        case .finalAccounts: return "决算公开审核"
        case .import: return "导入"
        }
    }
}

import Foundation
