import Foundation
import JixiaoCore
import JixiaoStore

/// The official form on A4, laid out like the published ones, for the browser's print-to-PDF.
struct PrintView {
    var record: FormRecord
    var organisationName: String
    var analysis: FormAnalysis

    func html() -> String {
        var body = ""
        switch record.form {
        case .targetDeclaration(let d): body = declaration(d)
        case .projectSelfEvaluation(let e): body = evaluation(e)
        case .departmentEvaluation(let e): body = department(e)
        }
        return """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(HTML.escape(record.title))</title>
        <link rel="stylesheet" href="/static/app.css"></head><body class="print">\(body)
        <p class="print-foot">jixiao 绩效 打印于\(Self.today())；第\(record.version)版</p></body></html>
        """
    }

    static func today() -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
        return "\(c.year!)年\(c.month!)月\(c.day!)日"
    }

    func e(_ text: String?) -> String { HTML.escape(text ?? "") }

    func row(_ cells: [(String, Int)]) -> String {
        "<tr>" + cells.map { "<td\($0.1 > 1 ? " colspan=\"\($0.1)\"" : "")>\($0.0)</td>" }.joined() + "</tr>"
    }

    func declaration(_ d: TargetDeclaration) -> String {
        let f = d.funds
        var html = "<h1>项目支出绩效目标申报表</h1><p class=\"print-meta\">（\(record.fiscalYear)年度）　单位：\(f?.unit.rawValue ?? "元")</p><table class=\"official\">"
        html += row([("项目名称", 1), (e(d.project.name), 3)])
        html += row([("主管部门", 1), (e(d.project.department?.name), 1), ("实施单位", 1), (e(d.project.unit?.name ?? organisationName), 1)])
        html += row([("项目性质", 1), (e(d.project.nature), 1), ("项目类别", 1), (e(d.project.category), 1)])
        html += row([("项目资金", 1), ("资金总额：\(f?.total?.description ?? "")<br>其中：财政拨款 \(f?.fiscal?.description ?? "")　上年结转 \(f?.carryOver?.description ?? "")　其他资金 \(f?.other?.description ?? "")", 3)])
        html += row([("总体目标", 1), (e(d.overallGoal), 3)])
        html += row([("年度目标", 1), (e(d.annualGoal), 3)])
        if !d.project.subTasks.isEmpty {
            html += row([("子项", 1), (d.project.subTasks.map { "\($0.number). \(e($0.title))" }.joined(separator: "<br>"), 3)])
        }
        html += "</table><table class=\"official\"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr></thead><tbody>"
        html += indicatorRows(d.indicators) { i in [(e((i.subTasks.map { $0.text } ?? "") + i.name), 1), (e(i.target?.text), 1)] }
        return html + "</tbody></table>"
    }

    func executionRows(_ x: BudgetExecution?) -> String {
        var html = "<tr><th>年初预算数</th><th>全年预算数（A）</th><th>全年执行数（B）</th><th>分值</th><th>执行率</th><th>得分</th></tr>"
        html += row([(x?.initialBudget?.description ?? "", 1), (x?.annualBudget?.description ?? "", 1), (x?.executed?.description ?? "", 1),
                     (x?.weight?.description ?? "", 1), (x?.reportedRate?.description ?? "", 1), (x?.reportedScore?.description ?? "", 1)])
        return html
    }

    func evaluation(_ ev: ProjectSelfEvaluation) -> String {
        var html = "<h1>项目支出绩效自评表</h1><p class=\"print-meta\">（\(record.fiscalYear)年度）　金额单位：\(ev.execution?.unit.rawValue ?? "万元")</p><table class=\"official\">"
        html += row([("项目名称", 1), (e(ev.project.name), 5)])
        html += row([("主管部门", 1), (e(ev.project.department?.name), 2), ("实施单位", 1), (e(ev.project.unit?.name ?? organisationName), 2)])
        html += executionRows(ev.execution)
        for goal in ev.goals { html += row([("年度总体目标", 1), (e(goal.target), 2), ("实际完成情况", 1), (e(goal.actual), 2)]) }
        html += "</table>" + scoredTable(ev.indicators, goal: false)
        html += "<table class=\"official\">" + row([("总分", 1), (ev.reportedTotal?.description ?? "", 1), ("自评等级", 1), (e(ev.reportedGrade), 1)])
        for item in ev.analysis { html += row([(e(item.heading), 1), (e(item.text), 3)]) }
        html += row([("填表人", 1), (e(ev.filledBy), 1), ("填报日期", 1), (e(ev.date), 1)])
        return html + "</table>"
    }

    func department(_ ev: DepartmentEvaluation) -> String {
        var html = "<h1>部门整体支出绩效自评表</h1><p class=\"print-meta\">（\(record.fiscalYear)年度）　金额单位：\(ev.execution?.unit.rawValue ?? "万元")</p><table class=\"official\">"
        html += row([("部门名称", 1), (e(ev.department.name), 5)])
        html += executionRows(ev.execution)
        html += row([("偏差原因", 1), (e(ev.deviationReason), 5)])
        for goal in ev.goals { html += row([("目标\(goal.number ?? 0)", 1), (e(goal.target), 2), ("完成情况", 1), (e(goal.actual), 2)]) }
        html += "</table>" + scoredTable(ev.indicators, goal: true)
        html += "<table class=\"official\">" + row([("总分", 1), (ev.reportedTotal?.description ?? "", 1), ("自评等级", 1), (e(ev.reportedGrade), 1)])
        html += row([("自评结论", 1), (e(ev.conclusion), 3)])
        return html + "</table>"
    }

    func scoredTable(_ indicators: [Indicator], goal: Bool) -> String {
        var html = "<table class=\"official\"><thead><tr>\(goal ? "<th>目标</th>" : "")<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr></thead><tbody>"
        html += indicatorRows(indicators, goal: goal) { i in
            [(e(i.name), 1), (e(i.adjustedTarget?.isFilled == true ? "\(i.target?.text ?? "")（调整后 \(i.adjustedTarget!.text)）" : i.target?.text), 1),
             (e(i.actual?.text), 1), (i.weight?.description ?? "", 1), (i.reportedScore?.description ?? "", 1), (e(i.deviationReason), 1)]
        }
        return html + "</tbody></table>"
    }

    /// Rows with the 一级 and 二级 labels written once for each run, as merged cells are printed.
    func indicatorRows(_ indicators: [Indicator], goal: Bool = false, cells: (Indicator) -> [(String, Int)]) -> String {
        var html = ""
        var previous: (String?, String?) = (nil, nil)
        for i in indicators {
            let l1 = i.level1Label ?? i.level1?.chineseName, l2 = i.level2Label ?? i.level2?.chineseName
            var row: [(String, Int)] = []
            if goal { row.append((i.goalNumber.map { "目标\($0)" } ?? "", 1)) }
            row.append((l1 == previous.0 ? "" : e(l1), 1))
            row.append((l1 == previous.0 && l2 == previous.1 ? "" : e(l2), 1))
            previous = (l1, l2)
            html += self.row(row + cells(i))
        }
        return html
    }
}
