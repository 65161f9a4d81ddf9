import Foundation
import JixiaoCore

/// Rebuilds table rows from a stream of cells that lost their row boundaries: one cell a line, one cell a
/// paragraph, or a whole form on one line (../shared/docs/layouts.md §3).
///
/// The blocks of a form are found by their header words (the column dictionary); an indicator table's
/// rows are cut where the cells fit the header's columns best (a dynamic programme over the whole table:
/// each candidate row is weighed by `ColumnFitter`), and rebuilt with every cell at its column's position.
/// Where the stream marks empty cells (`|` lines), rows are cut by the header's width. What belongs to no
/// block stays a paragraph row, so nothing is lost.
struct StreamReflow {
    /// One cell of the stream: its text ("" for a marked empty cell) and its source line.
    struct Cell: Sendable {
        var text: String
        var line: Int
    }

    let cells: [Cell]
    /// True when empty cells are marked, so rows have the header's width.
    let explicitEmpties: Bool
    private(set) var rows: [TextRow] = []

    init(cells: [Cell], explicitEmpties: Bool) {
        self.cells = cells
        self.explicitEmpties = explicitEmpties
    }

    /// The rows of the stream, in order.
    static func rows(_ cells: [Cell], explicitEmpties: Bool) -> [TextRow] {
        var reflow = StreamReflow(cells: cells, explicitEmpties: explicitEmpties)
        reflow.run()
        return reflow.rows
    }

    private mutating func emit(_ range: Range<Int>, table: Bool = true) {
        guard !range.isEmpty else { return }
        emit(cells[range].map(\.text), lines: cells[range.lowerBound].line...cells[range.upperBound - 1].line, table: table)
    }

    private mutating func emit(_ texts: [String], lines: ClosedRange<Int>, table: Bool) {
        rows.append(TextRow(line: lines.lowerBound, endLine: lines.upperBound, cells: texts, isTable: table, isAligned: table))
    }

    private mutating func run() {
        var i = 0
        while i < cells.count {
            let text = cells[i].text
            if text.isEmpty { i += 1; continue }
            if let end = indicatorTable(at: i) { i = end; continue }
            if let end = executionBlock(at: i) { i = end; continue }
            if let end = goalsBlock(at: i) { i = end; continue }
            let compact = TextRow.compact(text)
            if Self.isTotal(compact) {
                var j = i + 1
                while j < cells.count, j - i <= 3, Self.isTotalValue(cells[j].text) { j += 1 }
                emit(i..<j)
                i = j
                continue
            }
            if Self.isFieldLabel(compact), i + 1 < cells.count, !cells[i + 1].text.isEmpty,
               !Self.isFieldLabel(TextRow.compact(cells[i + 1].text)), !startsBlock(i + 1) {
                emit(i..<(i + 2))
                i += 2
                continue
            }
            emit(i..<(i + 1), table: false)
            i += 1
        }
    }

    // MARK: Blocks

    /// True when a block (a table header, a title, a field label, a total) starts at `i`.
    func startsBlock(_ i: Int) -> Bool {
        guard i < cells.count else { return true }
        let compact = TextRow.compact(cells[i].text)
        if compact.isEmpty { return false }
        if Self.isFieldLabel(compact) || Self.isTotal(compact) || IndicatorTableReader.endHeads.contains(where: { compact.hasBytePrefix($0) }) { return true }
        if TextImporter.titleKind(TextRow(line: 0, endLine: 0, cells: [cells[i].text], isTable: false)) != nil { return true }
        return isGoalsHeader(i) || headerRun(at: i) != nil || executionHeaderRun(at: i) != nil
    }

    /// `年度目标` (or `预期目标` …) followed by `实际完成情况`.
    func isGoalsHeader(_ i: Int) -> Bool {
        guard i + 1 < cells.count else { return false }
        return ProjectEvaluationReader.goalFrames.contains(TextRow.compact(cells[i].text)) && TextRow.compact(cells[i + 1].text) == "实际完成情况"
    }

