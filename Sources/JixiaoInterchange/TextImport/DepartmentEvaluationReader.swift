import Foundation
import JixiaoCore

/// Reads one 部门整体支出绩效自评表 (seed 003): execution, numbered goals, the indicators of
/// every goal, the total and the conclusion with its figures as claims.
struct DepartmentEvaluationReader {
    let session: ImportSession

    func read(_ range: Range<Int>, title: String?) -> DepartmentEvaluation {
        let fields = FormFields(session: session)
        let rows = session.rows
        var evaluation = DepartmentEvaluation(department: Organisation(name: "", kind: .department), source: session.source(rows[range.lowerBound]))
        var formName: String { evaluation.department.name.isEmpty ? "部门整体支出" : evaluation.department.name }
        var sawTable = false
        let compactTitle = title.map(TextRow.compact)
        var i = range.lowerBound
        while i < range.upperBound {
            let row = rows[i]
            let head = row.head
            if let compactTitle, row.compactText.has(compactTitle) { session.use(row); i += 1; continue }
            if row.filled.count == 1, head.hasBytePrefix("(") || head.hasBytePrefix("（"), let year = Cells.fiscalYear(head) {
                evaluation.fiscalYear = year
                session.use(row); i += 1; continue
            }
            let pairs = fields.pairs(row)
            if let name = pairs.first(where: { $0.0 == "部门名称" || $0.0 == "单位名称" })?.1 {
                evaluation.department = Organisation(codedName: name, kind: .department)
                session.use(row); i += 1; continue
            }
            if pairs.contains(where: { $0.0 == "联系人" || $0.0 == "联系电话" }) {
                for (key, value) in pairs {
                    if key == "联系人" { evaluation.contact = value } else if key == "联系电话" { evaluation.phone = value }
                }
                session.use(row); i += 1; continue
            }
            if ProjectEvaluationReader.isGoalHeader(row) { session.use(row); i += 1; continue }
            if FormFields.isExecutionHeader(row) {
                let (execution, next) = fields.readExecution(from: i, to: range.upperBound, form: formName)
                evaluation.execution = execution
                i = next
                continue
            }
            if head.hasBytePrefix("偏差原因分析"), sawTable == false, evaluation.goals.isEmpty {
                evaluation.deviationReason = row.filled.dropFirst().joined(separator: "\n")
                session.use(row); i += 1; continue
            }
            if let columns = IndicatorColumns(header: row) {
                let table = IndicatorTableReader.readTable(session: session, columns: columns, header: i, end: range.upperBound, form: formName)
                evaluation.indicators += table.indicators
                evaluation.layout = table.layout
                i = table.next
                sawTable = true
                continue
            }
            if head.hasBytePrefix("总分") {
                (evaluation.reportedTotal, evaluation.reportedGrade) = fields.readTotal(row)
                i += 1
                continue
            }
            if head.has("自评结论") {
                let text = row.filled.dropFirst().joined(separator: "\n")
                evaluation.conclusion = text
                var parent: String?
                evaluation.claims = NarrativeClaimReader().claims(in: text, section: "整体支出绩效自评结论", source: session.source(row), parent: &parent)
                if evaluation.reportedGrade == nil, let r = text.range(of: "自评等级为") {
                    let word = text[r.upperBound...].prefix { !"，。；,;“”\"".contains($0) }
                    if Grade(text: String(word)) != nil { evaluation.reportedGrade = String(word) }
                }
                session.use(row); i += 1; continue
            }
            if let goal = Self.goal(row, source: session.source(row)) {
                evaluation.goals.append(goal)
                session.use(row); i += 1; continue
            }
            if row.hasCell(["目标序号"]) || row.isFurniture || Furniture.cells.contains(head) || head == "年度绩效目标完成情况" {
                session.use(row); i += 1; continue
            }
            if head.hasBytePrefix("偏差原因分析"), row.filled.count == 1 { session.use(row); i += 1; continue }
            i += 1
        }
        if !sawTable { session.report(.importFormIncomplete, ["form": formName, "missing": "年度指标完成情况表"], row: rows[range.lowerBound], form: formName) }
        return evaluation
    }

    /// A goal row: a number cell followed by the goal text and its completion text.
    static func goal(_ row: TextRow, source: SourceLocation) -> Goal? {
        guard row.isTable else { return nil }
        let cells = row.filled
        // `目标1：巩固…` ⇥ `签约服务覆盖率78.6%…`: the number inside the goal's own text.
        if cells.count >= 2, let first = cells.first, first.hasBytePrefix("目标") {
            let digits = first.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
            let rest = first.dropFirst(2 + digits.count)
            if let n = Int(digits), rest.hasBytePrefix("：") || rest.hasBytePrefix(":") || rest.hasBytePrefix("、") || rest.hasBytePrefix(".") {
                return Goal(number: n, target: first, actual: cells.dropFirst().joined(separator: "\n"), source: source)
            }
        }
        guard let index = cells.firstIndex(where: { Int(TextRow.compact($0)).map { (1...99).contains($0) } ?? false }),
              index + 1 < cells.count else { return nil }
        let before = cells[..<index].map(TextRow.compact)
        guard before.allSatisfy({ $0.has("目标") || $0.has("完成情况") }) else { return nil }
        let texts = Array(cells[(index + 1)...])
        return Goal(number: Int(TextRow.compact(cells[index])), target: texts[0],
                    actual: texts.count > 1 ? texts.dropFirst().joined(separator: "\n") : nil, source: source)
    }
}
