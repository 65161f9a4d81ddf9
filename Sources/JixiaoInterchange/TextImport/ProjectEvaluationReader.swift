import Foundation
import JixiaoCore

/// Reads one 项目支出绩效自评表 (seed 002 and the Jincheng layout of seed 004).
struct ProjectEvaluationReader {
    let session: ImportSession

    func read(_ range: Range<Int>, title: String?) -> ProjectSelfEvaluation {
        let fields = FormFields(session: session)
        let rows = session.rows
        var project = Project(name: "")
        var evaluation = ProjectSelfEvaluation(project: project, source: session.source(rows[range.lowerBound]))
        evaluation.printedTitle = title
        var formName: String { project.name.isEmpty ? (title ?? "未命名项目") : project.name }
        var sawTable = false, sawTotal = false
        let compactTitle = title.map(TextRow.compact)
        var i = range.lowerBound
        while i < range.upperBound {
            let row = rows[i]
            if i < range.lowerBound + 4, !row.isTable, title != nil, !row.isFurniture {
                if project.fiscalYear == nil { project.fiscalYear = Cells.fiscalYear(row.text) }
                session.use(row); i += 1; continue
            }
            if title != nil, row.compactText == compactTitle || (row.filled.count == 1 && Cells.fiscalYear(row.text) != nil && row.text.isShort(15)) {
                project.fiscalYear = project.fiscalYear ?? Cells.fiscalYear(row.text)
                session.use(row); i += 1; continue
            }
            if FormFields.isExecutionHeader(row) {
                let (execution, next) = fields.readExecution(from: i, to: range.upperBound, form: formName)
                evaluation.execution = execution
                i = next
                continue
            }
            if let columns = IndicatorColumns(header: row) {
                let table = IndicatorTableReader.readTable(session: session, columns: columns, header: i, end: range.upperBound, form: formName)
                evaluation.indicators += table.indicators
                evaluation.layout = table.layout
                i = table.next
                sawTable = true
                continue
            }
            if IndicatorTableReader.endsTable(row), row.head.hasBytePrefix("总分") || row.head.hasBytePrefix("合计") {
                (evaluation.reportedTotal, evaluation.reportedGrade) = fields.readTotal(row, next: i + 1 < range.upperBound ? rows[i + 1] : nil)
                sawTotal = true
                let (analysis, next) = fields.readAnalysis(from: i + 1, to: range.upperBound)
                evaluation.analysis = analysis
                i = next
                continue
            }
            if IndicatorTableReader.endsTable(row) {
                let (analysis, next) = fields.readAnalysis(from: i, to: range.upperBound)
                evaluation.analysis += analysis
                i = max(next, i + 1)
                continue
            }
            // `年度目标 ⇥ text` and `实际完成情况 ⇥ text` on rows of their own.
            var labelled = Array(row.filled.drop { ["项目年度绩效目标", "项目年度目标", "年度绩效目标"].contains(TextRow.compact($0)) })
            if let first = labelled.first, first.hasBytePrefix("年度目标"), TextRow.compact(first) != "年度目标" {
                labelled = ["年度目标", String(first.dropFirst(4)).trimmingCharacters(in: .whitespaces)] + labelled.dropFirst()
            }
            if let label = labelled.first.map(TextRow.compact), labelled.count >= 2, !Self.isGoalHeader(row),
               label == "年度目标" || label == "实际完成情况" {
                let text = labelled.dropFirst().joined(separator: "\n")
                if label == "年度目标" {
                    evaluation.goals.append(Goal(target: text, source: session.source(row)))
                } else if !evaluation.goals.isEmpty {
                    evaluation.goals[evaluation.goals.count - 1].actual = text
                } else {
                    evaluation.goals.append(Goal(target: "", actual: text, source: session.source(row)))
                }
                session.use(row); i += 1; continue
            }
            if Self.isGoalHeader(row) {
                session.use(row)
                i += 1
                while i < range.upperBound, rows[i].isTable, IndicatorColumns(header: rows[i]) == nil, !FormFields.isExecutionHeader(rows[i]),
                      !IndicatorTableReader.startsWithCategory(rows[i]), !Self.isIndicatorBlockLabel(rows[i].head) {
                    let texts = rows[i].filled.filter { !Self.goalFrames.contains(TextRow.compact($0)) }
                    if let target = texts.first {
                        evaluation.goals.append(Goal(target: target, actual: texts.count > 1 ? texts.dropFirst().joined(separator: "\n") : nil,
                                                     source: session.source(rows[i])))
                    }
                    session.use(rows[i])
                    i += 1
                }
                continue
            }
            if fields.apply(row, to: &project) { session.use(row); i += 1; continue }
            if row.text.has("填表人") {
                (evaluation.filledBy, evaluation.phone, evaluation.date) = Self.signature(row.text)
                session.use(row); i += 1; continue
            }
            i += 1
        }
        if project.fiscalYear == nil, let title { project.fiscalYear = Cells.fiscalYear(title) }
        evaluation.project = project
        if !sawTable { session.report(.importFormIncomplete, ["form": formName, "missing": "绩效指标表"], row: rows[range.lowerBound], form: formName) }
        else if !sawTotal { session.report(.importFormIncomplete, ["form": formName, "missing": "总分行"], row: rows[range.upperBound - 1], form: formName) }
        return evaluation
    }

    /// The label of the indicator block (`年度绩效指标完成情况`, `绩效指标(90分)`) printed before its header:
    /// it ends the goals, it is no goal.
    static func isIndicatorBlockLabel(_ head: String) -> Bool {
        let compact = TextRow.compact(head)
        return compact.hasBytePrefix("绩效指标") || compact.hasBytePrefix("年度绩效指标")
    }

    static let goalFrames: Set<ExactText> = ["年度目标", "预期目标", "项目年度目标", "年度总体目标", "年度绩效目标", "实际完成情况", "实际完成目标"]

    /// `年度目标 | 实际完成情况`, `预期目标 | 实际完成目标`, `年度绩效目标（80分） | 实际完成情况`.
    static func isGoalHeader(_ row: TextRow) -> Bool {
        let cells = row.compactFilled
        guard cells.count <= 3 else { return false }
        return cells.contains { $0 == "实际完成情况" || $0 == "实际完成目标" || $0 == "全年实际完成情况" }
            && cells.contains { $0 == "年度目标" || $0 == "预期目标" || $0 == "年度总体目标" || $0 == "项目年度目标" || $0.hasBytePrefix("年度绩效目标") }
    }

    /// `填表人：杨涛 联系电话：65072191 填写日期：2022.1.10`.
    static func signature(_ text: String) -> (String?, String?, String?) {
        func value(after label: String) -> String? {
            guard let r = text.range(of: label) else { return nil }
            var rest = text[r.upperBound...].drop { $0 == "：" || $0 == ":" || $0 == " " }
            if let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) { rest = rest[..<end] }
            return rest.isEmpty ? nil : String(rest)
        }
        return (value(after: "填表人"), value(after: "联系电话"), value(after: "填写日期") ?? value(after: "填报日期"))
    }

    /// The 2021 central layout when 成本 has the 经济/社会/生态环境成本 sub-categories.
    static func layout(_ rows: ArraySlice<TextRow>) -> IndicatorLayout {
        for row in rows where row.isTable {
            for cell in row.filled where cell.utf8.count <= 30 && cell.has("成本") {
                switch Level2Category.classify(TextRow.compact(cell)) {
                case .economicCost, .socialCost, .ecologicalCost: return .central2021
                default: continue
                }
            }
        }
        return .classic
    }
}
