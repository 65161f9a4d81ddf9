/// A body in the organisation tree: 财政局 → 部门 → 预算单位.
public struct Organisation: Sendable, Hashable, Codable {
    /// `218` for a department, `218005` for one of its units; nil when the document gives none.
    public var code: String?
    public var name: String
    public var kind: OrganisationKind

    public init(code: String? = nil, name: String, kind: OrganisationKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }

    /// Reads `218-晋城市生态环境局` or `218005-晋城市生态环境局城区分局` (code, dash, name);
    /// text without a leading code is kept whole as the name.
    public init(codedName text: String, kind: OrganisationKind) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let rest = trimmed.dropFirst(digits.count)
        if !digits.isEmpty, let first = rest.first, "-－—_ ".contains(first) {
            self.init(code: String(digits), name: String(rest.dropFirst()).trimmingCharacters(in: .whitespaces), kind: kind)
        } else {
            self.init(code: nil, name: trimmed, kind: kind)
        }
    }

    /// For a unit code (`218005`), the department code it belongs to (`218`).
    public var departmentCode: String? {
        guard let code, kind == .unit, code.count > 3 else { return kind == .department ? code : nil }
        return String(code.prefix(code.count - 3))
    }
}

/// The levels of the organisation tree.
public enum OrganisationKind: String, Sendable, Hashable, Codable {
    /// 财政局
    case financeBureau = "finance_bureau"
    /// 部门 (主管部门)
    case department
    /// 预算单位 (实施单位)
    case unit
}
