import Foundation

/// Turns the words and ruling lines of PDF pages into tables and paragraphs in reading order.
struct PDFLayout {
    let pages: [PDFPage]
    let deadline: Deadline
    let file: String

    /// A table the lines of one page draw: column edges `xs`, row edges `ys`, and its cells as boxes of grid
    /// positions (a missing inner line makes one cell span two positions).
    struct RuledTable {
        var xs: [Double]
        var ys: [Double]
        /// Each cell: first row, first column, spans, and the words in it.
        var cells: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int, words: [PDFWord])]
        var top: Double { ys.first ?? 0 }

        /// True when the word is in the table: its centre, or for text running over the right edge (a cell
        /// of Excel that does not wrap), its start.
        func contains(_ w: PDFWord) -> Bool {
            w.centreY > ys.first! && w.centreY < ys.last! && Self.anchor(w, xs) > xs.first! && Self.anchor(w, xs) < xs.last!
        }

        /// The x that says which column a word is in: its centre, unless the word is wider than the column that
        /// holds its centre (text that runs over into the next cells), then its start.
        static func anchor(_ w: PDFWord, _ xs: [Double]) -> Double {
            guard let c = xs.lastIndex(where: { $0 <= w.centreX }), c + 1 < xs.count else { return w.x0 + 1 }
            return w.x1 - w.x0 > xs[c + 1] - xs[c] + 1 ? w.x0 + 1 : w.centreX
        }
    }

    enum Item {
        case table(RuledTable, page: Int)
        /// A line outside ruled tables, split into cells at wide gaps.
        case line([String], page: Int, top: Double)
    }

    func document() throws -> SourceDocument {
        var items: [(page: Int, top: Double, item: Item)] = []
        var furniture = 0
        let bands = repeatedBandTexts()
        for page in pages {
            try deadline.check(file)
            var tables = Self.tables(page.segments)
            var loose: [PDFWord] = []
            for word in page.words {
                if let t = tables.firstIndex(where: { $0.contains(word) }) {
                    Self.place(word, in: &tables[t])
                } else {
                    loose.append(word)
                }
            }
            for table in tables where table.cells.contains(where: { !$0.words.isEmpty }) {
                items.append((page.number, table.top, .table(table, page: page.number)))
            }
            for line in Self.lines(loose) {
                let cells = Self.gapCells(line)
                let text = cells.joined(separator: " ")
                let top = line.map(\.y0).min() ?? 0
                let bottom = line.map(\.y1).max() ?? 0
                // Page headers and footers: in the top or bottom band, a page number or a text every page repeats.
                let inBand = top < page.height * 0.09 || bottom > page.height * 0.91
                if inBand, Furniture.isPageNumber(TextRow.compact(text)) || bands.contains(Self.bandKey(text)) {
                    furniture += 1
                    continue
                }
                items.append((page.number, top, .line(cells, page: page.number, top: top)))
            }
        }
        items.sort { ($0.page, $0.top) < ($1.page, $1.top) }
        var document = SourceDocument(format: "PDF")
        // The table a page ends with goes on on the next page when that page starts with a table of the same columns.
        var previous: (table: SourceTable, xs: [Double], rows: Int, page: Int)?
        func flushTable() {
            if let p = previous { document.blocks.append(.table(p.table)) }
            previous = nil
        }
        for (_, _, item) in items {
            switch item {
            case .line(let cells, let page, let top):
                flushTable()
                let place = SourcePlace.page(page, top: Int(top.rounded()))
                if cells.count > 1 {
                    // A line of a table drawn without lines: its cells in order, not standing under columns.
                    let row = cells.enumerated().map { GridCell(text: $1, row: 0, column: $0, place: place) }
                    document.blocks.append(.table(SourceTable(name: "第\(page)页", cells: row, aligned: false)))
                } else {
                    document.blocks.append(.paragraph(cells.joined(), place))
                }
            case .table(let table, let page):
                if var p = previous, p.page == page - 1, Self.sameColumns(p.xs, table.xs) {
                    p.table.cells += Self.cells(table, page: page, rowOffset: p.rows)
                    p.rows += table.ys.count - 1
                    p.page = page
                    previous = p
                } else {
                    flushTable()
                    previous = (SourceTable(name: "第\(page)页表格", cells: Self.cells(table, page: page, rowOffset: 0)), table.xs, table.ys.count - 1, page)
                }
            }
        }
        flushTable()
        if furniture > 0 { document.skipped.append("页眉、页脚和页码\(furniture)处") }
        return document
    }

    /// The cells of a ruled table with their words as text, rows counted on from `rowOffset`.
    static func cells(_ table: RuledTable, page: Int, rowOffset: Int) -> [GridCell] {
        table.cells.compactMap { cell in
            guard !cell.words.isEmpty else { return nil }
            let lines = Self.lines(cell.words)
            let text = lines.map(Self.join).reduce("") { Self.joinLines($0, $1) }
            let top = cell.words.map(\.y0).min() ?? 0
            return GridCell(text: text, row: cell.row + rowOffset, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan,
                            place: .page(page, top: Int(top.rounded())))
        }
    }

    /// Lines wrapped inside a cell joined as the cell reads: Chinese runs on without a space, other text with one.
    static func joinLines(_ a: String, _ b: String) -> String {
        guard let last = a.unicodeScalars.last, let first = b.unicodeScalars.first else { return a + b }
        let cjk = { (s: Unicode.Scalar) in s.value >= 0x2E80 }
        return cjk(last) || cjk(first) ? a + b : a + " " + b
    }

    static func sameColumns(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 3 }
    }

    /// Words grouped into lines (by the overlap of their heights), each line left to right.
    static func lines(_ words: [PDFWord]) -> [[PDFWord]] {
        let sorted = words.sorted { ($0.centreY, $0.x0) < ($1.centreY, $1.x0) }
        var lines: [[PDFWord]] = []
        var bottom = -Double.infinity
        var top = -Double.infinity
        for word in sorted {
            if !lines.isEmpty, word.centreY < bottom, word.centreY > top {
                lines[lines.count - 1].append(word)
                bottom = max(bottom, word.y1)
            } else {
                lines.append([word])
                top = word.y0
                bottom = word.y1
            }
        }
        return lines.map { $0.sorted { $0.x0 < $1.x0 } }
    }

    /// A line's words in cells: a gap wider than the text is high separates two cells.
    static func gapCells(_ line: [PDFWord]) -> [String] {
        var cells: [[PDFWord]] = []
        for word in line {
            if let last = cells.last?.last, word.x0 - last.x1 <= max(4, (last.y1 - last.y0) * 0.9) {
                cells[cells.count - 1].append(word)
            } else {
                cells.append([word])
            }
        }
        return cells.map(join)
    }

    /// A line's words joined: a space where the page has a gap.
    static func join(_ line: [PDFWord]) -> String {
        var text = ""
        var last: PDFWord?
        for word in line {
            // pdftotext also splits where the font changes (digits in a Latin font beside Chinese): only a gap as
            // wide as a space is one.
            if let last { text += word.x0 - last.x1 > 0.2 * max(word.y1 - word.y0, last.y1 - last.y0) ? " " : "" }
            text += word.text
            last = word
        }
        return text
    }

    /// Texts seen in the header or footer band of at least two pages (digits ignored): the running heads.
    func repeatedBandTexts() -> Set<String> {
        guard pages.count > 1 else { return [] }
        var seen: [String: Set<Int>] = [:]
        for page in pages {
            let band = page.words.filter { $0.y0 < page.height * 0.09 || $0.y1 > page.height * 0.91 }
            for line in Self.lines(band) { seen[Self.bandKey(Self.join(line)), default: []].insert(page.number) }
        }
        return Set(seen.filter { $0.value.count >= 2 }.keys)
    }

    static func bandKey(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.decimalDigits.contains($0) && $0 != " " }.map(Character.init))
    }

    // MARK: Tables from lines

    /// The tables the segments of a page draw: groups of crossing lines with at least two rows and columns.
    static func tables(_ segments: [RuleSegment]) -> [RuledTable] {
        guard segments.count >= 4 else { return [] }
        let tolerance = 2.0
        // Group crossing segments (union-find over horizontal × vertical crossings).
        var parent = Array(segments.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let horizontal = segments.indices.filter { segments[$0].horizontal }
        let vertical = segments.indices.filter { !segments[$0].horizontal }
        for h in horizontal {
            let hs = segments[h]
            for v in vertical {
                let vs = segments[v]
                if vs.at >= hs.start - tolerance, vs.at <= hs.end + tolerance, hs.at >= vs.start - tolerance, hs.at <= vs.end + tolerance {
                    let a = find(h), b = find(v)
                    if a != b { parent[a] = b }
                }
            }
        }
        var groups: [Int: [RuleSegment]] = [:]
        for i in segments.indices { groups[find(i), default: []].append(segments[i]) }
        var tables: [RuledTable] = []
        for group in groups.values {
            let xs = cluster(group.filter { !$0.horizontal }.map(\.at))
            let ys = cluster(group.filter(\.horizontal).map(\.at))
            guard xs.count >= 2, ys.count >= 2 else { continue }
            tables.append(RuledTable(xs: xs, ys: ys, cells: regions(xs: xs, ys: ys, segments: group)))
        }
        return tables.sorted { $0.top < $1.top }
    }

    /// Sorted positions with those closer than 2 points taken as one.
    static func cluster(_ values: [Double]) -> [Double] {
        var out: [Double] = []
        var run: [Double] = []
        for v in values.sorted() {
            if let last = run.last, v - last > 2 {
                out.append(run.reduce(0, +) / Double(run.count))
                run = []
            }
            run.append(v)
        }
        if !run.isEmpty { out.append(run.reduce(0, +) / Double(run.count)) }
        return out
    }

    /// The cells of a grid: neighbouring positions with no line between them are one cell.
    static func regions(xs: [Double], ys: [Double], segments: [RuleSegment]) -> [(row: Int, column: Int, rowSpan: Int, columnSpan: Int, words: [PDFWord])] {
        let rows = ys.count - 1, columns = xs.count - 1
        func hasVertical(_ x: Double, _ y: Double) -> Bool {
            segments.contains { !$0.horizontal && abs($0.at - x) <= 2 && $0.start - 1 <= y && y <= $0.end + 1 }
        }
        func hasHorizontal(_ y: Double, _ x: Double) -> Bool {
            segments.contains { $0.horizontal && abs($0.at - y) <= 2 && $0.start - 1 <= x && x <= $0.end + 1 }
        }
        var parent = Array(0..<(rows * columns))
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) { let x = find(a), y = find(b); if x != y { parent[max(x, y)] = min(x, y) } }
        for r in 0..<rows {
            let midY = (ys[r] + ys[r + 1]) / 2
            for c in 0..<columns {
                let midX = (xs[c] + xs[c + 1]) / 2
                if c + 1 < columns, !hasVertical(xs[c + 1], midY) { union(r * columns + c, r * columns + c + 1) }
                if r + 1 < rows, !hasHorizontal(ys[r + 1], midX) { union(r * columns + c, (r + 1) * columns + c) }
            }
        }
        var boxes: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        for r in 0..<rows {
            for c in 0..<columns {
                let root = find(r * columns + c)
                if let b = boxes[root] { boxes[root] = (min(b.r0, r), min(b.c0, c), max(b.r1, r), max(b.c1, c)) } else { boxes[root] = (r, c, r, c) }
            }
        }
        return boxes.values.sorted { ($0.r0, $0.c0) < ($1.r0, $1.c0) }.map { ($0.r0, $0.c0, $0.r1 - $0.r0 + 1, $0.c1 - $0.c0 + 1, []) }
    }

    /// Puts a word into the cell that holds its centre.
    static func place(_ word: PDFWord, in table: inout RuledTable) {
        let x = RuledTable.anchor(word, table.xs)
        guard let c = table.xs.lastIndex(where: { $0 <= x }), let r = table.ys.lastIndex(where: { $0 <= word.centreY }) else { return }
        let column = min(c, table.xs.count - 2), row = min(r, table.ys.count - 2)
        if let i = table.cells.firstIndex(where: { row >= $0.row && row < $0.row + $0.rowSpan && column >= $0.column && column < $0.column + $0.columnSpan }) {
            table.cells[i].words.append(word)
        }
    }
}
