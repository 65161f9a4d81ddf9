import Foundation
import JixiaoCore

/// Reads one 财政项目支出绩效目标申报表 (seed 001), with its sub-tasks where the project has them.
struct DeclarationReader {
    let session: ImportSession

    func read(_ range: Range<Int>, title: String?) -> TargetDeclaration {
        let fields = FormFields(session: session)
        let rows = session.rows
        var project = Project(name: "")
        var declaration = TargetDeclaration(project: project, source: session.source(rows[range.lowerBound]))
        var formName: String { project.name.isEmpty ? "未命名项目" : project.name }
        var funds: Funds?
        enum TextState { case none, overall, annual, subTasks }
        var state = TextState.none
        var annual: [String] = []
        var sawTable = false
        let compactTitle = title.map(TextRow.compact)
        var i = range.lowerBound
        while i < range.upperBound {
            let row = rows[i]
            let compact = row.compactText
            if let compactTitle, compact == compactTitle { session.use(row); i += 1; continue }
            if row.filled.count == 1, compact.hasBytePrefix("("), let year = Cells.fiscalYear(compact) {
                project.fiscalYear = year
                session.use(row); i += 1; continue
            }
            if let columns = IndicatorColumns(header: row) {
                let table = IndicatorTableReader.readTable(session: session, columns: columns, header: i, end: range.upperBound, form: formName)
                declaration.indicators += table.indicators
                declaration.layout = table.layout
                i = table.next
                sawTable = true
                state = .none
                continue
            }
            if fields.apply(row, to: &project) { session.use(row); i += 1; continue }
            // `年度目标： ⇥ text`, `长期目标（跨度多年的项目需填）： ⇥ text`, `本年度项目金额（万元）： ⇥ 0.00`.
            let isGoalHeader = row.compactFilled.count == 2 && row.compactFilled.contains("长期目标") && row.compactFilled.contains("年度目标")
            if let label = row.filled.first.map({ FormFields.withoutColons(TextRow.compact($0)) }), row.filled.count >= 2, !isGoalHeader {
                let text = row.filled.dropFirst().joined(separator: "\n")
                if label == "年度目标" || label == "年度总体目标" { annual.append(text); session.use(row); i += 1; continue }
                if label.hasBytePrefix("长期目标") || label == "项目总目标" { declaration.overallGoal = text; session.use(row); i += 1; continue }
                if label.hasBytePrefix("本年度项目金额") || label.hasBytePrefix("项目总金额"), row.filled.count == 2 || row.filled.count == 4,
                   let n = Cells.number(row.filled[1]) {
                    if funds == nil { funds = Funds(unit: label.has("万元") ? .tenThousandYuan : .yuan, source: session.source(row)) }
                    if label.hasBytePrefix("本年度项目金额") { funds?.total = n } else { funds?.projectTotal = n }
                    if row.filled.count == 4, let other = Cells.number(row.filled[3]) {
                        let second = FormFields.withoutColons(TextRow.compact(row.filled[2]))
                        if second.hasBytePrefix("本年度项目金额") { funds?.total = other } else if second.hasBytePrefix("项目总金额") { funds?.projectTotal = other }
                    }
                    session.use(row); i += 1; continue
                }
            }
            // The review boxes: `主管部门审核意见 ⇥ 同意申报。`, or the label alone when left blank.
            if let label = row.filled.first.map(TextRow.compact), label == "主管部门审核意见" || label == "财政部门审核意见" {
                let text = row.filled.dropFirst().joined(separator: "\n")
                if label == "主管部门审核意见" { declaration.departmentOpinion = text } else { declaration.financeOpinion = text }
                session.use(row); i += 1; continue
            }
            // 长期目标 / 年度目标 as a header row with the texts on the next row.
            if row.isTable, isGoalHeader {
                session.use(row)
                if i + 1 < range.upperBound, rows[i + 1].isTable, rows[i + 1].filled.count >= 1, IndicatorColumns(header: rows[i + 1]) == nil {
                    let texts = rows[i + 1].filled
                    let longFirst = row.compactFilled[0] == "长期目标"
                    if texts.count >= 2 {
                        declaration.overallGoal = longFirst ? texts[0] : texts[1]
                        annual.append(longFirst ? texts[1...].joined(separator: "\n") : texts[0])
                    } else {
                        annual.append(texts[0])
                    }
                    session.use(rows[i + 1])
                    i += 2
                } else {
                    i += 1
                }
                continue
            }
            if row.isTable, Self.readFunds(row, into: &funds, session: session) {
                session.use(row); i += 1; continue
            }
            // 项目总目标 / 年度总体目标 as a table row with the texts on the next row.
            let cells = row.compactFilled
            if row.isTable, cells.contains("年度总体目标") {
                session.use(row)
                if i + 1 < range.upperBound, rows[i + 1].isTable {
                    let texts = rows[i + 1].filled
                    if cells.contains("项目总目标"), texts.count >= 2 {
                        declaration.overallGoal = texts[0]
                        annual.append(texts.dropFirst().joined(separator: "\n"))
                    } else if let text = texts.last {
                        annual.append(text)
                    }
                    session.use(rows[i + 1])
                    i += 2
                } else {
                    state = .annual
                    i += 1
                }
                continue
            }
            if !row.isTable {
                if compact == "项目总目标" { state = .overall; session.use(row); i += 1; continue }
                if compact == "年度总体目标" { state = .annual; session.use(row); i += 1; continue }
                if let subTask = Self.subTask(row.text, next: project.subTasks.count + 1) {
                    project.subTasks.append(subTask)
                    state = .subTasks
                    session.use(row); i += 1; continue
                }
                if row.isFurniture { session.use(row); i += 1; continue }
                switch state {
                case .overall: declaration.overallGoal = [declaration.overallGoal, row.text].compactMap { $0 }.joined(separator: "\n"); session.use(row)
                case .annual: annual.append(row.text); session.use(row)
                case .subTasks:
                    let last = project.subTasks.count - 1
                    project.subTasks[last].detail = (project.subTasks[last].detail ?? "") + row.text
                    session.use(row)
                case .none: break
                }
            }
            i += 1
        }
        if !annual.isEmpty { declaration.annualGoal = annual.joined(separator: "\n") }
        declaration.project = project
        declaration.funds = funds
        if !sawTable { session.report(.importFormIncomplete, ["form": formName, "missing": "绩效指标表"], row: rows[range.lowerBound], form: formName) }
        return declaration
    }