    /// The cells of an indicator header starting at `i`: (the header cells, the index after them).
    func headerRun(at i: Int) -> (texts: [String], end: Int)? {
        let dictionary = ColumnDictionary.shared
        guard dictionary.indicatorRole(cells[i].text) != nil || merged(i).map({ dictionary.indicatorRole($0.text) != nil }) == true
        else { return nil }
        var texts: [String] = []
        var j = i
        while j < cells.count {
            let text = cells[j].text
            if text.isEmpty { if explicitEmpties { texts.append(""); j += 1; continue } else { break } }
            if dictionary.indicatorRole(text) != nil { texts.append(text); j += 1; continue }
            // A header cell split over two paragraphs (`偏差原因分析及` / `改进措施`).
            if let joined = merged(j), dictionary.indicatorRole(joined.text) != nil { texts.append(joined.text); j = joined.end; continue }
            break
        }
        while texts.last == "" { texts.removeLast(); j -= 1 }
        let row = TextRow(line: 0, endLine: 0, cells: texts, isTable: true)
        guard texts.count >= 3, IndicatorColumns.positions(row) != nil else { return nil }
        return (texts, j)
    }

    /// Cells `i` and `i + 1` joined, when neither names a column alone.
    func merged(_ i: Int) -> (text: String, end: Int)? {
        guard i + 1 < cells.count, !cells[i + 1].text.isEmpty, cells[i].text.count <= 12, cells[i + 1].text.count <= 12 else { return nil }
        return (cells[i].text + cells[i + 1].text, i + 2)
    }

    /// Reads an indicator table starting at `i`; returns the index after it.
    mutating func indicatorTable(at i: Int) -> Int? {
        guard let (header, start) = headerRun(at: i), let positions = IndicatorColumns.positions(
            TextRow(line: 0, endLine: 0, cells: header, isTable: true)) else { return nil }
        emit(header, lines: cells[i].line...cells[max(i, start - 1)].line, table: true)
        var end = start
        while end < cells.count, !isTableEnd(end) { end += 1 }
        if explicitEmpties {
            chunk(start..<end, width: header.count)
        } else {
            segment(start..<end, positions: positions, width: header.count)
        }
        return end
    }

    /// True when the cell at `i` ends an indicator table (a total, a conclusion, a title, a new header).
    func isTableEnd(_ i: Int) -> Bool {
        let compact = TextRow.compact(cells[i].text)
        guard !compact.isEmpty else { return false }
        if IndicatorTableReader.endsTable(TextRow(line: 0, endLine: 0, cells: [cells[i].text], isTable: true)) { return true }
        if Self.isFieldLabel(compact) || Self.trailerLabels.contains(compact) { return true }
        if TextImporter.titleKind(TextRow(line: 0, endLine: 0, cells: [cells[i].text], isTable: false)) != nil { return true }
        return executionHeaderRun(at: i) != nil
    }

    /// Rows of a table whose empty cells are marked: the header's width each; a repeated header is kept as a row.
    mutating func chunk(_ range: Range<Int>, width: Int) {
        var i = range.lowerBound
        while i < range.upperBound {
            if let (header, end) = headerRun(at: i), end <= range.upperBound {
                emit(header, lines: cells[i].line...cells[end - 1].line, table: true)
                i = end
                continue
            }
            let end = min(i + width, range.upperBound)
            if cells[i..<end].allSatisfy({ $0.text.isEmpty }) { i = end; continue }
            emit(i..<end)
            i = end
        }
    }

