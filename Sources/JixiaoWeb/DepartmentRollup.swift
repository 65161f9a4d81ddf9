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
            html += "<button type=\"submit\" name=\"action\" value=\"assemble\">用项目汇总数填入预算执行情况</button>"
        }
        return html + "</fieldset>"
    }

    /// Puts the summed budgets into a department evaluation (万元).
    func assemble(into form: inout EvaluationForm) {
        guard case .departmentEvaluation(var e) = form else { return }
        var x = e.execution ?? BudgetExecution()
        x.unit = .tenThousandYuan
        x.initialBudget = PrintedNumber(initialBudget.rounded(places: 2), places: 2)
        x.annualBudget = PrintedNumber(annualBudget.rounded(places: 2), places: 2)
        x.executed = PrintedNumber(executed.rounded(places: 2), places: 2)
        x.reportedRate = nil
        x.reportedScore = nil
        e.execution = x
        form = .departmentEvaluation(e)
    }
}