    /// Funds rows: each number belongs to the nearest funds label on its left.
    static func readFunds(_ row: TextRow, into funds: inout Funds?, session: ImportSession) -> Bool {
        var label: String?
        var found = false
        let unit = FormFields.moneyUnit(row)
        for cell in row.cells where !cell.isEmpty {
            let c = TextRow.compact(cell)
            if let n = Cells.number(cell), let current = label {
                if funds == nil { funds = Funds(unit: unit ?? .yuan, source: session.source(row)) }
                switch current {
                case "total": funds?.total = n
                case "fiscal": funds?.fiscal = n
                case "carry": funds?.carryOver = n
                case "other": funds?.other = n
                default: break
                }
                found = true
            } else if c.has("资金总额") || c.has("申请总额") {
                label = "total"
            } else if c.has("当年财政拨款") || c == "其中:财政拨款" || c == "其中：财政拨款" || c == "财政拨款" {
                label = "fiscal"
            } else if c.has("上年结转") {
                label = "carry"
            } else if c == "其他资金" {
                label = "other"
            } else if c.hasBytePrefix("项目资金") || c == "资金来源" {
                if funds == nil { funds = Funds(unit: unit ?? .yuan, source: session.source(row)) }
                found = true
            }
        }
        return found
    }

    /// `- 管理运行——“三监联动”管理运行技术支持——通过…` or `9 固定源—建设项目…—全市…`.
    static func subTask(_ text: String, next: Int) -> SubTask? {
        var body = Substring(text)
        var number = next
        if body.hasBytePrefix("- ") || body.hasBytePrefix("• ") {
            body = body.dropFirst(2)
        } else {
            let digits = body.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 2, let n = Int(digits) else { return nil }
            let rest = body.dropFirst(digits.count)
            guard rest.first == " " || rest.first == "." || rest.first == "、" else { return nil }
            number = n
            body = rest.dropFirst()
        }
        let parts = body.components(separatedBy: body.has("——") ? "——" : "—")
        guard parts.count >= 2 else { return nil }
        let title = parts.count >= 3 ? parts[0..<2].joined(separator: "——") : parts[0]
        let detail = parts.count >= 3 ? parts[2...].joined(separator: "—") : parts[1]
        return SubTask(number: number, title: title.trimmingCharacters(in: .whitespaces), detail: detail)
    }
}
