import Foundation
import JixiaoCore

/// Reads the rows of an indicator table into indicators.
///
/// Merged 一级 / 二级 / 绩效目标 cells are printed once for many rows, so labels carry down.
/// A row is anchored at its 分值 cell (self-evaluations) or at its last filled cell
/// (declarations); value cells are assigned from the anchor leftwards, so a row whose empty
/// merged cell was dropped (columns shifted) still reads, and the shift is recorded as a guess.
struct IndicatorTableReader {
    let session: ImportSession
    var columns: IndicatorColumns
    let layout: IndicatorLayout
    let form: String
    var indicators: [Indicator] = []
    var level1: Label?
    var level2: Label?
    var level1Category: Level1Category? { level1?.categories.level1 }
    var level2Category: Level2Category? { level2?.categories.level2 }

    /// A 一级 or 二级 label as printed, with what it classifies as (worked out once per cell).
    struct Label {
        var text: String
        var categories: (level1: Level1Category?, level2: Level2Category?)
        /// 1 or 2 for a label of the evaluation-rubric tree (决策 / 过程 …, 项目立项 / 资金投入 …), which the
        /// 产出 / 效益 / 满意度 taxonomy does not classify.
        var rubricLevel: Int? = nil
    }

    /// True for a label of the evaluation-rubric tree.
    static func isRubricLabel(_ compact: String) -> Bool {
        let rubric = ColumnDictionary.shared.isRubricLabel(compact)
        return rubric.level1 || rubric.level2
    }

    static func rubricLevel(_ compact: String, _ categories: (level1: Level1Category?, level2: Level2Category?)) -> Int? {
        guard categories.level1 == nil && categories.level2 == nil else { return nil }
        let rubric = ColumnDictionary.shared.isRubricLabel(compact)
        return rubric.level1 ? 1 : rubric.level2 ? 2 : nil
    }
    var goal: Int?
    /// Pieces of a label printed on lines of their own, applied to the next indicator row.
    var pendingLabel: [String] = []

    init(session: ImportSession, columns: IndicatorColumns, layout: IndicatorLayout, form: String) {
        self.session = session
        self.columns = columns
        self.layout = layout
        self.form = form
    }

    /// Reads the table whose header row is at `header`, with the layout its labels show;
    /// returns the indicators, the layout and the index after the table.
    static func readTable(session: ImportSession, columns: IndicatorColumns, header: Int, end: Int, form: String)
        -> (indicators: [Indicator], layout: IndicatorLayout, next: Int) {
        session.use(session.rows[header])
        session.useHeaderPieces(before: header)
        if session.indicatorHeader == nil { session.indicatorHeader = (session.rows[header], columns) }
        let layout = ProjectEvaluationReader.layout(session.rows[header..<end])
        var reader = IndicatorTableReader(session: session, columns: columns, layout: layout, form: form)
        // A header printed after its first data rows (extraction changed the order): those rows are read first.
        var first = header
        while first > session.range.lowerBound, case let row = session.rows[first - 1], !session.isUsed(row), mayBeIndicatorRow(row) { first -= 1 }
        // The rows are taken only when the first of them reads as an indicator row on its own.
        while first < header, !looksLikeIndicatorRow(session.rows[first]) && !startsWithCategory(session.rows[first]) { first += 1 }
        if first < header {
            _ = reader.read(from: first, to: header)
            session.report(.importGuessed, ["what": "指标表", "how": "表头印在前\(header - first)行数据之后，这些行按表头读取"],
                           row: session.rows[first], form: form)
        }
        var start = header + 1
        // A header in two lines (`绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分` over `一级指标 | 二级指标 | 三级指标 |
        // 指标性质 | 指标值 | 度量单位`): the lower line's columns stand in for the block words of the upper one.
        if start < end, case let lower = session.rows[start], !session.isUsed(lower), IndicatorColumns(header: lower) != nil,
           let merged = IndicatorColumns(header: Self.mergedHeader(session.rows[header], lower)) {
            reader.columns = merged
            session.use(lower)
            start += 1
        }
        let next = reader.read(from: start, to: end)
        return (reader.indicators, layout, next)
    }

