import Foundation
import JixiaoCore
import JixiaoInterchange
import JixiaoStore

/// Where one uploaded form goes: the organisation found from the codes and names the document prints,
/// or none, with the reason either way (shown on the confirmation page).
struct UploadMatch: Sendable, Hashable {
    var organisationID: Int64?
    var reason: String
}

/// Matches the forms of an uploaded document to the organisation tree: a printed code first, then an
/// exact name; a unit form to its unit, a department's overall evaluation to its department. A form that
/// prints no unit goes to its department. Nothing outside the uploader's importable scope is matched.
struct UploadMatcher: Sendable {
    let organisations: [OrganisationRecord]
    let importable: Set<Int64>
    private let byCode: [String: OrganisationRecord]
    private let byName: [String: [OrganisationRecord]]

    init(organisations: [OrganisationRecord], importable: Set<Int64>) {
        self.organisations = organisations
        self.importable = importable
        byCode = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        byName = Dictionary(grouping: organisations, by: \.name)
    }

    func match(_ form: EvaluationForm, document: InterchangeDocument) -> UploadMatch {
        let (unit, department) = Self.named(form)
        let fallbackDepartment = department ?? document.disclosure?.department
        if case .departmentEvaluation = form {
            guard let fallbackDepartment else { return UploadMatch(organisationID: nil, reason: "文件没有写明部门，请选择。") }
            return find(fallbackDepartment)
        }
        if let unit {
            let found = find(unit)
            if found.organisationID == nil, let fallbackDepartment, find(fallbackDepartment).organisationID != nil {
                return UploadMatch(organisationID: nil, reason: found.reason + "（所属部门“\(fallbackDepartment.name)”已找到，请选择其下的单位。）")
            }
            return found
        }
        guard let fallbackDepartment else { return UploadMatch(organisationID: nil, reason: "文件没有写明单位或部门，请选择。") }
        var found = find(fallbackDepartment)
        if found.organisationID != nil { found.reason += "（文件未写单位，归入部门）" }
        return found
    }

    /// The organisation a printed one names: by its code, else by its exact name.
    func find(_ printed: Organisation) -> UploadMatch {
        if let code = printed.code, !code.isEmpty {
            if let record = byCode[code] {
                let note = record.name == printed.name ? "" : "；文件写的名称是“\(printed.name)”"
                return verdict(record, how: "编码 \(code)" + note)
            }
        }
        let sameName = byName[printed.name] ?? []
        let ofKind = sameName.filter { $0.kind == printed.kind }
        let candidates = ofKind.isEmpty ? sameName : ofKind
        switch candidates.count {
        case 1: return verdict(candidates[0], how: "名称“\(printed.name)”")
        case 0:
            let code = printed.code.map { "（编码 \($0)）" } ?? ""
            return UploadMatch(organisationID: nil, reason: "系统中没有“\(printed.name)”\(code)，请选择。")
        default:
            return UploadMatch(organisationID: nil, reason: "名称“\(printed.name)”对应\(candidates.count)个机构（" +
                               candidates.map(\.code).joined(separator: "、") + "），请选择。")
        }
    }

    private func verdict(_ record: OrganisationRecord, how: String) -> UploadMatch {
        guard importable.contains(record.id) else {
            return UploadMatch(organisationID: nil, reason: "按\(how)找到“\(record.name)”，但它不在您可导入的范围内。")
        }
        return UploadMatch(organisationID: record.id, reason: "按\(how)匹配")
    }

    /// The unit and department a form prints.
    static func named(_ form: EvaluationForm) -> (unit: Organisation?, department: Organisation?) {
        switch form {
        case .targetDeclaration(let d): return (d.project.unit, d.project.department)
        case .projectSelfEvaluation(let e): return (e.project.unit, e.project.department)
        case .departmentEvaluation(let e): return (nil, e.department)
        }
    }

    /// The fiscal year a form prints for itself.
    static func ownYear(of form: EvaluationForm) -> Int? {
        switch form {
        case .targetDeclaration(let d): return d.project.fiscalYear
        case .projectSelfEvaluation(let e): return e.project.fiscalYear
        case .departmentEvaluation(let e): return e.fiscalYear
        }
    }

    /// The year the document states: its disclosure's, or `2024年` in its title.
    static func documentYear(_ document: InterchangeDocument) -> Int? {
        if let year = document.disclosure?.fiscalYear { return year }
        guard let title = document.title, let range = title.range(of: #"20\d\d(?=年)"#, options: .regularExpression) else { return nil }
        return Int(title[range])
    }

    /// Fills in the unit and department of a form that prints none, from the organisation it is assigned to.
    static func assign(_ form: EvaluationForm, to owner: OrganisationRecord, parent: OrganisationRecord?, year: Int) -> EvaluationForm {
        let department = owner.kind == .department ? owner : parent
        func fill(_ project: inout Project) {
            if project.unit == nil, owner.kind == .unit { project.unit = owner.organisation }
            if project.department == nil, let department { project.department = department.organisation }
            if project.fiscalYear == nil { project.fiscalYear = year }
        }
        switch form {
        case .targetDeclaration(var d): fill(&d.project); return .targetDeclaration(d)
        case .projectSelfEvaluation(var e): fill(&e.project); return .projectSelfEvaluation(e)
        case .departmentEvaluation(var e):
            if e.fiscalYear == nil { e.fiscalYear = year }
            return .departmentEvaluation(e)
        }
    }
}
