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

    /// The editor's view: the head, figures and findings; for a reader the official table, for an editor the blocks.
    func view(notice: String?, error: String?) -> EditorView {
        let status = returned == nil ? record.status.chineseName : "已退回"
        let s = analysis.summary
        var summary = [EditorView.Summary(label: "指标数", value: "\(s.indicatorCount)"),
                       EditorView.Summary(label: "分值合计", value: s.weightTotal?.shortText() ?? "—")]
        if form.kind != .targetDeclaration {
            summary.append(.init(label: "得分合计", value: analysis.score.reportedSum?.shortText() ?? "—", id: "reported-sum"))
            summary.append(.init(label: "建议总分", value: s.suggestedTotal?.shortText() ?? "—", id: "suggested-total"))
            summary.append(.init(label: "建议等级", value: s.suggestedGrade?.rawValue ?? "—", id: "suggested-grade"))
            if let rate = analysis.score.execution?.rate { summary.append(.init(label: "预算执行率", value: (rate * 100).fixedText(places: 2) + "%")) }
        }
        summary.append(.init(label: "审核", value: "\(s.errorCount)个错误，\(s.warningCount)个警告"))
        // Readers (reviewers above all) read the official table with each row's suggestion and findings, not
        // greyed-out inputs that cut text off.
        let official = editable ? nil
            : Views.render(OfficialForm(record: record, form: form, organisationName: organisationName, analysis: analysis, screen: true))
        var blocks: [EditorView.Block] = []
        if editable {
            switch form {
            case .targetDeclaration(let d): blocks = declaration(d)
            case .projectSelfEvaluation(let e): blocks = projectEvaluation(e)
            case .departmentEvaluation(let e): blocks = departmentEvaluation(e)
            }
        }
        return EditorView(
            heading: form.kind.chineseName, meta: "\(organisationName) · \(record.fiscalYear)年度 · \(status) · 第\(version)版", formID: record.id,
            top: top, returnedBy: returned.map { "\($0.who)于\(WorkflowPanel.time($0.at))" }, returnOpinion: returned?.comment,
            fixHint: editable, notice: notice, error: error,
            otherChanges: otherChanges.map { .init(who: $0.who, field: $0.field, old: $0.old ?? "（空）", new: $0.new ?? "（空）", clashes: $0.clashes) },
            otherCount: otherChanges.isEmpty ? nil : otherChanges.count, readOnly: !editable, summary: summary,
            formFindings: analysis.formFindings.map(FindingView.init), hasFormFindings: !analysis.formFindings.isEmpty, official: official,
            editorID: Self.formID, csrf: csrfToken, version: version, blocks: blocks)
    }

    // MARK: Blocks

    func control(_ key: String, _ value: String?, size: Int? = nil) -> EditorView.Control {
        .text(key, rawTexts[key] ?? value, label: FieldPath(editorKey: key).chineseName, size: size)
    }

    func field(_ label: String, _ key: String, _ value: String?) -> EditorView.Field {
        EditorView.Field(label: label, control: control(key, value), note: fieldErrors[key] ?? fieldWarnings[key], noteIsError: fieldErrors[key] != nil)
    }

    func area(_ label: String, _ key: String, _ value: String?, rows: Int = 3) -> EditorView.Field {
        EditorView.Field(label: label, control: .area(key, value, label: label, rows: rows), note: fieldErrors[key], noteIsError: true)
    }

    func projectFields(_ p: Project, full: Bool) -> EditorView.Block {
        var fields = [field("项目名称", "p_name", p.name)]
        if full {
            fields += [field("项目性质", "p_nature", p.nature), field("项目类别", "p_category", p.category),
                       field("计划开始", "p_start", p.plannedStart), field("计划完成", "p_end", p.plannedEnd)]
        }
        fields += [field("项目负责人", "p_manager", p.manager), field("联系电话", "p_phone", p.phone),
                   EditorView.Field(label: "主管部门", control: .text("_dept", p.department?.name, label: "", readOnly: true)),
                   EditorView.Field(label: "实施单位", control: .text("_unit", p.unit?.name ?? organisationName, label: "", readOnly: true))]
        return EditorView.Block(legend: "基本信息", fields: fields, isGrid: true)
    }

    func layoutField(_ layout: IndicatorLayout) -> EditorView.Field {
        EditorView.Field(label: "指标体系", control: .select("layout", [("classic", "成本指标在产出指标之下"), ("central_2021", "成本指标为一级指标（2021年起中央格式）")],
                                                        selected: layout.rawValue))
    }

    func declaration(_ d: TargetDeclaration) -> [EditorView.Block] {
        let f = d.funds
        let funds = EditorView.Block(legend: "项目资金", fields: [
            EditorView.Field(label: "金额单位", control: .select("f_unit", [("元", "元"), ("万元", "万元")], selected: (f?.unit ?? .yuan).rawValue)),
            field("资金总额", "f_total", OfficialForm.amount(f?.total)), field("当年财政拨款", "f_fiscal", OfficialForm.amount(f?.fiscal)),
            field("上年结转资金", "f_carry", OfficialForm.amount(f?.carryOver)), field("其他资金", "f_other", OfficialForm.amount(f?.other)),
        ], isGrid: true)
        let goals = EditorView.Block(legend: "绩效目标", areas: [area("项目总目标", "overall_goal", d.overallGoal), area("年度总体目标", "annual_goal", d.annualGoal)])
        return [projectFields(d.project, full: true), funds, goals, subTasks(d.project.subTasks),
                indicatorBlock(d.indicators, layout: d.layout, columns: .declaration)]
    }

    func projectEvaluation(_ e: ProjectSelfEvaluation) -> [EditorView.Block] {
        [projectFields(e.project, full: false), executionBlock(e.execution, reason: e.execution?.deviationReason), goalsBlock(e.goals, numbered: false),
         indicatorBlock(e.indicators, layout: e.layout, columns: .evaluation), totalsBlock(total: e.reportedTotal, grade: e.reportedGrade),
         analysisBlock(e.analysis),
         EditorView.Block(legend: "填报信息", fields: [field("填表人", "filled_by", e.filledBy), field("填报日期", "date", e.date)], isGrid: true)]
    }

    func departmentEvaluation(_ e: DepartmentEvaluation) -> [EditorView.Block] {
        var blocks = [EditorView.Block(legend: "部门", fields: [
            EditorView.Field(label: "部门名称", control: .text("_dept", e.department.name, label: "", readOnly: true)),
        ], isGrid: true)]
        if let rollup { blocks.append(EditorView.Block(legend: "", isRaw: true, raw: rollup.html(editable: editable))) }
        blocks += [executionBlock(e.execution, reason: e.deviationReason), goalsBlock(e.goals, numbered: true),
                   indicatorBlock(e.indicators, layout: e.layout, columns: .department), totalsBlock(total: e.reportedTotal, grade: e.reportedGrade),
                   EditorView.Block(legend: "自评结论", areas: [area("自评结论", "conclusion", e.conclusion, rows: 4)])]
        return blocks
    }

    func executionBlock(_ x: BudgetExecution?, reason: String?) -> EditorView.Block {
        var block = EditorView.Block(legend: "预算执行情况", fields: [
            EditorView.Field(label: "金额单位", control: .select("x_unit", [("万元", "万元"), ("元", "元")], selected: (x?.unit ?? .tenThousandYuan).rawValue)),
            field("年初预算数", "x_initial", OfficialForm.amount(x?.initialBudget)),
            field("全年预算数（A）", "x_annual", OfficialForm.amount(x?.annualBudget)), field("全年执行数（B）", "x_executed", OfficialForm.amount(x?.executed)),
            field("分值", "x_weight", x?.weight?.description), rateField(x), field("得分", "x_score", x?.reportedScore?.description),
        ], isGrid: true)
        block.subTable = breakdownRows(x)
        if let e = analysis.score.execution {
            block.explain = e.explanation
            block.explainScore = e.suggested?.shortText() ?? "—"
        }
        block.areas = [area("偏差原因分析及改进措施", "x_reason", reason, rows: 2)]
        return block
    }

    /// 执行率, worked out from A and B as they are typed (not typed itself). The stored value rides along hidden, for
    /// a form without A or B; a printed rate that differs from B ÷ A is shown, since saving replaces it.
    func rateField(_ x: BudgetExecution?) -> EditorView.Field {
        let computed = FormReader.computedRate(x)
        var note: String?
        if let stored = x?.reportedRate, let computed, stored.value != computed.value {
            note = "原表印为\(stored.description)，按 B÷A 应为\(computed.description)；保存时改为计算值。"
        }
        var output = EditorView.Control(name: "", value: computed?.description ?? "—", label: "")
        output.isComputed = true
        return EditorView.Field(label: "执行率（B÷A，自动计算）", control: output, note: note, hidden: .hidden("x_rate", x?.reportedRate?.description ?? ""))
    }

    /// The rows under the total as the official form prints them (其中：当年财政拨款 … or 基本支出 / 项目支出),
    /// each with its computed 执行率; the usual rows are offered empty when the form has none.
    func breakdownRows(_ x: BudgetExecution?) -> EditorView.Block.SubTable {
        // The usual rows in the official order, then any other row the form has, in its order.
        let stored = x?.breakdown ?? []
        let usual = FormReader.usualBreakdown(form.kind)
        let rows = usual.map { label in stored.first { FormReader.sameRow($0.label, label) } ?? BudgetExecutionRow(label: label) }
            + stored.filter { row in !usual.contains { FormReader.sameRow(row.label, $0) } }
        return .init(heads: ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"], rows: rows.enumerated().map { index, row in
            let rate: String
            if let a = row.annualBudget?.value, let b = row.executed?.value, a > 0 { rate = (b / a).percentText(places: 2) } else { rate = "—" }
            return EditorView.TableRow(cells: [control("xb.\(index).label", row.label, size: 14),
                                               control("xb.\(index).initial", OfficialForm.amount(row.initialBudget), size: 10),
                                               control("xb.\(index).annual", OfficialForm.amount(row.annualBudget), size: 10),
                                               control("xb.\(index).executed", OfficialForm.amount(row.executed), size: 10)],
                                       rate: rate, buttons: [])
        })
    }

    func goalsBlock(_ goals: [Goal], numbered: Bool) -> EditorView.Block {
        var block = EditorView.Block(legend: numbered ? "部门绩效目标" : "年度总体目标", isTable: true)
        block.heads = (numbered ? ["序号"] : []) + ["预期目标", "实际完成情况"]
        block.rows = goals.enumerated().map { index, goal in
            EditorView.TableRow(number: numbered ? "目标\(index + 1)" : nil,
                                cells: [.area("g.\(index).target", goal.target, label: "预期目标", rows: 2),
                                        .area("g.\(index).actual", goal.actual, label: "实际完成情况", rows: 2)],
                                buttons: rowButtons(.goal, index))
        }
        block.add = addButton(.goal, "增加目标")
        return block
    }

    func subTasks(_ tasks: [SubTask]) -> EditorView.Block {
        var block = EditorView.Block(legend: "子项", isTable: true)
        block.heads = ["编号", "子项名称", "内容"]
        block.rows = tasks.enumerated().map { index, task in
            EditorView.TableRow(number: "\(index + 1)", cells: [control("s.\(index).title", task.title),
                                                                 .area("s.\(index).detail", task.detail, label: "内容", rows: 1)],
                                buttons: rowButtons(.subtask, index))
        }
        block.add = addButton(.subtask, "增加子项")
        return block
    }

    func totalsBlock(total: PrintedNumber?, grade: String?) -> EditorView.Block {
        var block = EditorView.Block(legend: "总分和等级", fields: [field("总分", "total", total?.description), field("自评等级", "grade", grade)], isGrid: true)
        block.autoTotal = true
        return block
    }

    func analysisBlock(_ texts: [AnalysisText]) -> EditorView.Block {
        var block = EditorView.Block(legend: "分析说明", isAnalysis: true)
        block.rows = texts.enumerated().map { index, item in
            EditorView.TableRow(cells: [control("a.\(index).heading", item.heading, size: 30), .area("a.\(index).text", item.text, label: item.heading, rows: 3)],
                                buttons: rowButtons(.analysis, index))
        }
        block.add = addButton(.analysis, "增加一段说明")
        return block
    }

    func rowButtons(_ kind: EditorAction.RowKind, _ index: Int) -> [EditorView.Button] {
        [(EditorAction.RowVerb.up, "上移", "↑"), (.down, "下移", "↓"), (.remove, "删除", "删除")].map { verb, words, shown in
            EditorView.Button(value: EditorAction.row(verb, kind, index: index).value, label: shown, title: words)
        }
    }

    /// The button that adds a row of `kind`.
    func addButton(_ kind: EditorAction.RowKind, _ words: String, className: String? = nil) -> EditorView.Button {
        EditorView.Button(value: EditorAction.row(.add, kind, index: nil).value, label: words, className: className)
    }
}
