import Foundation
import JixiaoCore

/// The shape a text file's tables were extracted in (../shared/docs/layouts.md §3), decided from its lines.
enum TextShape: Hashable {
    /// One row a line with tab-separated cells, or one cell a line after a tab (the seed files).
    case tabbed
    /// `| a | b |  |` rows (the leading bar may be missing).
    case pipeRows
    /// One row a line, cells separated by spaces (empty cells lost).
    case spaceRows
    /// One cell a line or a paragraph, or a whole form on a line: row boundaries lost.
    /// `explicitEmpties` when lone `|` lines mark empty cells.
    case stream(explicitEmpties: Bool)

    /// What decides a shape, counted over lines.
    struct Counts {
        var nonBlank = 0, tabbed = 0, pipeRow = 0, pipeCell = 0, spaced = 0, long = 0, paired = 0, glued = 0
        /// Lines of one cell after a single leading tab, and lines with tabs otherwise (the seed layouts).
        var singleTab = 0, multiTab = 0

        static func - (a: Counts, b: Counts) -> Counts {
            Counts(nonBlank: a.nonBlank - b.nonBlank, tabbed: a.tabbed - b.tabbed, pipeRow: a.pipeRow - b.pipeRow, pipeCell: a.pipeCell - b.pipeCell,
                   spaced: a.spaced - b.spaced, long: a.long - b.long, paired: a.paired - b.paired, glued: a.glued - b.glued, singleTab: a.singleTab - b.singleTab, multiTab: a.multiTab - b.multiTab)
        }

        mutating func add(_ line: Substring) {
            // One pass over the bytes: tabs, pipes, and words separated by spaces (ASCII, U+3000, U+00A0).
            var tabs = 0, pipes = 0, words = 0, inWord = false, first: UInt8 = 0, last: UInt8 = 0, firstByte: UInt8?
            var bytes = line.utf8.makeIterator()
            var pending: [UInt8] = []
            while let b = pending.popLast() ?? bytes.next() {
                if firstByte == nil { firstByte = b }
                if b == 0x09 { tabs += 1; inWord = false; continue }
                var space = b == 0x20 || b == 0x0D || b == 0x0A
                if b == 0xE3 || b == 0xC2 {
                    let b1 = bytes.next(), b2 = b == 0xE3 ? bytes.next() : nil
                    space = b == 0xE3 ? (b1 == 0x80 && b2 == 0x80) : b1 == 0xA0
                    if !space { if let b2 { pending.append(b2) }; if let b1 { pending.append(b1) } }
                }
                if space { inWord = false; continue }
                if !inWord { words += 1; inWord = true; if first == 0 { first = b } }
                if b == UInt8(ascii: "|") { pipes += 1 }
                last = b
            }
            if tabs > 0 {
                if tabs == 1 && firstByte == 0x09 { singleTab += 1 } else { multiTab += 1 }
                nonBlank += 1
                tabbed += 1
                return
            }
            guard words > 0 else { return }
            nonBlank += 1
            // `| a | b |` rows, and rows written without the leading bar (`a | b | c |`).
            if pipes >= 3, first == UInt8(ascii: "|") || last == UInt8(ascii: "|") || pipes >= 4 { pipeRow += 1; return }
            if last == UInt8(ascii: "|"), pipes <= 2 { pipeCell += 1; return }
            if words >= 3 { spaced += 1 }
            if words == 2 { paired += 1 }
            if words >= 30 { long += 1 } else if line.utf8.count >= 240, GluedText.isGlued(line) { long += 1; glued += 1 }
        }

        /// The seed files' layout of one cell a line after a tab, rows between blank lines.
        var isCellPerLine: Bool { singleTab >= 5 && singleTab > 3 * multiTab }

        var shape: TextShape {
            guard nonBlank > 0 else { return .tabbed }
            if tabbed * 5 >= nonBlank { return .tabbed }
            if pipeRow * 10 >= nonBlank * 3 { return .pipeRows }
            if pipeCell * 10 >= nonBlank * 3 { return .stream(explicitEmpties: true) }
            // A glued form (cells without separators) holds most of its file's text on a few lines.
            if (long > 0 && long * 4 >= nonBlank) || glued * 10 >= nonBlank && glued > 0 { return .stream(explicitEmpties: false) }
            // Rows of three or more words, or (a declaration's `name value` rows) of two words counted at half.
            if spaced * 20 + paired * 10 >= nonBlank * 6 { return .spaceRows }
            return .stream(explicitEmpties: false)
        }
    }

    /// Running counts over the lines of a file: `census[n]` counts lines before line index n, so any range of
    /// lines is counted by one subtraction.
    static func census(_ lines: [Substring]) -> [Counts] {
        var running = Counts()
        var census = [running]
        census.reserveCapacity(lines.count + 1)
        for line in lines {
            running.add(line)
            census.append(running)
        }
        return census
    }

    /// The words of a line separated by runs of white space (ASCII and ideographic spaces).
    static func tokens(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" })
    }

