import Foundation
import JixiaoCore
import JixiaoStore

/// Renders a form as an HTML form: every field of the official form, the scores and checks beside them.
struct FormEditor {
    /// The HTML id of the editor's form, which the workflow buttons submit with them.
    static let formID = "form-editor"
    var record: FormRecord
    /// The form as shown (the stored one, or what the person posted when a save was refused).
    var form: EvaluationForm
    var analysis: FormAnalysis
    var editable: Bool
    var csrfToken: String
    /// Messages beside fields, by field key.
    var fieldErrors: [String: String] = [:]
    var fieldWarnings: [String: String] = [:]
    /// Posted text of fields that could not be read, shown again as typed.
    var rawTexts: [String: String] = [:]
    /// The version the shown content started from.
    var version: Int
    var organisationName: String
    var rollup: DepartmentRollup?
    /// The reviewer's return, when this draft came back: shown at the top with the opinion.
    var returned: (who: String, at: Date, comment: String)?
    /// What someone else saved after this person opened the form (shown after a save conflict).
    var otherChanges: [OtherChange] = []
    /// HTML placed under the title line (the review box of a reviewer).
    var top = ""

    /// One field another person changed.
    struct OtherChange: Sendable {
        var field: String
        var old: String?
        var new: String?
        var who: String
        /// True when this person changed the same field differently (their text is on the page).
        var clashes = false
    }

    func body(notice: String?, error: String?) -> String {
        var html = "<h1>\(HTML.escape(form.kind.chineseName))</h1>"
        html += "<p class=\"meta\">\(HTML.escape(organisationName)) · \(record.fiscalYear)年度 · \(returned == nil ? record.status.chineseName : "已退回") · 第\(version)版"
        html += " · <a href=\"/forms/\(record.id)/print\" target=\"_blank\">打印视图</a></p>"
        html += top
        if let returned {
            let when = WorkflowPanel.time(returned.at)
            html += "<div class=\"returned\" role=\"note\"><p><b>已退回</b>：\(HTML.escape(returned.who))于\(HTML.escape(when))退回修改。</p>"
            html += "<p class=\"opinion\">审核意见：\(HTML.escape(returned.comment))</p>"
            html += (editable ? "<p class=\"meta\">按意见修改后保存，再点“提交”。</p>" : "") + "</div>"
        }
        if let notice { html += "<p class=\"notice\" role=\"status\">\(HTML.escape(notice))</p>" }
        if let error { html += "<p class=\"error-box\" role=\"alert\">\(HTML.escape(error))</p>" }
        if !otherChanges.isEmpty {
            html += "<details class=\"other-changes\" open><summary>对方的修改（\(otherChanges.count) 处）</summary><table class=\"history\">"
            html += "<thead><tr><th>修改人</th><th>字段</th><th>原内容</th><th>对方改为</th></tr></thead><tbody>"
            for change in otherChanges {
                html += change.clashes ? "<tr class=\"clash\" title=\"您也改了这一处，页面上是您的内容\">" : "<tr>"
                html += "<td>\(HTML.escape(change.who))</td><td>\(HTML.escape(change.field))\(change.clashes ? "（您也改了）" : "")</td>"
                html += "<td>\(HTML.escape(change.old ?? "（空）"))</td><td>\(HTML.escape(change.new ?? "（空）"))</td></tr>"
            }
            html += "</tbody></table></details>"
        }
        if !editable { html += "<p class=\"readonly-note\">只读：您可以查看这张表，但不能修改。</p>" }
        html += summaryBox()
        html += FormAnalysis.findingList(analysis.formFindings)
        if !editable {
            // Readers (reviewers above all) read the official table with each row's suggestion and findings, not
            // greyed-out inputs that cut text off.
            return html + Views.render(OfficialForm(record: record, form: form, organisationName: organisationName, analysis: analysis, screen: true))
        }
        html += "<form method=\"post\" action=\"/forms/\(record.id)\" id=\"\(Self.formID)\" class=\"form-editor\" data-preview=\"/forms/\(record.id)/preview\">"
        html += "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(csrfToken))\"><input type=\"hidden\" name=\"_version\" value=\"\(version)\">"
        if editable {
            // Enter in a field submits with the form's first submit button: make that "save", never a row or roll-up action.
            html += "<button type=\"submit\" name=\"action\" value=\"save\" class=\"default-action\" tabindex=\"-1\" aria-hidden=\"true\">保存</button>"
            // Marks a post that carries the editor's fields (a workflow button of the page submits them too).
            html += "<input type=\"hidden\" name=\"_editor\" value=\"1\">"
        }
        switch form {
        case .targetDeclaration(let d): html += declaration(d)
        case .projectSelfEvaluation(let e): html += projectEvaluation(e)
        case .departmentEvaluation(let e): html += departmentEvaluation(e)
        }
        if editable {
            html += "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"save\" class=\"primary\">保存</button></div>"
        }
        html += "</form>"
        return html
    }