    /// Cuts the filled cells of a table into rows: the cut that fits the columns best over the whole table.
    ///
    /// One dynamic programme over (cells read, columns passed in the current row): a cell is placed in the next
    /// column, a column is left empty, a cell is kept as extra text, or the row ends and the next begins at the
    /// first column. Every row has its name (that column is never left empty), and each row costs a little, so
    /// cells are not split into rows without need. A repeated header (a page break) stands as a row of its own.
    mutating func segment(_ range: Range<Int>, positions: [ColumnDictionary.IndicatorRole?], width: Int) {
        var start = range.lowerBound
        var k = range.lowerBound
        while k < range.upperBound {
            if !cells[k].text.isEmpty, let (header, end) = headerRun(at: k), end <= range.upperBound {
                segmentRows(start..<k, positions: positions, width: width)
                emit(header, lines: cells[k].line...cells[end - 1].line, table: true)
                k = end
                start = end
                continue
            }
            k += 1
        }
        segmentRows(start..<range.upperBound, positions: positions, width: width)
    }

    private mutating func segmentRows(_ range: Range<Int>, positions: [ColumnDictionary.IndicatorRole?], width: Int) {
        let filled = range.filter { !cells[$0].text.isEmpty }
        let n = filled.count
        guard n > 0 else { return }
        let fitter = ColumnFitter(positions: positions)
        let columns = fitter.columns
        let m = columns.count
        let shapes = filled.map { ColumnFitter.CellShape(cells[$0].text) }
        let impossible = ColumnFitter.impossible
        let rowCost = -3, extraCost = -6
        // Flat tables of (n + 1) × (m + 1): the best score, and the step that reached each state.
        let stride = m + 1
        var best = [Int](repeating: impossible, count: (n + 1) * stride)
        var step = [UInt8](repeating: 0, count: (n + 1) * stride)  // 1 skip, 2 place, 3 extra, 4 new row
        func relax(_ to: Int, _ value: Int, _ how: UInt8) {
            if value > best[to] { best[to] = value; step[to] = how }
        }
        best[0] = 0
        step[0] = 4
        for i in 0...n {
            let row = i * stride
            for pass in 0..<2 {
                if pass == 1 {
                    // The row that ended here lets the next one start at the first column.
                    if best[row + m] > impossible { relax(row, best[row + m] + rowCost, 4) }
                }
                for j in 0..<m where best[row + j] > impossible {
                    let cost = columns[j].role == .name ? impossible : ColumnFitter.skipCost(columns[j].role)
                    if cost > impossible { relax(row + j + 1, best[row + j] + cost, 1) }
                }
            }
            guard i < n else { break }
            let next = (i + 1) * stride
            for j in 0...m where best[row + j] > impossible {
                if j < m {
                    let f = ColumnFitter.fit(shapes[i], columns[j].role)
                    if f > impossible { relax(next + j + 1, best[row + j] + f, 2) }
                }
                relax(next + j, best[row + j] + extraCost, 3)
            }
        }
        // Walk back from the end of the last row, collecting each row's cells.
        var rows: [[ColumnFitter.Placed]] = [[]]
        var i = n, j = m
        if best[n * stride + m] <= impossible { j = 0 }
        while i > 0 || j > 0 {
            switch step[i * stride + j] {
            case 1: j -= 1
            case 2: rows[rows.count - 1].append(ColumnFitter.Placed(role: columns[j - 1].role, index: i - 1)); i -= 1; j -= 1
            case 3: rows[rows.count - 1].append(ColumnFitter.Placed(role: nil, index: i - 1)); i -= 1
            case 4 where j == 0 && i > 0: rows.append([]); j = m
            default: i = 0; j = 0
            }
        }
        for placed in rows.reversed() where !placed.isEmpty {
            let ordered = placed.reversed()
            var texts = [String](repeating: "", count: width)
            var extra: [String] = []
            for cell in ordered {
                let text = cells[filled[cell.index]].text
                if let role = cell.role, let position = columns.first(where: { $0.role == role })?.position, position < width {
                    texts[position] = text
                } else {
                    extra.append(text)
                }
            }
            let first = cells[filled[ordered.first!.index]].line, last = cells[filled[ordered.last!.index]].line
            emit(texts + extra, lines: first...last, table: true)
        }
    }

