import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension JixiaoWebApp {
    func listPage(_ request: Request, _ signedIn: SignedIn) async throws -> Response {
        let q = request.uri.queryParameters
        let year = q.get("year").flatMap(Int.init)
        let kind = q.get("kind").flatMap(FormKind.init(rawValue:))
        let status = q.get("status").flatMap(FormStatus.init(rawValue:))
        let words = q.get("q").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let page = max(1, q.get("page").flatMap(Int.init) ?? 1)
        let size = configuration.pageSize
        // `waiting=1`: the forms that wait for this person (待填报 / 待我审核).
        let waiting = q.get("waiting") == "1" ? signedIn.scope.waiting : nil
        let result = try await store.forms(FormQuery(organisationIDs: waiting?.organisations ?? Array(signedIn.scope.readable).sorted(), fiscalYear: year,
                                                     kind: kind, status: status, titleContains: words, offset: (page - 1) * size, limit: size,
                                                     statuses: waiting?.statuses))
        var html = "<h1>\(waiting.map { HTML.escape($0.label) } ?? "表单")</h1><form method=\"get\" action=\"/forms\" class=\"filters\">"
        if waiting != nil { html += "<input type=\"hidden\" name=\"waiting\" value=\"1\">" }
        html += HTML.field("年度", HTML.input("year", year.map(String.init), size: 5))
        html += HTML.field("类别", HTML.select("kind", [("", "全部")] + FormKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: kind?.rawValue ?? ""))
        html += HTML.field("状态", HTML.select("status", [("", "全部")] + FormStatus.allCases.map { ($0.rawValue, $0.chineseName) }, selected: status?.rawValue ?? ""))
        html += HTML.field("名称含", HTML.input("q", words, size: 16))
        html += "<button type=\"submit\">筛选</button></form>"
        html += "<p class=\"meta\">共\(result.total)张表单</p>"
        // The export form carries the filters; with no box ticked it exports every form they match.
        html += "<form method=\"get\" action=\"/export\" class=\"export\">"
        if let year { html += "<input type=\"hidden\" name=\"year\" value=\"\(year)\">" }
        if let kind { html += "<input type=\"hidden\" name=\"kind\" value=\"\(kind.rawValue)\">" }
        if let status { html += "<input type=\"hidden\" name=\"status\" value=\"\(status.rawValue)\">" }
        if let words { html += "<input type=\"hidden\" name=\"q\" value=\"\(HTML.escape(words))\">" }
        html += "<p class=\"export-buttons\">导出（勾选的表单；不勾选则导出全部筛选结果）：<button type=\"submit\" name=\"format\" value=\"json\">交换格式 JSON</button> <button type=\"submit\" name=\"format\" value=\"html\">审核报告 HTML</button></p>"
        html += "<div class=\"table-scroll\"><table class=\"rows list\"><thead><tr><th>选</th><th>名称</th><th>类别</th><th>单位</th><th>年度</th><th>状态</th><th>指标</th><th>总分</th><th>建议总分</th><th>建议等级</th><th>执行率</th><th>审核</th></tr></thead><tbody>"
        for item in result.items {
            let s = item.summary
            html += "<tr><td><input type=\"checkbox\" name=\"id\" value=\"\(item.id)\" aria-label=\"选择\"></td><td><a href=\"/forms/\(item.id)\">\(HTML.escape(item.title.isEmpty ? "（未命名）" : item.title))</a></td><td>\(item.kind.chineseName)</td>"
            html += "<td>\(HTML.escape(signedIn.scope.name(of: item.organisationID)))</td><td>\(item.fiscalYear)</td><td>\(item.status.chineseName)</td>"
            html += "<td class=\"num\">\(s.indicatorCount)</td><td class=\"num\">\(s.reportedTotal?.shortText() ?? "—")</td>"
            html += "<td class=\"num\">\(s.suggestedTotal?.shortText() ?? "—")</td><td>\(s.suggestedGrade?.rawValue ?? "—")</td>"
            html += "<td class=\"num\">\(s.executionRate.map { ($0 * 100).fixedText(places: 2) + "%" } ?? "—")</td>"
            html += "<td class=\"\(s.errorCount > 0 ? "bad" : "")\">\(s.errorCount)个错误，\(s.warningCount)个提醒</td></tr>"
        }
        html += "</tbody></table></div></form>"
        let pages = max(1, (result.total + size - 1) / size)
        if pages > 1 {
            func link(_ number: Int) -> String {
                var items = ["page=\(number)"]
                if let year { items.append("year=\(year)") }
                if let kind { items.append("kind=\(kind.rawValue)") }
                if let status { items.append("status=\(status.rawValue)") }
                if waiting != nil { items.append("waiting=1") }
                if let words { items.append("q=\(words.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
                return "/forms?" + items.joined(separator: "&")
            }
            html += "<nav class=\"pages\">"
            if page > 1 { html += "<a href=\"\(link(page - 1))\">上一页</a>" }
            html += "<span>第\(page)页，共\(pages)页</span>"
            if page < pages { html += "<a href=\"\(link(page + 1))\">下一页</a>" }
            html += "</nav>"
        }
        return Page.response(title: "表单", body: html, signedIn: signedIn, wide: true)
    }

    func newFormPage(_ signedIn: SignedIn, message: String?) -> Response {
        let owners = signedIn.scope.creatable
        guard !owners.isEmpty else {
            return Page.response(title: "新建表单", body: "<h1>新建表单</h1><p>您的角色（\(signedIn.user.role.chineseName)）只能查看表单，不能新建。</p>", signedIn: signedIn)
        }
        var html = "<h1>新建表单</h1>"
        if let message { html += "<p class=\"error-box\">\(HTML.escape(message))</p>" }
        html += "<form method=\"post\" action=\"/forms\" class=\"new-form\"><input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(signedIn.session.csrfToken))\">"
        html += HTML.field("单位", HTML.select("organisation", owners.map { (String($0.id), "\($0.code) \($0.name)") }, selected: nil))
        html += HTML.field("表单", HTML.select("kind", FormKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: nil))
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        html += HTML.field("年度", HTML.input("year", String(year), size: 5))
        html += HTML.field("项目名称", HTML.input("name", nil, size: 30), note: "部门整体支出绩效自评表可不填，自动用部门名称。")
        html += "<button type=\"submit\" class=\"primary\">新建</button></form>"
        return Page.response(title: "新建表单", body: html, signedIn: signedIn)
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