    func summaryBox() -> String {
        let s = analysis.summary
        var cells = ["<div><span>指标数</span><b>\(s.indicatorCount)</b></div>",
                     "<div><span>分值合计</span><b>\(s.weightTotal?.shortText() ?? "—")</b></div>"]
        if form.kind != .targetDeclaration {
            cells.append("<div><span>得分合计</span><b id=\"reported-sum\">\(analysis.score.reportedSum?.shortText() ?? "—")</b></div>")
            cells.append("<div><span>建议总分</span><b id=\"suggested-total\">\(s.suggestedTotal?.shortText() ?? "—")</b></div>")
            cells.append("<div><span>建议等级</span><b id=\"suggested-grade\">\(s.suggestedGrade?.rawValue ?? "—")</b></div>")
            if let rate = analysis.score.execution?.rate {
                cells.append("<div><span>预算执行率</span><b>\((rate * 100).fixedText(places: 2))%</b></div>")
            }
        }
        cells.append("<div><span>审核</span><b>\(s.errorCount)个错误，\(s.warningCount)个警告</b></div>")
        return "<div class=\"summary\">\(cells.joined())</div>"
    }

    // MARK: Blocks

    func text(_ key: String, _ value: String?, size: Int? = nil) -> String {
        HTML.input(key, rawTexts[key] ?? value, label: FieldLabels.label(for: key), size: size, readOnly: !editable)
    }

    func field(_ label: String, _ key: String, _ value: String?) -> String {
        HTML.field(label, text(key, value), note: fieldErrors[key] ?? fieldWarnings[key])
    }

    func area(_ label: String, _ key: String, _ value: String?, rows: Int = 3) -> String {
        HTML.field(label, HTML.textarea(key, value, label: label, rows: rows, readOnly: !editable), note: fieldErrors[key])
    }

    func projectFields(_ p: Project, full: Bool) -> String {
        var html = "<fieldset><legend>基本信息</legend><div class=\"grid\">"
        html += field("项目名称", "p_name", p.name)
        if full {
            html += field("项目性质", "p_nature", p.nature) + field("项目类别", "p_category", p.category)
            html += field("计划开始", "p_start", p.plannedStart) + field("计划完成", "p_end", p.plannedEnd)
        }
        html += field("项目负责人", "p_manager", p.manager) + field("联系电话", "p_phone", p.phone)
        html += HTML.field("主管部门", HTML.input("_dept", p.department?.name, readOnly: true))
        html += HTML.field("实施单位", HTML.input("_unit", p.unit?.name ?? organisationName, readOnly: true))
        return html + "</div></fieldset>"
    }

    func layoutField(_ layout: IndicatorLayout) -> String {
        HTML.field("指标体系", HTML.select("layout", [("classic", "成本指标在产出指标之下"), ("central_2021", "成本指标为一级指标（2021年起中央格式）")],
                                       selected: layout.rawValue, disabled: !editable))
    }

    func declaration(_ d: TargetDeclaration) -> String {
        var html = projectFields(d.project, full: true)
        let f = d.funds
        html += "<fieldset><legend>项目资金</legend><div class=\"grid\">"
        html += HTML.field("金额单位", HTML.select("f_unit", [("元", "元"), ("万元", "万元")], selected: (f?.unit ?? .yuan).rawValue, disabled: !editable))
        html += field("资金总额", "f_total", OfficialForm.amount(f?.total)) + field("当年财政拨款", "f_fiscal", OfficialForm.amount(f?.fiscal))
        html += field("上年结转资金", "f_carry", OfficialForm.amount(f?.carryOver)) + field("其他资金", "f_other", OfficialForm.amount(f?.other))
        html += "</div></fieldset>"
        html += "<fieldset><legend>绩效目标</legend>" + area("项目总目标", "overall_goal", d.overallGoal) + area("年度总体目标", "annual_goal", d.annualGoal) + "</fieldset>"
        html += subTasks(d.project.subTasks)
        html += "<fieldset><legend>绩效指标</legend>" + layoutField(d.layout) + indicatorTable(d.indicators, columns: .declaration) + "</fieldset>"
        return html
    }

