import Foundation

/// The text shapes extraction gives a table (../shared/docs/layouts.md §3), each a way to print the rows
/// of a form. The generator writes every corpus form in every shape; the reader must read them all alike.
enum CorpusShape: String, CaseIterable, Sendable, CustomStringConvertible {
    /// One row a line, cells separated by tabs (seeds 001, 003, 004).
    case tabs
    /// One cell a line after a tab, rows separated by blank lines (seed 002).
    case tabbedCellPerLine
    /// One cell a line ending in ` |`, a lone `|` for an empty cell, no row separators.
    case pipeCellPerLine
    /// One cell a line, empty cells dropped, no row separators.
    case cellPerLine
    /// `| a | b |  |` rows.
    case pipeRows
    /// `| a | b |` rows with the indicator header in two lines (`| 绩效指标 | 年度指标值 | 实际完成值 | … |` over
    /// `| 一级指标 | … | 度量单位 |`) and its first cell broken over lines (`|` ⏎ `一级 指标 |` ⏎ `二级指标 | …`).
    case twoLineHeader
    /// `a | b |  |` rows: the leading bar left out and the cells merged from above dropped (a portal's text view).
    case openPipeRows
    /// One cell a paragraph (blank lines between), empty cells dropped.
    case paragraphs
    /// One row a line, cells separated by single spaces, empty cells dropped.
    case spaceRows
    /// Space rows with each 一级 / 二级 label on lines of its own, cut into pieces of four characters and its
    /// points on a line apart (`可持续影` `响指标`, `(50分)`), as a narrow merged cell is flattened.
    case brokenLabels
    /// The whole form on one line, single spaces between cells.
    case oneLine
    /// The whole form on one line with nothing between its cells (a page that glued a table's text).
    case glued
    /// Tab rows with `（）：，％＝` turned into ASCII by the tool that stored the page.
    case asciiPunctuation
    /// Tab rows machine-converted to traditional characters.
    case traditional
    /// Tab rows with page furniture (page numbers, a repeated watermark, the header repeated) inside the table.
    case pageBreaks
    /// Tab rows with the indicator header printed after the table's first two rows.
    case scrambled

    var description: String { rawValue }

    /// What the shape does to a text of the form, so an expected reading can be compared with what was read
    /// from this shape (the reader keeps the text as the file has it).
    func transformed(_ text: String) -> String {
        switch self {
        case .asciiPunctuation: return String(text.flatMap { Self.ascii[$0] ?? String($0) })
        case .traditional: return text.applyingTransform(StringTransform(rawValue: "Simplified-Traditional"), reverse: false) ?? text
        default: return text
        }
    }

    /// A label as a narrow merged cell prints it: pieces of four characters, the points apart.
    static func pieces(_ label: String) -> [String] {
        var words = label, points: String?
        if let open = label.firstIndex(where: { $0 == "(" || $0 == "（" }), label.hasSuffix(")") || label.hasSuffix("）") {
            words = String(label[..<open])
            points = String(label[open...])
        }
        var out: [String] = []
        var rest = Substring(words)
        while !rest.isEmpty { out.append(String(rest.prefix(4))); rest = rest.dropFirst(4) }
        return out + (points.map { [$0] } ?? [])
    }

    static let ascii: [Character: String] = ["（": "(", "）": ")", "：": ":", "，": ",", "％": "%", "＝": "="]

    /// The form printed in this shape.
    func render(_ form: CorpusForm) -> String {
        let rows = form.rows
        switch self {
        case .tabs:
            return rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        case .tabbedCellPerLine:
            return rows.map { row in row.map { "\t" + $0 }.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        case .pipeCellPerLine:
            return rows.flatMap { row in row.map { $0.isEmpty ? "|" : $0 + " |" } }.joined(separator: "\n") + "\n"
        case .cellPerLine:
            return rows.flatMap { $0.filter { !$0.isEmpty } }.joined(separator: "\n") + "\n"
        case .pipeRows:
            return rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
        case .twoLineHeader:
            var lines = rows.map { "| " + $0.joined(separator: " | ") + " |" }
            let header = form.indicators.header
            guard let value = header.lastIndex(where: { $0.contains("指标值") || $0.contains("度量单位") }), value + 1 < header.count else {
                return lines.joined(separator: "\n") + "\n"
            }
            let lower = Array(header[...value]), upper = ["绩效指标"] + (lower.contains { $0.contains("指标值") } ? ["年度指标值"] : []) + header[(value + 1)...]
            let first = lower[0].count > 2 ? String(lower[0].prefix(2)) + " " + lower[0].dropFirst(2) : lower[0]
            lines[form.indicatorHeaderRow] = "| " + upper.joined(separator: " | ") + " |\n|\n" + first + " |\n" + lower.dropFirst().joined(separator: " | ") + " |"
            return lines.joined(separator: "\n") + "\n"
        case .openPipeRows:
            return rows.map { Array($0.drop { $0.isEmpty }).joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
        case .brokenLabels:
            let header = form.indicatorHeaderRow
            let labelColumns = Set(form.indicators.header.indices.filter { form.indicators.header[$0].contains("一级") || form.indicators.header[$0].contains("二级") })
            var lines: [String] = []
            for (n, row) in rows.enumerated() {
                guard n > header, n <= header + form.indicators.rows.count else {
                    lines.append(row.filter { !$0.isEmpty }.joined(separator: " "))
                    continue
                }
                for k in row.indices where labelColumns.contains(k) && !row[k].isEmpty { lines += Self.pieces(row[k]) }
                lines.append(row.indices.filter { !labelColumns.contains($0) && !row[$0].isEmpty }.map { row[$0] }.joined(separator: " "))
            }
            return lines.joined(separator: "\n") + "\n"
        case .paragraphs:
            return rows.flatMap { $0.filter { !$0.isEmpty } }.joined(separator: "\n\n") + "\n"
        case .spaceRows:
            return rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: "\n") + "\n"
        case .glued:
            return rows.flatMap { $0.filter { !$0.isEmpty } }.joined() + "\n"
        case .oneLine:
            return rows.flatMap { $0.filter { !$0.isEmpty } }.joined(separator: " ") + "\n"
        case .asciiPunctuation, .traditional:
            return transformed(CorpusShape.tabs.render(form))
        case .pageBreaks:
            var lines = rows.map { $0.joined(separator: "\t") }
            let header = form.indicatorHeaderRow
            let middle = header + 1 + form.indicators.rows.count / 2
            lines.insert(contentsOf: ["", "仅供内部审核", "- 2 -", "", form.indicators.header.joined(separator: "\t")], at: middle)
            return lines.joined(separator: "\n") + "\n"
        case .scrambled:
            var lines = rows.map { $0.joined(separator: "\t") }
            let header = lines.remove(at: form.indicatorHeaderRow)
            lines.insert(header, at: form.indicatorHeaderRow + 2)
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