    /// A funds header starting at `i` (an optional block title, then the column names): the index after it.
    func executionHeaderRun(at i: Int) -> Int? {
        let dictionary = ColumnDictionary.shared
        var j = i
        var annual = false, executed = false, named = 0
        while j < cells.count {
            let text = cells[j].text
            if text.isEmpty { if explicitEmpties { j += 1; continue } else { break } }
            guard let role = dictionary.executionRole(text) ?? (j == i && Self.isFundsTitle(text) ? .label : nil) else { break }
            if role == .annual { annual = true }
            if role == .executed { executed = true }
            named += 1
            j += 1
        }
        return annual && executed && named >= 3 ? j : nil
    }

    /// Reads a funds block at `i`: its header, then rows of a label, figures and perhaps a reason.
    mutating func executionBlock(at i: Int) -> Int? {
        guard let start = executionHeaderRun(at: i) else { return nil }
        emit(i..<start)
        let width = start - i
        var j = start
        if explicitEmpties {
            while j < cells.count, !startsBlock(j), !isTableEnd(j) {
                var end = min(j + width, cells.count)
                if let block = ((j + 1)..<end).first(where: { !cells[$0].text.isEmpty && (startsBlock($0) || isTableEnd($0)) }) { end = block }
                emit(j..<end)
                j = end
            }
            return j
        }
        while j < cells.count {
            let label = cells[j].text
            guard !label.isEmpty, Cells.number(TextRow.compact(label)) == nil, !startsBlock(j) || label.has("总额") || label.has("合计") else { break }
            var k = j + 1
            while k < cells.count, Self.isFigure(cells[k].text) { k += 1 }
            guard k > j + 1 else { break }
            // A reason after the figures: text not followed by figures (a next row's label is).
            if k < cells.count, !cells[k].text.isEmpty, !startsBlock(k), k + 1 >= cells.count || !Self.isFigure(cells[k + 1].text) {
                k += 1
            }
            emit(j..<k)
            j = k
        }
        return j
    }

    /// Reads a goals block (`年度目标` / `实际完成情况` and their texts) at `i`.
    mutating func goalsBlock(at i: Int) -> Int? {
        guard isGoalsHeader(i) else { return nil }
        emit(i..<(i + 2))
        var j = i + 2
        while j + 1 < cells.count, !startsBlock(j), !startsBlock(j + 1), !cells[j].text.isEmpty {
            emit(j..<(j + 2))
            j += 2
        }
        return j
    }

    // MARK: Cell kinds

    static func isFigure(_ text: String) -> Bool {
        let compact = TextRow.compact(text)
        return Cells.number(compact) != nil || ["—", "-", "/", "－", "——"].contains(compact)
    }

    static func isFundsTitle(_ text: String) -> Bool {
        let compact = TextRow.compact(text)
        return compact.hasBytePrefix("项目资金") || compact.hasBytePrefix("预算执行情况") || compact.hasBytePrefix("部门预算金额")
            || compact.hasBytePrefix("资金") || compact.has("(万元)") || compact.has("（万元）") || compact.has("(元)") || compact.has("（元）")
    }

    static func isTotal(_ compact: String) -> Bool {
        compact == "总分" || compact == "合计" || compact == "总计" || compact == "自评得分合计"
    }

    static func isTotalValue(_ text: String) -> Bool {
        let compact = TextRow.compact(text)
        return Cells.number(compact) != nil || Grade(text: compact) != nil
    }

    /// Labels whose value is the next cell: the project's fields and the texts after the table.
    static func isFieldLabel(_ compact: String) -> Bool {
        FormFields.keys.contains(FormFields.withoutColons(compact)) || trailerLabels.contains(FormFields.withoutColons(compact))
    }

    static let trailerLabels: Set<ExactText> = [
        "评价结论", "存在问题", "改进措施", "自评结论", "自评等级", "评价等次", "项目负责人", "财务负责人", "填表人", "填报日期", "联系电话",
        "主管部门审核意见", "财政部门审核意见", "长期目标", "年度目标", "项目总目标", "年度总体目标", "主要经验做法", "存在的问题及原因",
        "下一步改进措施", "项目实施和预算执行情况", "整体支出绩效自评结论",
    ]
}
