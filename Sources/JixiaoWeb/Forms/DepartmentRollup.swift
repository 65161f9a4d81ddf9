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

    /// The roll-up box of the department's editor (template `department-rollup`).
    func html(editable: Bool) -> String { Views.render(DepartmentRollupView(self, editable: editable)) }

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

/// The department's projects summed, as its editor shows them, with the button that fills the 项目支出 row.
struct DepartmentRollupView: TemplateView {
    static let template = "department-rollup"

    struct Row: Sendable {
        var id: Int64
        var title: String
        var unit: String
        var annual: String
        var executed: String
        var rate: String
        var suggested: String
        var grade: String
        var errors: Int
    }

    var count: Int
    var rows: [Row]
    var annual: String
    var executed: String
    var rate: String
    var grades: String
    var assemble: String?

    init(_ rollup: DepartmentRollup, editable: Bool) {
        count = rollup.rows.count
        rows = rollup.rows.map { row in
            Row(id: row.id, title: row.title, unit: row.unit, annual: row.annualBudget?.fixedText(places: 2) ?? "—",
                executed: row.executed?.fixedText(places: 2) ?? "—",
                rate: row.summary.executionRate.map { ($0 * 100).fixedText(places: 2) + "%" } ?? "—",
                suggested: row.summary.suggestedTotal?.shortText() ?? "—", grade: row.summary.suggestedGrade?.rawValue ?? "—",
                errors: row.summary.errorCount)
        }
        annual = rollup.annualBudget.fixedText(places: 2)
        executed = rollup.executed.fixedText(places: 2)
        rate = rollup.annualBudget > 0 ? ((rollup.executed / rollup.annualBudget) * 100).fixedText(places: 2) + "%" : "—"
        grades = rollup.gradeCounts.map { "\($0.0.rawValue) \($0.1)个" }.joined(separator: "，")
        assemble = editable && !rollup.rows.isEmpty ? EditorAction.assemble.value : nil
    }
}
