import Foundation

/// Reads a Word document (`.docx`, also as WPS saves it): its paragraphs and tables in reading order, with
/// `gridSpan` and `vMerge` as spans and tables inside cells kept as tables of their own.
enum DOCXReader {
    static func read(_ package: OfficePackage, file: String, deadline: Deadline) throws -> SourceDocument {
        guard let path = try package.mainPart("word/document.xml"), let body = try package.part(path) else {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, message: "Word 文件中没有正文（document.xml），文件可能已损坏")
        }
        var walker = Walker(parser: try XMLPullParser(body, file: file, part: path, deadline: deadline))
        try walker.readBody()
        return SourceDocument(format: "Word 文档", blocks: walker.blocks)
    }

    struct Walker {
        let parser: XMLPullParser
        var blocks: [SourceBlock] = []
        var tables = 0
        var paragraphs = 0

        init(parser: XMLPullParser) { self.parser = parser }

        mutating func readBody() throws {
            while try parser.next() {
                guard parser.isStart else { continue }
                if parser.is("p") {
                    paragraphs += 1
                    let number = paragraphs
                    let text = try paragraph()
                    blocks.append(.paragraph(text, .paragraph(number)))
                } else if parser.is("tbl") {
                    blocks.append(.table(try table()))
                }
            }
        }

        /// The text of the paragraph the parser stands on: runs joined, `w:br` as a line break, `w:tab` as a
        /// space; deleted text of tracked changes and field codes left out.
        func paragraph() throws -> String {
            guard !parser.isEmptyElement else { return "" }
            let depth = parser.depth
            var text = ""
            while try parser.next() {
                if parser.isEnd && parser.depth == depth { break }
                guard parser.isStart else { continue }
                if parser.is("t") { text += try parser.elementText() }
                else if parser.is("br") || parser.is("cr") { text += "\n" }
                else if parser.is("tab") { text += " " }
                else if parser.is("delText") || parser.is("instrText") || parser.is("rPr") || parser.is("pPr") { try parser.skipElement() }
            }
            return text
        }

        /// The table the parser stands on.
        mutating func table() throws -> SourceTable {
            tables += 1
            let number = tables
            var cells: [GridCell] = []
            /// Grid column → index in `cells` of the cell a vertical merge continues.
            var mergeStarts: [Int: Int] = [:]
            var row = -1
            guard !parser.isEmptyElement else { return SourceTable(name: "表格\(number)", cells: []) }
            let depth = parser.depth
            var column = 0
            var cellNumber = 0
            while try parser.next() {
                if parser.isEnd && parser.depth == depth { break }
                guard parser.isStart else { continue }
                if parser.is("tr") {
                    row += 1
                    column = 0
                    cellNumber = 0
                } else if parser.is("gridBefore"), let n = parser.attribute("w:val").flatMap(Int.init) {
                    column += max(0, n)
                } else if parser.is("tc") {
                    cellNumber += 1
                    let cell = try tableCell(table: number, row: row, cellNumber: cellNumber)
                    let start = column
                    column += cell.span
                    switch cell.merge {
                    case .continues:
                        if let index = mergeStarts[start] {
                            cells[index].rowSpan = row - cells[index].row + 1
                            // Text left in a continuing cell is shown by Word below the merged one: kept.
                            if !cell.text.isEmpty || !cell.nested.isEmpty {
                                cells[index].text += cell.text.isEmpty ? "" : "\n" + cell.text
                                cells[index].nested += cell.nested
                            }
                            continue
                        }
                    case .restarts, .none:
                        break
                    }
                    cells.append(GridCell(text: cell.text, row: row, column: start, columnSpan: cell.span,
                                          place: .table(number, row: row + 1, cell: cellNumber), nested: cell.nested))
                    if cell.merge == .restarts { mergeStarts[start] = cells.count - 1 } else { mergeStarts[start] = nil }
                }
            }
            return SourceTable(name: "表格\(number)", cells: cells)
        }

        enum Merge { case none, restarts, continues }

        /// A cell: its paragraphs joined by line breaks, its span, its part in a vertical merge, its tables.
        mutating func tableCell(table: Int, row: Int, cellNumber: Int) throws -> (text: String, span: Int, merge: Merge, nested: [SourceTable]) {
            var lines: [String] = []
            var span = 1
            var merge = Merge.none
            var nested: [SourceTable] = []
            guard !parser.isEmptyElement else { return ("", 1, .none, []) }
            let depth = parser.depth
            while try parser.next() {
                if parser.isEnd && parser.depth == depth { break }
                guard parser.isStart else { continue }
                if parser.is("gridSpan"), let n = parser.attribute("w:val").flatMap(Int.init) {
                    span = max(1, min(n, 64))
                } else if parser.is("vMerge") {
                    merge = parser.attribute("w:val") == "restart" ? .restarts : .continues
                } else if parser.is("p") {
                    lines.append(try paragraph())
                } else if parser.is("tbl") {
                    nested.append(try self.table())
                }
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return (lines.joined(separator: "\n"), span, merge, nested)
        }
    }
}
