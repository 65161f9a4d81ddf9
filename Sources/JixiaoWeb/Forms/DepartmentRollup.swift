import Foundation
import JixiaoCore
import JixiaoStore

/// A department's project self-evaluations of one year, summed for its overall evaluation.
struct DepartmentRollup: Sendable {
    struct Row: Sendable {
        var id: Int64
        var title: String
        var unit: String
        var annualBudget: Decimal?
        var executed: Decimal?
        var initialBudget: Decimal?
        var summary: FormSummary
    }

    var rows: [Row]

    init(records: [FormRecord], names: (Int64) -> String) {
        rows = records.compactMap { record in
            guard case .projectSelfEvaluation(let e) = record.form else { return nil }
            let unit = e.execution?.unit ?? .tenThousandYuan
            func wan(_ number: PrintedNumber?) -> Decimal? { number.map { unit.convert($0.value, to: .tenThousandYuan) } }
            return Row(id: record.id, title: record.title, unit: names(record.organisationID), annualBudget: wan(e.execution?.annualBudget),
                       executed: wan(e.execution?.executed), initialBudget: wan(e.execution?.initialBudget), summary: record.summary)
        }
    }

    var annualBudget: Decimal { rows.compactMap(\.annualBudget).reduce(0, +) }
    var executed: Decimal { rows.compactMap(\.executed).reduce(0, +) }
    var initialBudget: Decimal { rows.compactMap(\.initialBudget).reduce(0, +) }

    var gradeCounts: [(Grade, Int)] {
        Grade.allCases.map { grade in (grade, rows.filter { $0.summary.suggestedGrade == grade }.count) }
    }

    func html(editable: Bool) -> String {
        var html = "<fieldset><legend>本部门项目支出绩效自评汇总（\(rows.count)个项目）</legend>"
        html += "<div class=\"table-scroll\"><table class=\"rows\"><thead><tr><th>项目</th><th>单位</th><th>全年预算数（万元）</th><th>全年执行数（万元）</th><th>执行率</th><th>建议总分</th><th>建议等级</th><th>审核错误</th></tr></thead><tbody>"
        for row in rows {
            let rate = row.summary.executionRate.map { ($0 * 100).fixedText(places: 2) + "%" } ?? "—"
            html += "<tr><td><a href=\"/forms/\(row.id)\">\(HTML.escape(row.title))</a></td><td>\(HTML.escape(row.unit))</td>"
            html += "<td class=\"num\">\(row.annualBudget?.fixedText(places: 2) ?? "—")</td><td class=\"num\">\(row.executed?.fixedText(places: 2) ?? "—")</td>"
            html += "<td class=\"num\">\(rate)</td><td class=\"num\">\(row.summary.suggestedTotal?.shortText() ?? "—")</td>"
            html += "<td>\(row.summary.suggestedGrade?.rawValue ?? "—")</td><td class=\"num\">\(row.summary.errorCount)</td></tr>"
        }
        let rate = annualBudget > 0 ? ((executed / annualBudget) * 100).fixedText(places: 2) + "%" : "—"
        html += "</tbody><tfoot><tr><th colspan=\"2\">合计</th><td class=\"num\">\(annualBudget.fixedText(places: 2))</td><td class=\"num\">\(executed.fixedText(places: 2))</td><td class=\"num\">\(rate)</td><td colspan=\"3\">"
        html += gradeCounts.map { "\($0.0.rawValue) \($0.1)个" }.joined(separator: "，") + "</td></tr></tfoot></table></div>"
        if editable && !rows.isEmpty {
            html += "<button type=\"submit\" name=\"action\" value=\"\(EditorAction.assemble.value)\">用项目汇总数填入“项目支出”行</button>"
        }
        return html + "</fieldset>"
    }

    /// The label of the breakdown row the projects' sums go into.
    static let projectRowLabel = "项目支出"

    /// Puts the summed project budgets into the department evaluation's 项目支出 row (万元) and says what changed.
    /// The department's own totals, rate and score are left alone: its budget also holds 基本支出.
    func assemble(into form: inout EvaluationForm) -> String {
        guard case .departmentEvaluation(var e) = form else { return "" }
        var x = e.execution ?? BudgetExecution()
        func money(_ wan: Decimal) -> PrintedNumber {
            PrintedNumber(MoneyUnit.tenThousandYuan.convert(wan, to: x.unit).rounded(places: 2), places: 2)
        }
        var row = BudgetExecutionRow(label: Self.projectRowLabel)
        if let index = x.breakdown.firstIndex(where: { FormReader.sameRow($0.label, Self.projectRowLabel) }) {
            row = x.breakdown.remove(at: index)
        }
        let before = row
        row.initialBudget = money(initialBudget)
        row.annualBudget = money(annualBudget)
        row.executed = money(executed)
        x.breakdown.append(row)
        e.execution = x
        form = .departmentEvaluation(e)
        let unit = x.unit.rawValue
        func change(_ name: String, _ old: PrintedNumber?, _ new: PrintedNumber?) -> String? {
            old == new ? nil : "\(name) \(old?.description ?? "（空）") → \(new?.description ?? "（空）")"
        }
        let changes = [change("年初预算数", before.initialBudget, row.initialBudget), change("全年预算数", before.annualBudget, row.annualBudget),
                       change("全年执行数", before.executed, row.executed)].compactMap { $0 }
        let what = changes.isEmpty ? "“\(row.label)”行已与\(rows.count)个项目的汇总数一致，没有改动。"
            : "已按\(rows.count)个项目的汇总数填入“\(row.label)”行（\(unit)）：\(changes.joined(separator: "，"))。"
        return what + "部门的预算总数、执行率和得分含基本支出，未改动。"
    }
}