    func projectEvaluation(_ e: ProjectSelfEvaluation) -> String {
        var html = projectFields(e.project, full: false)
        html += executionBlock(e.execution, reason: e.execution?.deviationReason)
        html += goalsBlock(e.goals, numbered: false)
        html += "<fieldset><legend>绩效指标</legend>" + layoutField(e.layout) + indicatorTable(e.indicators, columns: .evaluation) + "</fieldset>"
        html += totalsBlock(total: e.reportedTotal, grade: e.reportedGrade)
        html += analysisBlock(e.analysis)
        html += "<fieldset><legend>填报信息</legend><div class=\"grid\">" + field("填表人", "filled_by", e.filledBy) + field("填报日期", "date", e.date) + "</div></fieldset>"
        return html
    }

    func departmentEvaluation(_ e: DepartmentEvaluation) -> String {
        var html = "<fieldset><legend>部门</legend><div class=\"grid\">" + HTML.field("部门名称", HTML.input("_dept", e.department.name, readOnly: true)) + "</div></fieldset>"
        if let rollup { html += rollup.html(editable: editable) }
        html += executionBlock(e.execution, reason: e.deviationReason)
        html += goalsBlock(e.goals, numbered: true)
        html += "<fieldset><legend>绩效指标</legend>" + layoutField(e.layout) + indicatorTable(e.indicators, columns: .department) + "</fieldset>"
        html += totalsBlock(total: e.reportedTotal, grade: e.reportedGrade)
        html += "<fieldset><legend>自评结论</legend>" + area("自评结论", "conclusion", e.conclusion, rows: 4) + "</fieldset>"
        return html
    }

    func executionBlock(_ x: BudgetExecution?, reason: String?) -> String {
        var html = "<fieldset><legend>预算执行情况</legend><div class=\"grid\">"
        html += HTML.field("金额单位", HTML.select("x_unit", [("万元", "万元"), ("元", "元")], selected: (x?.unit ?? .tenThousandYuan).rawValue, disabled: !editable))
        html += field("年初预算数", "x_initial", OfficialForm.amount(x?.initialBudget))
        html += field("全年预算数（A）", "x_annual", OfficialForm.amount(x?.annualBudget)) + field("全年执行数（B）", "x_executed", OfficialForm.amount(x?.executed))
        html += field("分值", "x_weight", x?.weight?.description) + rateField(x)
        html += field("得分", "x_score", x?.reportedScore?.description)
        html += "</div>"
        html += breakdownRows(x)
        if let e = analysis.score.execution {
            html += "<p class=\"explain\">建议得分 <b>\(e.suggested?.shortText() ?? "—")</b>：\(HTML.escape(e.explanation))</p>"
        }
        html += area("偏差原因分析及改进措施", "x_reason", reason, rows: 2)
        return html + "</fieldset>"
    }

    /// 执行率, worked out from A and B as they are typed (not typed itself). The stored value rides along hidden, for
    /// a form without A or B; a printed rate that differs from B ÷ A is shown, since saving replaces it.
    func rateField(_ x: BudgetExecution?) -> String {
        let computed = FormReader.computedRate(x)
        var note: String?
        if let stored = x?.reportedRate, let computed, stored.value != computed.value {
            note = "原表印为\(stored.description)，按 B÷A 应为\(computed.description)；保存时改为计算值。"
        }
        let shown = computed?.description ?? "—"
        let output = "<output id=\"execution-rate\" class=\"computed\" aria-live=\"polite\">\(HTML.escape(shown))</output>"
            + "<input type=\"hidden\" name=\"x_rate\" value=\"\(HTML.escape(x?.reportedRate?.description ?? ""))\">"
        return HTML.field("执行率（B÷A，自动计算）", output, note: note)
    }

    /// The rows under the total as the official form prints them (其中：当年财政拨款 … or 基本支出 / 项目支出),
    /// each with its computed 执行率; the usual rows are offered empty when the form has none.
    func breakdownRows(_ x: BudgetExecution?) -> String {
        // The usual rows in the official order, then any other row the form has, in its order.
        let stored = x?.breakdown ?? []
        let usual = FormReader.usualBreakdown(form.kind)
        let rows = usual.map { label in stored.first { FormReader.sameRow($0.label, label) } ?? BudgetExecutionRow(label: label) }
            + stored.filter { row in !usual.contains { FormReader.sameRow(row.label, $0) } }
        var html = "<table class=\"rows breakdown\"><thead><tr><th>资金来源</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th></tr></thead><tbody>"
        for (index, row) in rows.enumerated() {
            let rate: String
            if let a = row.annualBudget?.value, let b = row.executed?.value, a > 0 { rate = (b / a).percentText(places: 2) } else { rate = "—" }
            html += "<tr><td>\(text("xb.\(index).label", row.label, size: 14))</td>"
            html += "<td>\(text("xb.\(index).initial", OfficialForm.amount(row.initialBudget), size: 10))</td>"
            html += "<td>\(text("xb.\(index).annual", OfficialForm.amount(row.annualBudget), size: 10))</td>"
            html += "<td>\(text("xb.\(index).executed", OfficialForm.amount(row.executed), size: 10))</td>"
            html += "<td class=\"num\">\(rate)</td></tr>"
        }
        return html + "</tbody></table>"
    }