    /// Two header lines as one. Cells that stand where they are (an office file's grid) are merged column by
    /// column; in extracted text, where empty cells are lost, the upper line's cells whose column the lower
    /// line names again, or that name no column, are replaced by the lower line's cells.
    static func mergedHeader(_ upper: TextRow, _ lower: TextRow) -> TextRow {
        if upper.place != nil, upper.cells.count == lower.cells.count {
            let cells = zip(upper.cells, lower.cells).map { $1.isEmpty ? $0 : $1 }
            return TextRow(line: upper.line, endLine: lower.endLine, cells: cells, isTable: true, isAligned: upper.isAligned, place: upper.place)
        }
        let dictionary = ColumnDictionary.shared
        let lowerCells = lower.cells.filter { !$0.isEmpty }
        let lowerRoles = Set(lowerCells.compactMap(dictionary.indicatorRole))
        var cells: [String] = []
        var inserted = false
        for cell in upper.cells where !cell.isEmpty {
            let role = dictionary.indicatorRole(cell)
            if role == nil || lowerRoles.contains(role!) {
                if !inserted { cells += lowerCells; inserted = true }
                continue
            }
            cells.append(cell)
        }
        if !inserted { cells += lowerCells }
        return TextRow(line: upper.line, endLine: lower.endLine, cells: cells, isTable: true, isAligned: upper.isAligned)
    }

    /// A table row that reads as an indicator row even without its header: a 一级 / 二级 label first (or a name),
    /// at least four cells, and a small number for a 分值 or 得分.
    static func looksLikeIndicatorRow(_ row: TextRow) -> Bool {
        guard row.isTable, !row.isFurniture, row.filled.count >= 4, !FormFields.isExecutionHeader(row), !endsTable(row) else { return false }
        return row.compactFilled.contains { cell in Cells.score(cell).map { $0.value <= 100 && !$0.isPercent } ?? false }
    }

    /// A table row that may continue indicator rows above a header: a name and a value, or a small number.
    static func mayBeIndicatorRow(_ row: TextRow) -> Bool {
        guard row.isTable, !row.isFurniture, row.filled.count >= 2, !FormFields.isExecutionHeader(row), !endsTable(row) else { return false }
        if looksLikeIndicatorRow(row) || startsWithCategory(row) { return true }
        return row.compactFilled.last.map { looksLikeValue($0) } ?? false
    }

    /// A row whose first cell is a 一级 / 二级 label and that has the cells of an indicator row.
    static func startsWithCategory(_ row: TextRow) -> Bool {
        guard row.filled.count >= 4, let head = row.compactFilled.first else { return false }
        let categories = CategoryLabel.classify(head)
        return categories.level1 != nil || categories.level2 != nil || isRubricLabel(head)
    }

    /// Heads of rows that end a table.
    static let endHeads = ["总分", "合计", "主管部门审核意见", "财政部门审核意见", "项目绩效分析", "自评结果分析", "整体支出绩效自评结论", "自评结论", "评价结论"]

    static func endsTable(_ row: TextRow) -> Bool { endsTable(head: row.head) }

    static func endsTable(head: String) -> Bool {
        endHeads.contains { head.utf8.starts(with: $0.utf8) } || isNote(head)
    }

    /// A note under the table (`备注：作为导入模板…`, `注：1.…`, `说明：`): it ends the table, it is no indicator.
    static func isNote(_ head: String) -> Bool {
        for word in ["备注", "注", "说明", "填表说明"] where head.hasBytePrefix(word) {
            let rest = head.utf8.dropFirst(word.utf8.count)
            if rest.isEmpty || rest.starts(with: "：".utf8) || rest.starts(with: ":".utf8) || (word == "注" && rest.first.map { (0x30...0x39).contains($0) } == true) { return true }
        }
        return false
    }

