import Foundation

/// Reads an Excel workbook (`.xlsx`, also as WPS saves it): every visible sheet as a table of the texts a
/// person sees in its cells — shared and inline strings, numbers through their formats, the saved results
/// of formulas — with merged ranges as spans. Hidden sheets, rows and columns are left out and said.
enum XLSXReader {
    static func read(_ package: OfficePackage, file: String, deadline: Deadline) throws -> SourceDocument {
        guard let workbookPath = try package.mainPart("xl/workbook.xml"), let workbookData = try package.part(workbookPath) else {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, message: "Excel 文件中没有工作簿（workbook.xml），文件可能已损坏")
        }
        let relations = try package.relationships(of: workbookPath)
        let workbook = try Workbook(workbookData, file: file, part: workbookPath, deadline: deadline)
        let strings = try relations.values.first { $0.hasSuffix("sharedStrings.xml") }.flatMap { try package.part($0) }
            .map { try sharedStrings($0, file: file, deadline: deadline) } ?? []
        let formats = try relations.values.first { $0.hasSuffix("styles.xml") }.flatMap { try package.part($0) }
            .map { try styleFormats($0, file: file, deadline: deadline) } ?? []
        var document = SourceDocument(format: "Excel 工作簿")
        for sheet in workbook.sheets {
            if sheet.hidden {
                document.skipped.append("隐藏的工作表“\(sheet.name)”")
                continue
            }
            guard let path = relations[sheet.relation], let sheetData = try package.part(path) else { continue }
            var reader = SheetReader(name: sheet.name, strings: strings, formats: formats, date1904: workbook.date1904)
            try reader.read(sheetData, file: file, part: path, deadline: deadline)
            document.skipped += reader.skipped
            if !reader.cells.isEmpty { document.blocks.append(.table(SourceTable(name: "工作表“\(sheet.name)”", cells: reader.cells))) }
        }
        return document
    }

    struct Sheet {
        var name: String
        var relation: String
        var hidden: Bool
    }

    struct Workbook {
        var sheets: [Sheet] = []
        var date1904 = false

        init(_ data: Data, file: String, part: String, deadline: Deadline) throws {
            let parser = try XMLPullParser(data, file: file, part: part, deadline: deadline)
            while try parser.next() {
                guard parser.isStart else { continue }
                if parser.is("sheet"), let name = parser.attribute("name"), let id = parser.attribute("r:id") ?? parser.attribute("id") {
                    let state = parser.attribute("state")
                    sheets.append(Sheet(name: name, relation: id, hidden: state == "hidden" || state == "veryHidden"))
                } else if parser.is("workbookPr") {
                    let value = parser.attribute("date1904")
                    date1904 = value == "1" || value == "true"
                }
            }
        }
    }

    /// The shared strings in order: each `si`'s text runs joined, phonetic guides (`rPh`) left out.
    static func sharedStrings(_ data: Data, file: String, deadline: Deadline) throws -> [String] {
        let parser = try XMLPullParser(data, file: file, part: "xl/sharedStrings.xml", deadline: deadline)
        var strings: [String] = []
        var current = ""
        var inItem = false
        while try parser.next() {
            if parser.isStart {
                if parser.is("si") {
                    inItem = true
                    current = ""
                    if parser.isEmptyElement { strings.append(""); inItem = false }
                } else if parser.is("rPh") {
                    try parser.skipElement()
                } else if inItem && parser.is("t") {
                    current += try parser.elementText()
                }
            } else if parser.isEnd && parser.is("si") {
                strings.append(current)
                inItem = false
            }
        }
        return strings
    }

    /// The number format of each cell style (`cellXfs`), by the style's index.
    static func styleFormats(_ data: Data, file: String, deadline: Deadline) throws -> [NumberFormat] {
        let parser = try XMLPullParser(data, file: file, part: "xl/styles.xml", deadline: deadline)
        var custom: [Int: String] = [:]
        var ids: [Int] = []
        var inCellXfs = false
        while try parser.next() {
            if parser.isStart {
                if parser.is("numFmt"), let id = parser.attribute("numFmtId").flatMap(Int.init), let code = parser.attribute("formatCode") {
                    custom[id] = code
                } else if parser.is("cellXfs") {
                    inCellXfs = !parser.isEmptyElement
                } else if inCellXfs && parser.is("xf") {
                    ids.append(parser.attribute("numFmtId").flatMap(Int.init) ?? 0)
                }
            } else if parser.isEnd && parser.is("cellXfs") {
                inCellXfs = false
            }
        }
        return ids.map { NumberFormat(code: custom[$0] ?? NumberFormat.builtIn($0)) }
    }

    /// One worksheet's cells, merges and hidden parts.
    struct SheetReader {
        let name: String
        let strings: [String]
        let formats: [NumberFormat]
        let date1904: Bool
        var cells: [GridCell] = []
        var skipped: [String] = []

        init(name: String, strings: [String], formats: [NumberFormat], date1904: Bool) {
            self.name = name
            self.strings = strings
            self.formats = formats
            self.date1904 = date1904
        }

        mutating func read(_ data: Data, file: String, part: String, deadline: Deadline) throws {
            let parser = try XMLPullParser(data, file: file, part: part, deadline: deadline)
            var hiddenColumns = IndexSet()
            var hiddenRows: [Int] = []
            var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
            var row = 0
            var column = 0
            var rowHidden = false
            var formulasWithoutValue: [String] = []
            var lostHidden = 0
            while try parser.next() {
                guard parser.isStart else { continue }
                if parser.is("row") {
                    row = parser.attribute("r").flatMap(Int.init) ?? row + 1
                    column = 0
                    let hidden = parser.attribute("hidden")
                    rowHidden = hidden == "1" || hidden == "true"
                    if rowHidden { hiddenRows.append(row) }
                } else if parser.is("c") {
                    // The cell's attributes read in place: `r` (its reference), `t` (its type), `s` (its style).
                    var reference: (row: Int, column: Int)?
                    var type = CellType.number
                    var style = 0
                    parser.forEachAttribute { name, value in
                        switch (name[0], name[1]) {
                        case (UInt8(ascii: "r"), 0): reference = Self.reference(value)
                        case (UInt8(ascii: "t"), 0): type = CellType(value)
                        case (UInt8(ascii: "s"), 0):
                            var n = 0, i = 0
                            while value[i] >= 0x30 && value[i] <= 0x39 && n < 1_000_000 { n = n * 10 + Int(value[i] - 0x30); i += 1 }
                            style = n
                        default: break
                        }
                    }
                    if let (r, c) = reference {
                        column = c
                        if r != row { row = r }
                    } else {
                        column += 1
                    }
                    var value: String?
                    var inline = ""
                    var hasFormula = false
                    if !parser.isEmptyElement {
                        let depth = parser.depth
                        while try parser.next() {
                            if parser.isEnd && parser.depth == depth { break }
                            guard parser.isStart else { continue }
                            if parser.is("v") { value = try parser.elementText() }
                            else if parser.is("f") { hasFormula = true; try parser.skipElement() }
                            else if parser.is("rPh") { try parser.skipElement() }
                            else if parser.is("t") { inline += try parser.elementText() }
                        }
                    }
                    let text: String
                    switch type {
                    case .shared: text = value.flatMap(Int.init).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
                    case .inline: text = inline
                    case .string, .error, .date: text = value ?? ""
                    case .boolean: text = value.map { $0 == "1" || $0 == "true" ? "TRUE" : "FALSE" } ?? ""
                    case .number:
                        let format = style < formats.count ? formats[style] : NumberFormat(code: "General")
                        text = value.map { format.text($0, date1904: date1904) } ?? ""
                    }
                    let place = SourcePlace.sheet(name, row: row, column: column)
                    if hasFormula && value == nil { formulasWithoutValue.append(place.description) }
                    if rowHidden || hiddenColumns.contains(column) {
                        if !text.isEmpty { lostHidden += 1 }
                        continue
                    }
                    if !text.isEmpty { cells.append(GridCell(text: text, row: row - 1, column: column - 1, place: place)) }
                } else if parser.is("col") {
                    let hidden = parser.attribute("hidden")
                    if hidden == "1" || hidden == "true", let min = parser.attribute("min").flatMap(Int.init), let max = parser.attribute("max").flatMap(Int.init), min <= max {
                        hiddenColumns.insert(integersIn: min...Swift.min(max, 16_384))
                    }
                } else if parser.is("mergeCell"), let ref = parser.attribute("ref") {
                    let ends = ref.split(separator: ":")
                    if ends.count == 2, let (top, left) = Self.reference(ends[0]), let (bottom, right) = Self.reference(ends[1]) {
                        merges.append((top, left, bottom, right))
                    }
                }
            }
            // Merged ranges: the top-left cell spans the range.
            if !merges.isEmpty {
                var index: [Int: Int] = [:]
                for (i, cell) in cells.enumerated() { index[cell.row << 16 | cell.column] = i }
                for merge in merges {
                    guard let i = index[(merge.top - 1) << 16 | (merge.left - 1)] else { continue }
                    cells[i].rowSpan = merge.bottom - merge.top + 1
                    cells[i].columnSpan = merge.right - merge.left + 1
                }
            }
            if !hiddenRows.isEmpty {
                skipped.append("工作表“\(name)”中隐藏的\(hiddenRows.count)行（第\(Self.list(hiddenRows))行）")
            }
            if !hiddenColumns.isEmpty {
                skipped.append("工作表“\(name)”中隐藏的\(hiddenColumns.count)列（\(Self.list(Array(hiddenColumns.prefix(20)).map(SourcePlace.columnLetters)))列）")
            }
            if lostHidden > 0 { skipped.append("其中有内容的单元格\(lostHidden)个") }
            if !formulasWithoutValue.isEmpty {
                skipped.append("没有保存计算结果的公式单元格\(formulasWithoutValue.count)个（\(Self.list(formulasWithoutValue))；文件未经 Excel 或 WPS 计算保存，请打开后保存再导入）")
            }
        }

        /// The `t` of a cell: how its value is stored.
        enum CellType {
            case number, shared, inline, string, boolean, error, date

            init(_ value: UnsafePointer<UInt8>) {
                switch (value[0], value[1]) {
                case (UInt8(ascii: "s"), 0): self = .shared
                case (UInt8(ascii: "s"), _): self = .string        // str: a formula's text result
                case (UInt8(ascii: "i"), _): self = .inline        // inlineStr
                case (UInt8(ascii: "b"), _): self = .boolean
                case (UInt8(ascii: "e"), _): self = .error
                case (UInt8(ascii: "d"), _): self = .date
                default: self = .number
                }
            }
        }

        /// `C7` (a C string) → (7, 3).
        static func reference(_ text: UnsafePointer<UInt8>) -> (row: Int, column: Int)? {
            var length = 0
            while text[length] != 0 && length < 16 { length += 1 }
            return reference(UnsafeBufferPointer(start: text, count: length))
        }

        /// `C7` → (7, 3).
        static func reference<C: Collection<UInt8>>(_ bytes: C) -> (row: Int, column: Int)? {
            var column = 0
            var row = 0
            var sawDigit = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    guard !sawDigit else { return nil }
                    column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    guard !sawDigit else { return nil }
                    column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    sawDigit = true
                    row = row * 10 + Int(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "$"): continue
                default: return nil
                }
                if row > 1_048_576 || column > 16_384 { return nil }
            }
            return column > 0 && row > 0 ? (row, column) : nil
        }

        /// `C7` → (7, 3).
        static func reference<S: StringProtocol>(_ text: S) -> (row: Int, column: Int)? {
            reference(text.utf8)
        }

        static func list<T: CustomStringConvertible>(_ items: [T]) -> String {
            let shown = items.prefix(8).map(\.description).joined(separator: "、")
            return items.count > 8 ? shown + "等" : shown
        }
    }
}
