/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error, warning, info

    public var chineseName: String {
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The outcome of applying one check to one place.
public enum CheckOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case pass
    case fail
    case notApplicable = "not_applicable"
    /// Data the check needs is missing: reported, never passed silently.
    case insufficientData = "insufficient_data"

    public var chineseName: String {
        switch self {
        case .pass: return "通过"
        case .fail: return "不通过"
        case .notApplicable: return "不适用"
        case .insufficientData: return "数据不足"
        }
    }
}

/// Where a finding points: the form, the indicator, the source line or cell.
public struct FindingLocation: Sendable, Hashable, Codable {
    /// Position of the form in its document (0-based).
    public var formIndex: Int?
    /// The form's title (project or department name).
    public var form: String?
    /// The indicator's name, when the finding is about one.
    public var indicator: String?
    /// The indicator's position in the form's list (0-based): two rows may share a name, the position tells them apart.
    public var indicatorIndex: Int?
    /// The field, e.g. `执行率`, `总分`.
    public var field: String?
    public var source: SourceLocation?

    public init(formIndex: Int? = nil, form: String? = nil, indicator: String? = nil, indicatorIndex: Int? = nil, field: String? = nil,
                source: SourceLocation? = nil) {
        self.formIndex = formIndex
        self.form = form
        self.indicator = indicator
        self.indicatorIndex = indicatorIndex
        self.field = field
        self.source = source
    }

    /// `《项目名》 指标“…” 第12行`.
    public var description: String {
        var parts: [String] = []
        if let form { parts.append("《\(form)》") }
        if let indicator { parts.append("指标“\(indicator)”") }
        if let field { parts.append(field) }
        if let source, !source.description.isEmpty { parts.append(source.description) }
        return parts.joined(separator: " ")
    }
}

/// A check result worth showing: a failure or missing data, with a message that names the numbers.
public struct Finding: Sendable, Hashable, Codable {
    public var code: CheckCode
    public var severity: Severity
    public var outcome: CheckOutcome
    public var message: String
    public var location: FindingLocation

    public init(code: CheckCode, severity: Severity, outcome: CheckOutcome, message: String, location: FindingLocation) {
        self.code = code
        self.severity = severity
        self.outcome = outcome
        self.message = message
        self.location = location
    }
}