    /// Reads rows from `start` while they belong to the table; returns the index after the last.
    mutating func read(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            let row = session.rows[i]
            if Self.endsTable(row) { return i }
            if let header = IndicatorColumns(header: row) {
                columns = header  // a page header repeated inside the table
                session.use(row)
                i += 1
                continue
            }
            if row.isFurniture { session.use(row); i += 1; continue }
            if !row.isTable {
                // A 一级 / 二级 label broken over lines (`经济效益` `指标`, `(50分)`) or a template's empty
                // numbering (`指标2:`, `……`) inside the table, when indicator rows follow.
                if Self.isTemplateLeftover(row.head) { session.use(row); i += 1; continue }
                if Self.isLabelFragment(row.head), tableGoesOn(after: i, to: end) {
                    pendingLabel.append(row.head)
                    session.use(row)
                    i += 1
                    continue
                }
                return i
            }
            applyPendingLabel()
            if let positions = columns.positions ?? (row.isAligned ? nil : columns.namedPositions) {
                readGeneralRow(row, positions: positions)
            } else {
                readRow(row)
            }
            i += 1
        }
        return i
    }

    /// A short cell on a line of its own that may be a piece of a label: `(50分)`, `经济效益`, `指标`.
    static func isLabelFragment(_ head: String) -> Bool {
        let compact = TextRow.compact(head)
        guard !compact.isEmpty, compact.count <= 12, !endsTable(head: compact) else { return false }
        if isPoints(compact) { return true }
        return !compact.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) } && !compact.has("表")
    }

    /// Points on their own: `(50分)`, `（10分）`, `50分`, `（40-50分）`.
    static func isPoints(_ compact: String) -> Bool {
        var body = Substring(compact)
        if let first = body.first, first == "(" || first == "（", let last = body.last, last == ")" || last == "）" {
            body = body.dropFirst().dropLast()
        }
        guard body.hasSuffix("分") else { return false }
        body = body.dropLast()
        // `50分`, or a range a template gives (`40-50分`, `20～30分`).
        return body.first?.isASCII == true && body.first?.isNumber == true
            && body.allSatisfy { ($0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "~")) || "—－～至".contains($0) }
    }

    /// A template's empty row numbering or ellipsis (`指标2:`, `……`, `...`): no answer, nothing to read.
    static func isTemplateLeftover(_ head: String) -> Bool {
        let compact = TextRow.compact(head)
        if !compact.isEmpty, compact.unicodeScalars.allSatisfy({ $0 == "…" || $0 == "." || $0 == "。" || $0 == "⋯" }) { return true }
        return templateNumbering(compact).map { $0.isEmpty } ?? false
    }

    /// The text after a template's row numbering `指标1:` / `指标1：` / `指标1`; nil when the text has none.
    static func templateNumbering(_ text: String) -> Substring? {
        guard text.hasBytePrefix("指标") else { return nil }
        var rest = Substring(text).dropFirst(2)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        rest = rest.dropFirst(digits.count)
        // `指标1:名称`, `指标1：名称`, or `指标1名称` with the colon left out.
        if let colon = rest.first, colon == ":" || colon == "：" { return rest.dropFirst() }
        guard rest.isEmpty || rest.first.map({ !$0.isASCII && !"、.，,）)".contains($0) }) == true else { return nil }
        return rest
    }

    /// True when an indicator row follows before the table ends (a few lines ahead).
    func tableGoesOn(after index: Int, to end: Int) -> Bool {
        var j = index + 1
        while j < min(end, index + 10) {
            let row = session.rows[j]
            if Self.endsTable(row) || IndicatorColumns(header: row) != nil { return false }
            if row.isTable { return Self.mayBeIndicatorRow(row) || row.filled.count >= 2 }
            j += 1
        }
        return false
    }

    /// Applies the label pieces gathered from lines of their own: `满意度指标` `(10分)` `服务对象` `满意度指标`
    /// is a 一级 label up to its points and a 二级 label after them; without points the words are one label.
    mutating func applyPendingLabel() {
        guard !pendingLabel.isEmpty else { return }
        let pending = pendingLabel
        let joined = pending.map(TextRow.compact).joined()
        pendingLabel = []
        func label(_ text: String) -> Label {
            let categories = CategoryLabel.classify(ColumnDictionary.withoutPoints(ColumnDictionary.fold(text)))
            return Label(text: text, categories: categories, rubricLevel: Self.rubricLevel(text, categories))
        }
        if let close = joined.range(of: "分)") ?? joined.range(of: "分）"),
           joined[..<close.upperBound].unicodeScalars.contains(where: { $0 == "(" || $0 == "（" }) {
            level1 = label(String(joined[..<close.upperBound]))
            let rest = String(joined[close.upperBound...])
            level2 = rest.isEmpty ? nil : label(rest)
            return
        }
        // Without points: the pieces split where the first part is a 一级 label and the rest a 二级 one.
        let pieces = pending.map(TextRow.compact)
        for k in 1..<max(1, pieces.count) {
            let first = label(pieces[..<k].joined()), second = label(pieces[k...].joined())
            let isLevel1 = first.categories.level1 != nil || ColumnDictionary.shared.isRubricLabel(first.text).level1
            let isLevel2 = second.categories.level2 != nil || ColumnDictionary.shared.isRubricLabel(second.text).level2
            if isLevel1 && isLevel2 {
                level1 = first
                level2 = second
                return
            }
        }
        applyLabels([label(joined)])
    }

    private mutating func readRow(_ row: TextRow) {
        let cells = row.cells.map(Cells.unwrapped)
        // Leading labels: goal, 一级, 二级 and furniture, up to the first content cell.
        var labels: [Label] = []
        var labelIndices: [Int] = []
        var contentStart = cells.count
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            let compact = TextRow.compact(cell)
            // `绩效目标` labels a block in most layouts, but is a 二级 under 决策 in the evaluation rubric.
            if Furniture.cells.contains(compact), !(level1?.rubricLevel == 1 && Self.isRubricLabel(compact)) { continue }
            if let n = Cells.goalNumber(compact) {
                if n != goal { level1 = nil; level2 = nil }
                goal = n
                continue
            }
            // At most a 一级 and a 二级 label per row: a third label-like cell (`群众满意度`) is the name.
            if labels.count < 2, compact.utf8.count <= 30, case let categories = CategoryLabel.classify(compact),
               categories.level1 != nil || categories.level2 != nil || Self.isRubricLabel(compact) {
                let rubric = Self.rubricLevel(compact, categories)
                if rubric != nil { session.sawRubricLabel = true }
                labels.append(Label(text: compact, categories: categories, rubricLevel: rubric))
                labelIndices.append(index)
                continue
            }
            contentStart = index
            break
        }
        // A name that reads as a value (`≥80%`) means the last label-like cell was the name.
        if let last = labelIndices.last, contentStart < cells.count, Self.looksLikeValue(cells[contentStart]) {
            labels.removeLast()
            contentStart = last
        }
        applyLabels(labels)
        guard contentStart < cells.count else {
            session.use(row)  // a row of labels only
            return
        }
        let name = cells[contentStart]
        guard let alignment = RowAlignment.best(cells, nameIndex: contentStart, columns: columns) else {
            session.report(.importRowUnreadable, ["table": "指标（找不到分值）", "text": row.text], row: row, form: form)
            session.use(row)
            return
        }
        var guesses = alignment.guesses
        if !alignment.guesses.isEmpty || !alignment.notes.isEmpty { session.placedByContent += 1 }
        let weight = alignment.weightIndex.flatMap { Cells.score(cells[$0]) }
        let score = alignment.scoreIndex.flatMap { Cells.score(cells[$0]) }
        var trailing = alignment.extra
        if let w = alignment.weightIndex {
            let after = (alignment.scoreIndex ?? w) + 1
            if alignment.scoreIndex == nil, w + 1 < cells.count, !cells[w + 1].isEmpty {
                guesses.append("得分“\(cells[w + 1])”不是数字")
            }
            if after < cells.count { trailing += cells[after...] }  // a non-numeric 得分 is kept with the reason
        }
        let values = alignment.values
        var indicator = Indicator(
            level1Label: level1?.text, level2Label: level2?.text, level1: level1Category ?? level2Category?.level1(in: layout), level2: level2Category,
            name: name, goalNumber: goal,
            weight: weight, reportedScore: score, source: session.source(row), layout: layout)
        if let (tag, rest) = SubTaskTag.split(name) {
            indicator.subTasks = tag
            indicator.name = rest
        }
        if let unmarked = Self.withoutCoreMark(indicator.name) {
            indicator.name = unmarked
            indicator.isCore = true
        }
        for (slot, role) in columns.values.enumerated() {
            guard let text = values[slot] else { continue }
            func value() -> IndicatorValue { alignment.parsed[slot] ?? IndicatorValueParser.parse(text) }
            switch role {
            case .target: indicator.target = value()
            case .adjustedTarget: indicator.adjustedTarget = value()
            case .actual: indicator.actual = value()
            case .qualitativeNote: indicator.qualitativeNote = text
            default: break
            }
        }
        let reason = trailing.filter { !$0.isEmpty }.joined(separator: "\n")
        if !reason.isEmpty { indicator.deviationReason = reason }
        indicator.guesses = guesses
        for guess in guesses + alignment.notes {
            session.report(.importGuessed, ["what": "指标“\(indicator.name)”", "how": guess], row: row, form: form, indicator: indicator.name)
        }
        indicators.append(indicator)
        session.use(row)
    }

    /// Carries 一级 / 二级 labels down the merged cells.
    private mutating func applyLabels(_ labels: [Label]) {
        switch labels.count {
        case 0: return
        case 1:
            let label = labels[0]
            let (asLevel1, asLevel2) = label.categories
            if let rubric = label.rubricLevel {
                if rubric == 1 { level1 = label; level2 = nil } else { level2 = label }
                return
            }
            if let l2 = asLevel2, asLevel1 == nil || (l2 == .cost && level1Category == .output)
                || (l2 == .satisfaction && level1Category == .satisfaction) {
                if let l1 = level1Category, l1 != l2.level1(in: layout), !(l2 == .cost && l1 == .output) {
                    level1 = nil
                }
                level2 = label
            } else {
                level1 = label
                level2 = nil
            }
        default:
            level1 = labels[labels.count - 2]
            level2 = labels[labels.count - 1]
        }
    }

    /// A cell that is a target or actual value rather than a name: a comparison, a number or an unfilled template.
    static func looksLikeValue(_ cell: String, isNumber: Bool? = nil) -> Bool {
        var scalars = cell.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if comparisonMarks.contains(first) { return true }
        // `W85%`: a `≥` the PDF extraction turned into a W.
        if first == "W", let second = scalars.next(), second == "%" || second.properties.numericType != nil { return true }
        return isNumber ?? (Cells.number(cell) != nil)
    }

    static let comparisonMarks = Set("≥≤=<>＞＜≧≦═﹦＝﹥﹤".unicodeScalars)

    static func columnName(_ role: IndicatorColumns.Role) -> String { columnTitle(role) }
}
