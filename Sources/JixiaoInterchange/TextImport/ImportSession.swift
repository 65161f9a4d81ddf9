import Foundation
import JixiaoCore

/// The state of one import, or of one form of it: the rows, which lines were used, and the
/// findings so far. Lives for one call of `TextImporter.read`; each session is used by one
/// thread at a time, and a form's session is merged into the document's with `absorb`.
final class ImportSession {
    let file: String
    let rows: [TextRow]
    private(set) var findings: [Finding] = []
    /// The header of the form's (first) indicator table and its columns, for the form's `FormReading`.
    var indicatorHeader: (row: TextRow, columns: IndicatorColumns)?
    /// Indicator rows whose cells were placed by content rather than under their headers.
    var placedByContent = 0
    /// True when a label of the evaluation-rubric tree (决策 / 过程 …) was read.
    var sawRubricLabel = false
    /// The rows this session reads (a form's session reads only its own).
    let range: Range<Int>
    /// The first source line of `range`: `usedLines[0]` is this line.
    private let firstLine: Int
    /// Source lines that went into the model (or were recognised as furniture), from `firstLine` on.
    private var usedLines: [Bool]
    /// The lowest and highest line marked used, so merging a form's session looks only there.
    private var usedBounds: ClosedRange<Int>?

    /// A session over `rows` (in the order of their lines) that reads those in `range`, all by default.
    init(file: String, rows: [TextRow], range: Range<Int>? = nil) {
        self.file = file
        self.rows = rows
        let range = range ?? rows.indices
        self.range = range
        firstLine = range.isEmpty ? 0 : rows[range.lowerBound].line
        let lastLine = range.isEmpty ? 0 : rows[range.upperBound - 1].endLine
        usedLines = [Bool](repeating: false, count: max(0, lastLine - firstLine) + 1)
    }

    /// Takes over the used lines and the findings of a session that read one form.
    func absorb(_ part: ImportSession) {
        if let bounds = part.usedBounds {
            for line in bounds where part.usedLines[line - part.firstLine] { usedLines[line - firstLine] = true }
            usedBounds = usedBounds.map { min($0.lowerBound, bounds.lowerBound)...max($0.upperBound, bounds.upperBound) } ?? bounds
        }
        findings += part.findings
    }

    /// The row's place: its line in a text file, its sheet cell, table cell or page otherwise.
    func source(_ row: TextRow) -> SourceLocation {
        if let place = row.place { return SourceLocation(file: file, cell: place.description) }
        return SourceLocation(file: file, line: row.line)
    }

    /// Marks a row's lines as read.
    func use(_ row: TextRow) {
        // A row outside the session's own (a reader looking one row past its form) is the other session's to use.
        guard row.line >= firstLine, row.endLine - firstLine < usedLines.count else { return }
        for line in row.line...row.endLine { usedLines[line - firstLine] = true }
        usedBounds = usedBounds.map { min($0.lowerBound, row.line)...max($0.upperBound, row.endLine) } ?? row.line...row.endLine
    }

    /// Lines of a header broken before its row (`项目资金` `(万元)`; `年度绩效指标完成情况 一级` `指标`): taken as
    /// part of the header at `index`, not reported unused. Up to three short lines of header words, no numbers.
    func useHeaderPieces(before index: Int) {
        var j = index - 1
        while j >= range.lowerBound, index - j <= 3, case let row = rows[j], !isUsed(row), !row.filled.isEmpty, row.filled.count <= 2,
              row.compactFilled.allSatisfy(Self.isHeaderPiece) {
            use(row)
            j -= 1
        }
    }

    static func isHeaderPiece(_ compact: String) -> Bool {
        guard compact.count <= 12, !compact.unicodeScalars.contains(where: { ("0"..."9").contains($0) || ("０"..."９").contains($0) }) else { return false }
        return ["指标", "一级", "二级", "三级", "资金", "万元", "（元）", "(元)", "预算", "绩效"].contains { compact.has($0) }
    }

    func isUsed(_ row: TextRow) -> Bool {
        row.line >= firstLine && row.line - firstLine < usedLines.count && usedLines[row.line - firstLine]
    }

    func report(_ code: CheckCode, _ values: [String: String], row: TextRow?, form: String? = nil, indicator: String? = nil) {
        let location = FindingLocation(form: form, indicator: indicator, source: row.map(source))
        findings.append(CheckCatalogue.finding(code, values, at: location))
    }

    /// Reports every row that nothing used and that is not known furniture.
    func reportUnused() {
        for row in rows where !isUsed(row) && !row.isFurniture {
            var text = row.text
            if text.count > 60 { text = String(text.prefix(60)) + "…" }
            report(.importUnusedLine, ["line": row.place?.description ?? "第\(row.line)行", "text": text], row: row)
        }
    }
}

/// Text that every page of a published file repeats and that carries no data.
enum Furniture {
    static let rows: Set<ExactText> = ["仅供内部审核", "项目", "绩效", "目标", "项目绩效目标", "年度", "完成", "情况", "目录"]
    static let longestRow = rows.map(\.text.utf8.count).max() ?? 0
    /// Notes under a table; each starts with a quoted column name.
    static let notes = ["“预算编制数”数据来源", "“全年预算数”的取数规则", "“全年执行数”是指", "“执行率”是执行数", "“年初预算数”项下"]

    /// True for a row of these cells (and their text without white space) that is furniture.
    static func isFurniture(cells: [String], compactText text: String) -> Bool {
        // Furniture is a line or two of text; a row of several cells with words is data.
        var filled = 0
        for cell in cells where !cell.isEmpty && !cell.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x7C || $0 == 0x3A || $0 == 0x20 }) {
            filled += 1
            if filled > 2 { return false }
        }
        if text.isEmpty || text.utf8.count <= longestRow && rows.contains(text) { return true }
        // Page numbers: a text of numbers (decided on the first scalar before looking at every character).
        if text.unicodeScalars.first?.properties.numericType != nil, text.allSatisfy(\.isNumber) { return true }
        if text.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x7C || $0 == 0x3A }) { return true }  // table rules: - | :
        if isPageNumber(text) { return true }
        return text.has("“") && notes.contains { text.has($0) }
    }

    /// `-2-`, `—2—`, `第2页`, `第2页共5页`, `2/5`: a page number as extraction leaves it.
    static func isPageNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 30, text.contains(where: \.isNumber) else { return false }
        let rest = text.filter { !$0.isNumber && !"-—–/第页共 ".contains($0) }
        return rest.isEmpty && (text.first == "-" || text.first == "—" || text.first == "–" || text.hasPrefix("第") || text.contains("/"))
    }

    /// Cells that label a block of a form and carry no data of their own.
    static let cells: Set<ExactText> = ["绩效指标", "年度指标完成情况", "年度绩效目标完成情况", "年度绩效指标完成情况", "项目绩效目标", "绩效目标"]
}
