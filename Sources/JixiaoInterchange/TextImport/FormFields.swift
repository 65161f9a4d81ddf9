import Foundation
import JixiaoCore

/// Readers of the parts that project forms share: the label–value rows, the funds and
/// execution block, the goals, the total row and the analysis texts.
struct FormFields {
    let session: ImportSession

    static let keys: Set<ExactText> = ["项目名称", "主管部门", "主管部门及代码", "实施单位", "预算单位", "预算单位及代码", "项目负责人",
                                    "联系电话", "项目性质", "项目类别", "计划开始日期", "计划完成日期", "部门名称", "单位名称",
                                    "项目属性", "项目期", "实施周期", "项目周期", "实施期限", "联系人", "申请单位", "一级预算单位", "项目类型",
                                    "项目编码", "项目代码", "政策依据", "测算依据"]

    /// The label–value pairs of a row (`项目名称 ⇥ ⇥ 城区分局设备购置项目`).
    func pairs(_ row: TextRow) -> [(String, String)] {
        var result: [(String, String)] = []
        let cells = row.cells
        let compact = row.compactCells
        var i = 0
        while i < cells.count {
            let key = Self.key(compact[i])
            if Self.keys.contains(key) {
                var j = i + 1
                while j < cells.count, cells[j].isEmpty { j += 1 }
                if j < cells.count, !Self.keys.contains(Self.key(compact[j])) {
                    result.append((key, Cells.unwrapped(cells[j])))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return result
    }

    /// A label as a key: without colons and without a bracketed note (`申请单位：` → `申请单位`,
    /// `长期目标（跨度多年的项目需填）：` → `长期目标`).
    static func key(_ label: String) -> String {
        var key = withoutColons(label)
        if key.hasSuffix("）") || key.hasSuffix(")"), let open = key.lastIndex(where: { $0 == "（" || $0 == "(" }), open > key.startIndex {
            let bare = String(key[..<open])
            if keys.contains(bare) { key = bare }
        }
        return key
    }

    /// A label without the colons around it (`项目名称：` → `项目名称`).
    static func withoutColons(_ label: String) -> String {
        let scalars = label.unicodeScalars
        guard scalars.first == ":" || scalars.first == "：" || scalars.last == ":" || scalars.last == "：" else { return label }
        return String(label[...].trimming { $0 == ":" || $0 == "：" })
    }

    /// Applies a row's label–value pairs to a project; true when the row had any.
    func apply(_ row: TextRow, to project: inout Project) -> Bool {
        let found = pairs(row)
        for (key, value) in found {
            switch key {
            case "项目名称": project.name = value
            case "主管部门", "主管部门及代码": project.department = Organisation(codedName: value, kind: .department)
            case "实施单位", "预算单位", "预算单位及代码", "单位名称", "申请单位": project.unit = Organisation(codedName: value, kind: .unit)
            case "一级预算单位": if project.department == nil { project.department = Organisation(codedName: value, kind: .department) }
            case "项目编码", "项目代码": project.code = value
            case "政策依据": project.policyBasis = value
            case "测算依据": project.costBasis = value
            case "项目负责人": project.manager = value
            case "联系电话": project.phone = value
            case "项目性质", "项目属性": project.nature = value
            case "项目期", "实施周期", "项目周期", "实施期限": project.period = value
            case "联系人": if project.manager == nil { project.manager = value }
            case "项目类别", "项目类型": project.category = value
            case "计划开始日期": project.plannedStart = value
            case "计划完成日期": project.plannedEnd = value
            default: break
            }
        }
        return !found.isEmpty
    }

    /// `项目资金 (元)`, `(万元)` in a header → the money unit.
    static func moneyUnit(_ row: TextRow) -> MoneyUnit? {
        let text = row.compactText
        if text.has("(万元)") || text.has("（万元）") { return .tenThousandYuan }
        if text.has("(元)") || text.has("（元）") { return .yuan }
        return nil
    }

    /// True for the header of an execution block: a budget column and an execution column
    /// (全年预算数 and 全年执行数, 调整后预算数 and 预算执行数, …).
    static func isExecutionHeader(_ row: TextRow) -> Bool {
        let text = row.compactText
        if text.has("全年预算数") && text.has("全年执行数") { return true }
        guard row.filled.count >= 3, text.has("执行") else { return false }
        var annual = false, executed = false
        for cell in row.compactFilled where cell.utf8.count <= 36 {
            switch ColumnDictionary.shared.executionRole(cell) {
            case .annual?: annual = true
            case .executed?: executed = true
            default: continue
            }
        }
        return annual && executed
    }

    enum ExecutionRole { case initial, declared, compiled, annual, executed, balance, weight, rate, score }

    /// Reads an execution block from its header at `start`; returns the block and the index after it.
    func readExecution(from start: Int, to end: Int, form: String) -> (BudgetExecution, Int) {
        let header = session.rows[start]
        session.use(header)
        session.useHeaderPieces(before: start)
        var roles: [ExecutionRole] = []
        for cell in header.compactFilled {
            switch ColumnDictionary.shared.executionRole(cell) {
            case .initial?: roles.append(.initial)
            case .annual?: roles.append(.annual)
            case .executed?: roles.append(.executed)
            case .balance?: roles.append(.balance)
            case .weight?: roles.append(.weight)
            case .rate?: roles.append(.rate)
            case .score?: roles.append(.score)
            // 目标申报数 / 预算编制数 split 年初预算数 on a row of their own (below).
            case .declared?, .compiled?, .label?, .reason?, nil: continue
            }
        }
        var execution = BudgetExecution(unit: Self.moneyUnit(header) ?? .tenThousandYuan, source: session.source(header))
        var i = start + 1
        var first = true
        var pendingLabel: String?
        while i < end {
            let row = session.rows[i]
            // An indicator row right after the block (its header printed further down) ends the block.
            if IndicatorTableReader.startsWithCategory(row) { break }
            // Funds rows hold amounts; a target with its comparison sign (`≥86.5万亩`) is an indicator's.
            if row.filled.contains(where: { $0.unicodeScalars.first.map(IndicatorTableReader.comparisonMarks.contains) ?? false })
                || row.compactFilled.contains(where: { $0.utf8.count <= 12 && ColumnFitter.comparisonWords.contains($0) }) { break }
            let compact = row.compactFilled
            if compact.contains("目标申报数") || compact.contains("预算编制数") {
                if let k = roles.firstIndex(of: .initial) { roles.replaceSubrange(k...k, with: [.declared, .compiled]) }
                session.use(row)
                i += 1
                continue
            }
            var label: String?
            var tokens: [PrintedNumber?] = []
            var reason: [String] = []
            for cell in row.cells where !cell.isEmpty {
                if let n = Cells.number(cell) { tokens.append(n); continue }
                if cell == "—" || cell == "-" || cell == "/" { tokens.append(nil); continue }
                if tokens.isEmpty {
                    let c = TextRow.compact(cell)
                    if c.hasBytePrefix("资金总额") || c == "年度资金总额" || c.hasBytePrefix("项目资金") { continue }
                    label = label.map { $0 + " " + cell } ?? cell
                } else {
                    reason.append(cell)
                }
            }
            guard tokens.contains(where: { $0 != nil }) || (label != nil && tokens.count >= 1) else { break }
            session.use(row)
            var values: [ExecutionRole: PrintedNumber] = [:]
            // More numbers than headed columns: the extra ones belong to the 年初预算数 group at the
            // start, so the numbers are matched from the right (得分, 执行率, 结余 … stay in place).
            let surplus = max(0, tokens.count - roles.count)
            // Fewer numbers (empty cells lost in extraction): the columns left empty are chosen by what the numbers are.
            let used = tokens.count < roles.count && !row.isAligned ? Self.rolesFitting(tokens, roles) : roles
            for (role, token) in zip(used, tokens.dropFirst(surplus)) { if let token { values[role] = token } }
            if tokens.count != roles.count, tokens.contains(where: { $0 != nil }) {
                let empty = roles.filter { !used.contains($0) }.map(Self.executionColumnName)
                let how = surplus > 0
                    ? "有\(tokens.count)个数，表头有\(roles.count)列，从右对应，前\(surplus)个数（\(tokens.prefix(surplus).map { $0?.description ?? "—" }.joined(separator: "、"))）归入年初预算数"
                    : "有\(tokens.count)个数，表头有\(roles.count)列，按内容对应，\(empty.joined(separator: "、"))视为空"
                session.report(.importGuessed, ["what": "预算执行行“\(label ?? "资金总额")”", "how": how], row: row, form: form)
            }
            if first {
                first = false
                execution.initialBudget = values[.initial]
                execution.declaredBudget = values[.declared]
                execution.compiledBudget = values[.compiled]
                execution.annualBudget = values[.annual]
                execution.executed = values[.executed]
                execution.balance = values[.balance]
                execution.weight = values[.weight]
                execution.reportedRate = values[.rate]
                execution.reportedScore = values[.score]
                if !reason.isEmpty { execution.deviationReason = reason.joined(separator: " ") }
                if let label, !label.has("总额") && !label.has("合计") { pendingLabel = label }
            } else {
                var rowLabel = label
                if rowLabel == nil, let pending = pendingLabel {
                    rowLabel = pending
                    session.report(.importGuessed, ["what": "预算执行行", "how": "资金来源名称“\(pending)”印在资金总额行上，归入下一行"], row: row, form: form)
                }
                pendingLabel = nil
                execution.breakdown.append(BudgetExecutionRow(
                    label: rowLabel ?? "", initialBudget: values[.initial] ?? values[.compiled], annualBudget: values[.annual],
                    executed: values[.executed], reportedRate: values[.rate], source: session.source(row)))
                if !reason.isEmpty, execution.deviationReason == nil { execution.deviationReason = reason.joined(separator: " ") }
            }
            i += 1
        }
        return (execution, i)
    }

    /// The columns that `tokens` (fewer than the header's columns) stand in, in order: each way of leaving
    /// columns empty is weighed by what its numbers are (an 执行率 is a percentage or the ratio of the
    /// amounts, a 得分 is no more than its 分值, a percentage is no amount); ties keep the header's order.
    static func rolesFitting(_ tokens: [PrintedNumber?], _ roles: [ExecutionRole]) -> [ExecutionRole] {
        let missing = roles.count - tokens.count
        guard missing > 0, missing <= 2, roles.count <= 12 else { return roles }
        func weigh(_ chosen: [ExecutionRole]) -> Int {
            var values: [ExecutionRole: PrintedNumber] = [:]
            for (role, token) in zip(chosen, tokens) { if let token { values[role] = token } }
            var score = 0
            for (role, value) in values where value.isPercent && role != .rate { score -= 3 }
            if let rate = values[.rate] {
                if rate.isPercent { score += 2 }
                else if let annual = values[.annual]?.value, let executed = values[.executed]?.value, annual != 0 {
                    let ratio = executed / annual
                    score += abs(ratio * 100 - rate.value) < 0.1 || abs(ratio - rate.value) < 0.001 ? 2 : -2
                }
            }
            if let weight = values[.weight]?.value, let points = values[.score]?.value, points > weight { score -= 2 }
            if let weight = values[.weight]?.value, weight > 100 { score -= 2 }
            if !chosen.contains(.rate), roles.contains(.rate) { score += 1 }  // a computed rate is the cell most often left empty
            return score
        }
        var best = Array(roles.prefix(tokens.count)), bestScore = weigh(best)
        func choose(_ start: Int, _ left: Int, _ skipped: Set<Int>) {
            if left == 0 {
                let chosen = roles.indices.filter { !skipped.contains($0) }.map { roles[$0] }
                let score = weigh(chosen)
                if score > bestScore { best = chosen; bestScore = score }
                return
            }
            guard start < roles.count else { return }
            for k in start..<roles.count { choose(k + 1, left - 1, skipped.union([k])) }
        }
        choose(0, missing, [])
        return best
    }

    static func executionColumnName(_ role: ExecutionRole) -> String {
        switch role {
        case .initial: return "年初预算数"
        case .declared: return "目标申报数"
        case .compiled: return "预算编制数"
        case .annual: return "全年预算数"
        case .executed: return "全年执行数"
        case .balance: return "结余"
        case .weight: return "分值"
        case .rate: return "执行率"
        case .score: return "得分"
        }
    }

    /// The 总分 row: reported total and grade (`总分 ⇥ 100 ⇥ 97.3`, `总分 ⇥ 98 ⇥ 优`).
    func readTotal(_ row: TextRow, next: TextRow? = nil) -> (PrintedNumber?, String?) {
        session.use(row)
        var numbers: [PrintedNumber] = []
        var grade: String?
        var cells = row.filled
        // `总分` alone, with `94 优` wrapped onto the next line.
        if cells.count == 1, let next, next.isTable, let first = next.filled.first,
           first.split(separator: " ").allSatisfy({ Cells.score(String($0)) != nil || Grade(text: String($0)) != nil }) {
            cells = next.filled
            session.use(next)
        }
        for cell in cells {
            for part in cell.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init) {
                if let n = Cells.score(part) { numbers.append(n) } else if Grade(text: part) != nil { grade = part }
            }
        }
        return (numbers.last, grade)
    }

    static let analysisFrames: Set<ExactText> = ["项目绩效分析", "自评结果分析", "项目自评结果分析", "绩效分析", "分析", "VI"]

    /// Analysis rows after the total: heading and text; rows of one cell continue the text before.
    func readAnalysis(from start: Int, to end: Int) -> ([AnalysisText], Int) {
        var analysis: [AnalysisText] = []
        var i = start
        while i < end {
            let row = session.rows[i]
            if row.isFurniture { session.use(row); i += 1; continue }
            guard row.isTable else { break }
            let cells = row.filled.filter { !Self.analysisFrames.contains(TextRow.compact($0)) }
            if cells.count >= 2 {
                analysis.append(AnalysisText(heading: Cells.unwrapped(cells[0]), text: cells.dropFirst().joined(separator: "\n")))
            } else if cells.count == 1, !analysis.isEmpty {
                analysis[analysis.count - 1].text += "\n" + cells[0]
            } else if cells.count == 1 {
                analysis.append(AnalysisText(heading: "", text: cells[0]))
            }
            session.use(row)
            i += 1
        }
        return (analysis, i)
    }
}
