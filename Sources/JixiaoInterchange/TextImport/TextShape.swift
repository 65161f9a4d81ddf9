import Foundation

/// The shape a text file's tables were extracted in (../shared/docs/layouts.md §3), decided from its lines.
enum TextShape: Equatable {
    /// One row a line with tab-separated cells, or one cell a line after a tab (the seed files).
    case tabbed
    /// `| a | b |  |` rows.
    case pipeRows
    /// One row a line, cells separated by spaces (empty cells lost).
    case spaceRows
    /// One cell a line or a paragraph, or a whole form on a line: row boundaries lost.
    /// `explicitEmpties` when lone `|` lines mark empty cells.
    case stream(explicitEmpties: Bool)

    static func detect(_ lines: [Substring]) -> TextShape {
        var nonBlank = 0, tabbed = 0, pipeRow = 0, pipeCell = 0, spaced = 0, long = 0
        for line in lines {
            let trimmed = line.trimmingWhiteSpace()
            guard !trimmed.isEmpty else { continue }
            nonBlank += 1
            if line.utf8.contains(0x09) { tabbed += 1; continue }
            let pipes = trimmed.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "|") ? 1 : 0) }
            if trimmed.hasBytePrefix("|"), pipes >= 3 { pipeRow += 1; continue }
            if trimmed == "|" || trimmed.hasByteSuffix(" |") || trimmed.hasByteSuffix("|") && pipes == 1 { pipeCell += 1; continue }
            let tokens = Self.tokens(trimmed).count
            if tokens >= 3 { spaced += 1 }
            if tokens >= 30 { long += 1 }
        }
        guard nonBlank > 0 else { return .tabbed }
        if tabbed * 5 >= nonBlank { return .tabbed }
        if pipeRow * 10 >= nonBlank * 3 { return .pipeRows }
        if pipeCell * 10 >= nonBlank * 3 { return .stream(explicitEmpties: true) }
        if long > 0 && long * 4 >= nonBlank { return .stream(explicitEmpties: false) }
        if spaced * 10 >= nonBlank * 3 { return .spaceRows }
        return .stream(explicitEmpties: false)
    }

    /// The words of a line separated by runs of white space (ASCII and ideographic spaces).
    static func tokens(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" })
    }

    /// The rows of a file in pipe rows: each line's cells between the `|`, a line without `|` a paragraph.
    static func pipeRows(_ lines: [Substring]) -> [TextRow] {
        var rows: [TextRow] = []
        for (n, line) in lines.enumerated() {
            let trimmed = line.trimmingWhiteSpace()
            guard !trimmed.isEmpty else { continue }
            guard trimmed.hasBytePrefix("|") else {
                rows.append(TextRow(line: n + 1, endLine: n + 1, cells: [TextLayout.clean(trimmed)], isTable: false))
                continue
            }
            var body = trimmed.dropFirst()
            if body.hasByteSuffix("|") { body = body.dropLast() }
            let cells = body.split(separator: "|", omittingEmptySubsequences: false).map { TextLayout.clean($0) }
            if cells.allSatisfy({ $0.isEmpty || $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }  // a rule `|---|---|`
            rows.append(TextRow(line: n + 1, endLine: n + 1, cells: cells, isTable: true))
        }
        return rows
    }

    /// The rows of a file of space-separated rows: the words of each line, not at their columns' positions.
    static func spaceRows(_ lines: [Substring]) -> [TextRow] {
        var rows: [TextRow] = []
        for (n, line) in lines.enumerated() {
            let words = tokens(line.trimmingWhiteSpace()).map { TextLayout.clean($0) }.filter { !$0.isEmpty }
            guard !words.isEmpty else { continue }
            rows.append(TextRow(line: n + 1, endLine: n + 1, cells: words, isTable: words.count > 1, isAligned: false))
        }
        return rows
    }

    /// The cells of a stream: each non-blank line a cell (a lone `|` an empty one, a trailing ` |` dropped); a line
    /// of many words (a whole form on one line) gives each word.
    static func streamCells(_ lines: [Substring], explicitEmpties: Bool) -> [StreamReflow.Cell] {
        var cells: [StreamReflow.Cell] = []
        for (n, line) in lines.enumerated() {
            var trimmed = line.trimmingWhiteSpace()
            guard !trimmed.isEmpty else { continue }
            if explicitEmpties {
                if trimmed == "|" { cells.append(.init(text: "", line: n + 1)); continue }
                if trimmed.hasByteSuffix("|") { trimmed = trimmed.dropLast().trimmingWhiteSpace() }
            }
            let words = tokens(trimmed)
            if words.count >= 30 {
                for word in words { cells.append(.init(text: TextLayout.clean(word), line: n + 1)) }
            } else {
                cells.append(.init(text: TextLayout.clean(trimmed), line: n + 1))
            }
        }
        return cells
    }
}