    /// The rows of a file in pipe rows: each line's cells between the `|` (a leading bar optional), a line
    /// without `|` a paragraph. Open rows (no leading bar) are placed by their content, not their positions.
    static func pipeRows(_ lines: ArraySlice<Substring>) -> [TextRow] {
        var rows: [TextRow] = []
        // Rows closed by bars on both sides, or open rows (`a | b |`) where a leading bar is an empty first cell.
        var led = 0, barred = 0
        for line in lines {
            let trimmed = line.trimmingWhiteSpace()
            guard trimmed.utf8.lazy.filter({ $0 == UInt8(ascii: "|") }).count >= 2 else { continue }
            barred += 1
            if trimmed.hasBytePrefix("|") { led += 1 }
        }
        // Closed rows lead with a bar (a cell's line breaks may give lines that do not); open rows, written by
        // portals that drop the cells merged from above, mostly do not, and their cells stand left of their columns.
        let open = led * 2 < barred
        var n = lines.startIndex
        while n < lines.endIndex {
            defer { n += 1 }
            let line = lines[n]
            var trimmed = line.trimmingWhiteSpace()
            guard !trimmed.isEmpty else { continue }
            let first = n
            // Closed rows whose cells hold line breaks: the lines after a row's first that do not lead with a bar
            // (and hold one) continue its cells (`|` ⏎ `一级 指标 |` ⏎ `二级指标 | 三级指标 | …`).
            if !open, trimmed.hasBytePrefix("|") {
                var joined = String(trimmed)
                while n + 1 < lines.endIndex, case let next = lines[n + 1].trimmingWhiteSpace(), !next.isEmpty, !next.hasBytePrefix("|"),
                      next.utf8.contains(UInt8(ascii: "|")) {
                    joined += "\n" + next
                    n += 1
                }
                if n > first { trimmed = Substring(joined) }
            }
            guard trimmed.utf8.contains(UInt8(ascii: "|")) else {
                rows.append(TextRow(line: n + 1, endLine: n + 1, cells: [TextLayout.clean(trimmed)], isTable: false))
                continue
            }
            var body = trimmed.hasBytePrefix("|") && !open ? trimmed.dropFirst() : trimmed
            if body.hasByteSuffix("|") { body = body.dropLast() }
            let cells = body.split(separator: "|", omittingEmptySubsequences: false).map { TextLayout.clean($0) }
            if cells.allSatisfy({ $0.isEmpty || $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }  // a rule `|---|---|`
            rows.append(TextRow(line: first + 1, endLine: n + 1, cells: cells, isTable: true, isAligned: !open))
        }
        return rows
    }

    /// The rows of a file of space-separated rows: the words of each line, not at their columns' positions.
    static func spaceRows(_ lines: ArraySlice<Substring>) -> [TextRow] {
        var rows: [TextRow] = []
        for n in lines.indices {
            let line = lines[n]
            let words = tokens(line.trimmingWhiteSpace()).map { TextLayout.clean($0) }.filter { !$0.isEmpty }
            guard !words.isEmpty else { continue }
            rows.append(TextRow(line: n + 1, endLine: n + 1, cells: words, isTable: words.count > 1, isAligned: false))
        }
        return rows
    }

    /// The cells of a stream: each non-blank line a cell (a lone `|` an empty one, a trailing ` |` dropped); a line
    /// of many words (a whole form on one line) gives each word.
    static func streamCells(_ lines: ArraySlice<Substring>, explicitEmpties: Bool) -> [StreamReflow.Cell] {
        var cells: [StreamReflow.Cell] = []
        var glued = false
        for n in lines.indices {
            let line = lines[n]
            var trimmed = line.trimmingWhiteSpace()
            guard !trimmed.isEmpty else { continue }
            if explicitEmpties {
                if trimmed == "|" { cells.append(.init(text: "", line: n + 1)); continue }
                if trimmed.hasByteSuffix("|") { trimmed = trimmed.dropLast().trimmingWhiteSpace() }
            }
            // A glued form, and the long lines that go on with it (its pages).
            if GluedText.isGlued(trimmed) || glued && GluedText.goesOn(trimmed) {
                glued = true
                for cell in GluedText.cells(trimmed) { cells.append(.init(text: cell, line: n + 1)) }
                continue
            }
            glued = false
            // A template's empty numbering (`指标2`, `……`) holds no cell: left in, it would shift the rows after it.
            if IndicatorTableReader.isTemplateLeftover(String(trimmed)) { continue }
            // A label broken before its last word (`经济效益` ⏎ `指标`): one cell.
            if trimmed == "指标", let last = cells.last, !last.text.isEmpty, last.text.utf8.count <= 24,
               case let joined = last.text + "指标", CategoryLabel.classify(joined).level2 != nil || CategoryLabel.classify(joined).level1 != nil {
                cells[cells.count - 1] = .init(text: joined, line: last.line)
                continue
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
