import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension JixiaoWebApp {
    func listPage(_ request: Request, _ signedIn: SignedIn) async throws -> Response {
        let filter = FormListFilter(Self.parameters(request))
        let size = configuration.pageSize
        let result = try await store.forms(filter.query(scope: signedIn.scope, offset: (filter.page - 1) * size, limit: size))
        return Views.response(FormListPage(filter: filter, result: result, pageSize: size, signedIn: signedIn))
    }

    /// The address's query parameters (the first of each name).
    static func parameters(_ request: Request) -> [String: String] {
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where parameters[String(name)] == nil { parameters[String(name)] = String(value) }
        return parameters
    }

    func newFormPage(_ signedIn: SignedIn, message: String?) -> Response {
        Views.response(NewFormPage(signedIn: signedIn, message: message), status: message == nil ? .ok : .unprocessableContent)
    }

    func createForm(_ request: Request, _ signedIn: SignedIn) async throws -> Response {
        let post = try await readPost(request)
        try checkCSRF(post, signedIn)
        guard let id = post.text("organisation").flatMap(Int64.init), signedIn.scope.editable.contains(id),
              let owner = signedIn.scope.organisations[id] else { throw WebError.forbidden }
        guard let kind = post.text("kind").flatMap(FormKind.init(rawValue:)) else { return newFormPage(signedIn, message: "请选择表单类别。") }
        guard let year = post.text("year").flatMap(Int.init), (2000...2100).contains(year) else {
            return newFormPage(signedIn, message: "年度应为四位数字，如 2026。")
        }
        let department = owner.kind == .department ? owner : owner.parentID.flatMap { signedIn.scope.organisations[$0] }
        let name = post.text("name") ?? ""
        if kind != .departmentEvaluation && name.isEmpty { return newFormPage(signedIn, message: "请填写项目名称。") }
        if kind == .departmentEvaluation && owner.kind != .department { return newFormPage(signedIn, message: "部门整体支出绩效自评表只能由部门新建。") }
        let project = Project(name: name, department: department?.organisation, unit: owner.kind == .unit ? owner.organisation : nil, fiscalYear: year)
        let form: EvaluationForm
        switch kind {
        case .targetDeclaration:
            form = .targetDeclaration(TargetDeclaration(project: project, funds: Funds(unit: .yuan),
                                                        indicators: [Indicator(level1Label: "产出指标", level2Label: "数量指标", name: "")]))
        case .projectSelfEvaluation:
            form = .projectSelfEvaluation(ProjectSelfEvaluation(project: project, execution: BudgetExecution(weight: PrintedNumber(text: "10")),
                                                                goals: [Goal(target: "")],
                                                                indicators: [Indicator(level1Label: "产出指标", level2Label: "数量指标", name: "")]))
        case .departmentEvaluation:
            form = .departmentEvaluation(DepartmentEvaluation(department: owner.organisation, fiscalYear: year,
                                                              execution: BudgetExecution(weight: PrintedNumber(text: "10")),
                                                              goals: [Goal(number: 1, target: "")]))
        }
        let record = try await store.addForm(NewForm(organisationID: owner.id, fiscalYear: year, form: form,
                                                     summary: FormAnalysis(form, profile: profile).summary, createdBy: signedIn.user.id))
        return .redirect(to: "/forms/\(record.id)")
    }
}
