import Foundation

/// Where a cell or a paragraph stands in the file it was read from.
public enum SourcePlace: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A text file: 1-based line.
    case line(Int)
    /// A worksheet cell: sheet name, 1-based row and column (`指标!C7`).
    case sheet(String, row: Int, column: Int)
    /// A table of a Word file or web page: 1-based table, row and cell numbers, in document order.
    case table(Int, row: Int, cell: Int)
    /// A paragraph outside tables of a Word file or web page: its 1-based number.
    case paragraph(Int)
    /// A PDF page (1-based) and the top of the text on it, in points from the top edge.
    case page(Int, top: Int)

    /// `第12行`, `指标!C7`, `表格2 第3行第1格`, `第5段`, `第2页（距顶 120 磅）`.
    public var description: String {
        switch self {
        case .line(let n): return "第\(n)行"
        case .sheet(let name, let row, let column): return "\(name)!\(Self.columnLetters(column))\(row)"
        case .table(let t, let row, let cell): return "表格\(t) 第\(row)行第\(cell)格"
        case .paragraph(let n): return "第\(n)段"
        case .page(let page, let top): return "第\(page)页（距页顶\(top)磅）"
        }
    }

    /// The part of the file the place is in: the sheet, the table or the page (`工作表“指标”`).
    public var container: String {
        switch self {
        case .line: return "正文"
        case .sheet(let name, _, _): return "工作表“\(name)”"
        case .table(let t, _, _): return "表格\(t)"
        case .paragraph: return "正文"
        case .page(let page, _): return "第\(page)页"
        }
    }

    /// 1 → `A`, 27 → `AA`.
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// One cell of a table as its source gives it: the text a person sees, its span and its place.
public struct GridCell: Sendable, Hashable {
    /// The text as shown, line breaks inside the cell kept as `\n`.
    public var text: String
    /// 0-based row and column of the cell's top-left corner in its table.
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var place: SourcePlace
    /// Tables inside this cell (Word and web pages allow them), in order.
    public var nested: [SourceTable]

    public init(text: String, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, place: SourcePlace, nested: [SourceTable] = []) {
        self.text = text
        self.row = row
        self.column = column
        self.rowSpan = max(1, rowSpan)
        self.columnSpan = max(1, columnSpan)
        self.place = place
        self.nested = nested
    }
}

/// A table read from a file: cells on a grid, with spans. Cells covered by another's span are absent.
public struct SourceTable: Sendable, Hashable {
    /// `工作表“指标”`, `表格2`, `第3页` — where the table is.
    public var name: String
    public var cells: [GridCell]
    /// False when the cells of a row do not stand under columns (a PDF table drawn without lines, whose
    /// cells are told apart by gaps): the recogniser then places them by their content.
    public var aligned: Bool

    public init(name: String, cells: [GridCell], aligned: Bool = true) {
        self.name = name
        self.cells = cells
        self.aligned = aligned
    }

    public var rowCount: Int { cells.map { $0.row + $0.rowSpan }.max() ?? 0 }
    public var columnCount: Int { cells.map { $0.column + $0.columnSpan }.max() ?? 0 }
}

/// A part of a document in reading order: a paragraph of text or a table.
public enum SourceBlock: Sendable, Hashable {
    case paragraph(String, SourcePlace)
    case table(SourceTable)
}

/// What a reader of an office file, web page or PDF gives the recogniser: blocks in reading order, the
/// format's name and what it skipped (hidden sheets and rows), each said in Chinese.
public struct SourceDocument: Sendable {
    public var format: String
    public var blocks: [SourceBlock]
    /// Things left out on purpose, in Chinese (`隐藏的工作表“备用”`), reported as import findings.
    public var skipped: [String]
    /// How the file was converted before reading (`旧版 Excel 文件（.xls）已用 LibreOffice 转换为 .xlsx`), if it was.
    public var conversion: String?

    public init(format: String, blocks: [SourceBlock] = [], skipped: [String] = [], conversion: String? = nil) {
        self.format = format
        self.blocks = blocks
        self.skipped = skipped
        self.conversion = conversion
    }
}