    func goalsBlock(_ goals: [Goal], numbered: Bool) -> String {
        var html = "<fieldset><legend>\(numbered ? "部门绩效目标" : "年度总体目标")</legend><table class=\"rows\"><thead><tr>"
        html += (numbered ? "<th>序号</th>" : "") + "<th>预期目标</th><th>实际完成情况</th>\(editable ? "<th></th>" : "")</tr></thead><tbody>"
        for (index, goal) in goals.enumerated() {
            html += "<tr>" + (numbered ? "<td>目标\(index + 1)</td>" : "")
            html += "<td>\(HTML.textarea("g.\(index).target", goal.target, label: "预期目标", rows: 2, readOnly: !editable))</td>"
            html += "<td>\(HTML.textarea("g.\(index).actual", goal.actual, label: "实际完成情况", rows: 2, readOnly: !editable))</td>"
            html += editable ? "<td>\(rowButtons(.goal, index))</td>" : ""
            html += "</tr>"
        }
        html += "</tbody></table>"
        if editable { html += addButton(.goal, "增加目标") }
        return html + "</fieldset>"
    }

    func subTasks(_ tasks: [SubTask]) -> String {
        var html = "<fieldset><legend>子项</legend><table class=\"rows\"><thead><tr><th>编号</th><th>子项名称</th><th>内容</th>\(editable ? "<th></th>" : "")</tr></thead><tbody>"
        for (index, task) in tasks.enumerated() {
            html += "<tr><td>\(index + 1)</td><td>\(text("s.\(index).title", task.title))</td>"
            html += "<td>\(HTML.textarea("s.\(index).detail", task.detail, label: "内容", rows: 1, readOnly: !editable))</td>"
            html += editable ? "<td>\(rowButtons(.subtask, index))</td>" : ""
            html += "</tr>"
        }
        html += "</tbody></table>"
        if editable { html += addButton(.subtask, "增加子项") }
        return html + "</fieldset>"
    }

    func totalsBlock(total: PrintedNumber?, grade: String?) -> String {
        var html = "<fieldset><legend>总分和等级</legend><div class=\"grid\">"
        html += field("总分", "total", total?.description) + field("自评等级", "grade", grade)
        html += "</div>"
        if editable {
            html += "<label class=\"check\"><input type=\"checkbox\" name=\"auto_total\" value=\"on\" checked> 保存时按各项得分合计总分并定等级</label>"
        }
        return html + "</fieldset>"
    }

    func analysisBlock(_ texts: [AnalysisText]) -> String {
        var html = "<fieldset><legend>分析说明</legend>"
        for (index, item) in texts.enumerated() {
            html += "<div class=\"analysis\">\(text("a.\(index).heading", item.heading, size: 30))"
            html += HTML.textarea("a.\(index).text", item.text, label: item.heading, rows: 3, readOnly: !editable)
            if editable { html += rowButtons(.analysis, index) }
            html += "</div>"
        }
        if editable { html += addButton(.analysis, "增加一段说明") }
        return html + "</fieldset>"
    }

    func rowButtons(_ kind: EditorAction.RowKind, _ index: Int) -> String {
        func button(_ verb: EditorAction.RowVerb, _ words: String, _ shown: String) -> String {
            "<button type=\"submit\" name=\"action\" value=\"\(EditorAction.row(verb, kind, index: index).value)\" title=\"\(words)\" aria-label=\"\(words)\">\(shown)</button>"
        }
        return "<span class=\"row-buttons\">" + button(.up, "上移", "↑") + button(.down, "下移", "↓") + button(.remove, "删除", "删除") + "</span>"
    }

    /// The button that adds a row of `kind`.
    func addButton(_ kind: EditorAction.RowKind, _ words: String, className: String? = nil) -> String {
        "<button type=\"submit\" name=\"action\" value=\"\(EditorAction.row(.add, kind, index: nil).value)\"\(className.map { " class=\"\($0)\"" } ?? "")>\(words)</button>"
    }
}
