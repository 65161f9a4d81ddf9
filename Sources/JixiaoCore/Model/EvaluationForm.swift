/// One form of a document: the unit of scoring and checking.
public enum EvaluationForm: Sendable, Hashable {
    case targetDeclaration(TargetDeclaration)
    case projectSelfEvaluation(ProjectSelfEvaluation)
    case departmentEvaluation(DepartmentEvaluation)

    /// The kind as a stable identifier (used in JSON).
    public var kind: FormKind {
        switch self {
        case .targetDeclaration: return .targetDeclaration
        case .projectSelfEvaluation: return .projectSelfEvaluation
        case .departmentEvaluation: return .departmentEvaluation
        }
    }

    /// A title for reports: the project or department name.
    public var title: String {
        switch self {
        case .targetDeclaration(let d): return d.project.name
        case .projectSelfEvaluation(let e): return e.project.name
        case .departmentEvaluation(let e): return e.department.name
        }
    }

    /// The indicators of the form.
    public var indicators: [Indicator] {
        get {
            switch self {
            case .targetDeclaration(let d): return d.indicators
            case .projectSelfEvaluation(let e): return e.indicators
            case .departmentEvaluation(let e): return e.indicators
            }
        }
        set {
            switch self {
            case .targetDeclaration(var d): d.indicators = newValue; self = .targetDeclaration(d)
            case .projectSelfEvaluation(var e): e.indicators = newValue; self = .projectSelfEvaluation(e)
            case .departmentEvaluation(var e): e.indicators = newValue; self = .departmentEvaluation(e)
            }
        }
    }

    /// The budget execution block of a self-evaluation (nil for a declaration).
    public var execution: BudgetExecution? {
        switch self {
        case .targetDeclaration: return nil
        case .projectSelfEvaluation(let e): return e.execution
        case .departmentEvaluation(let e): return e.execution
        }
    }

    public var source: SourceLocation? {
        switch self {
        case .targetDeclaration(let d): return d.source
        case .projectSelfEvaluation(let e): return e.source
        case .departmentEvaluation(let e): return e.source
        }
    }
}

/// The kinds of form.
public enum FormKind: String, Sendable, Hashable, Codable, CaseIterable {
    case targetDeclaration = "target_declaration"
    case projectSelfEvaluation = "project_self_evaluation"
    case departmentEvaluation = "department_evaluation"

    public var chineseName: String {
        switch self {
        case .targetDeclaration: return "绩效目标申报表"
        case .projectSelfEvaluation: return "项目支出绩效自评表"
        case .departmentEvaluation: return "部门整体支出绩效自评表"
        }
    }
}

extension EvaluationForm: Codable {
    private enum CodingKeys: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(FormKind.self, forKey: .kind) {
        case .targetDeclaration: self = .targetDeclaration(try TargetDeclaration(from: decoder))
        case .projectSelfEvaluation: self = .projectSelfEvaluation(try ProjectSelfEvaluation(from: decoder))
        case .departmentEvaluation: self = .departmentEvaluation(try DepartmentEvaluation(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .targetDeclaration(let d): try d.encode(to: encoder)
        case .projectSelfEvaluation(let e): try e.encode(to: encoder)
        case .departmentEvaluation(let e): try e.encode(to: encoder)
        }
    }
}
