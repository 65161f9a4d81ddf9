import Foundation

/// Lays the blocks of an office file, web page or PDF out as the rows the recogniser reads: one row per
/// table row with each cell's text in its first column (as a text extraction prints a merged cell), one
/// row per paragraph, tables inside a cell after the row that holds them. Each row is numbered in reading
/// order (the recogniser's line) and keeps the place of its first cell.
enum GridRows {
    static func rows(_ document: SourceDocument) -> [TextRow] {
        var rows: [TextRow] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let text, let place):
                let trimmed = Self.trimmed(text)
                guard !trimmed.isEmpty else { continue }
                rows.append(TextRow(line: rows.count + 1, endLine: rows.count + 1, cells: [trimmed], isTable: false, place: place))
            case .table(let table):
                append(table, to: &rows)
            }
        }
        return rows
    }

    /// The rows of a table (and of the tables inside its cells). Rows and columns no cell writes in (a
    /// margin, a column only spans cover, the empty rows of a sheet) are left out, as text extraction does.
    static func append(_ table: SourceTable, to rows: inout [TextRow]) {
        var rowNumbers = Set<Int>()
        var columnNumbers = Set<Int>()
        var trimmed: [(cell: GridCell, text: String)] = []
        trimmed.reserveCapacity(table.cells.count)
        for cell in table.cells {
            let text = Self.trimmed(cell.text)
            guard !text.isEmpty || !cell.nested.isEmpty else { continue }
            trimmed.append((cell, text))
            rowNumbers.insert(cell.row)
            if !text.isEmpty { columnNumbers.insert(cell.column) }
        }
        let rowOrder = rowNumbers.sorted()
        let columnOrder = columnNumbers.sorted()
        let rowIndex = Dictionary(uniqueKeysWithValues: rowOrder.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columnOrder.enumerated().map { ($1, $0) })
        var texts = [[String]](repeating: [String](repeating: "", count: columnOrder.count), count: rowOrder.count)
        var places = [[SourcePlace?]](repeating: [SourcePlace?](repeating: nil, count: columnOrder.count), count: rowOrder.count)
        var nested = [[SourceTable]](repeating: [], count: rowOrder.count)
        for (cell, text) in trimmed {
            let r = rowIndex[cell.row]!
            nested[r] += cell.nested
            guard let c = columnIndex[cell.column] else { continue }
            // Two cells at one place (a sheet that says so twice): both texts are kept.
            texts[r][c] = texts[r][c].isEmpty ? text : texts[r][c] + "\n" + text
            places[r][c] = places[r][c] ?? cell.place
        }
        for r in rowOrder.indices {
            if texts[r].contains(where: { !$0.isEmpty }) {
                let place = texts[r].indices.lazy.compactMap { texts[r][$0].isEmpty ? nil : places[r][$0] }.first
                rows.append(TextRow(line: rows.count + 1, endLine: rows.count + 1, cells: table.aligned ? texts[r] : texts[r].filter { !$0.isEmpty },
                                    isTable: true, isAligned: table.aligned, place: place))
            }
            for inner in nested[r] { append(inner, to: &rows) }
        }
    }
}

extension GridRows {
    /// The text without white space at either end; the text itself (no copy) when there is none.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        return String(text.trimmingWhiteSpace())
    }

    /// The document with its texts folded to simplified characters when the file was converted to traditional
    /// ones or has pinyin inserted (decided on the whole document, as for text files), and the folding used.
    static func folded(_ document: SourceDocument) -> (SourceDocument, TextFolding?) {
        var texts: [String] = []
        func collect(_ table: SourceTable) {
            for cell in table.cells {
                texts.append(cell.text)
                cell.nested.forEach(collect)
            }
        }
        for block in document.blocks {
            switch block {
            case .paragraph(let text, _): texts.append(text)
            case .table(let table): collect(table)
            }
        }
        let separator = "\u{1E}"
        let (joined, folding) = TextFolding.fold(texts.joined(separator: separator))
        guard let folding else { return (document, nil) }
        let parts = joined.components(separatedBy: separator)
        guard parts.count == texts.count else { return (document, nil) }
        var next = 0
        func take() -> String { defer { next += 1 }; return parts[next] }
        func fold(_ table: SourceTable) -> SourceTable {
            var table = table
            for i in table.cells.indices {
                table.cells[i].text = take()
                table.cells[i].nested = table.cells[i].nested.map(fold)
            }
            return table
        }
        var result = document
        result.blocks = document.blocks.map { block in
            switch block {
            case .paragraph(_, let place): return .paragraph(take(), place)
            case .table(let table): return .table(fold(table))
            }
        }
        return (result, folding)
    }
}
