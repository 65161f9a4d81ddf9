import Foundation

/// Turns the bytes of an extracted text file into rows of cells.
///
/// Two layouts occur: one table row per line with tab-separated cells (most PDF extractions),
/// and one cell per line, each starting with a tab, rows separated by blank lines (Word
/// extractions). A line that does not start a cell continues the cell before it.
enum TextLayout {
    /// Decodes the file; a binary or non-UTF-8 file is an error, never a crash.
    static func decode(_ data: Data, file: String) throws -> String {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String in
            let all = raw.bindMemory(to: UInt8.self)
            if !all.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
                throw InterchangeError(code: "IMPORT_EMPTY", file: file, message: "文件是空的，没有可导入的内容")
            }
            if let zero = all.firstIndex(of: 0) {
                throw InterchangeError(code: "IMPORT_NOT_TEXT", file: file, position: "第\(zero + 1)字节",
                                       message: "不是文本文件（含二进制内容）。请导入从 PDF 或 Word 提取的 UTF-8 文本，或 jixiao 交换格式 JSON")
            }
            let bom = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let bytes = UnsafeBufferPointer(rebasing: all[bom...])
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let line = Self.firstInvalidLine(Array(bytes))
                throw InterchangeError(code: "IMPORT_NOT_UTF8", file: file, position: "第\(line)行",
                                       message: "文件不是 UTF-8 编码的文本（可能是 GBK 编码或二进制文件），请先转换为 UTF-8")
            }
            return text
        }
    }

    /// The line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }

    /// The lines of the text (without line ends).
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == 0x0A {
                var end = i
                if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// The rows of the text and the name of its shape (`制表符分隔` …). A file whose forms came in different
    /// shapes (pasted together from several sources) is read form by form, each part in its own shape.
    static func read(_ text: String, parallel: Bool) -> (rows: [TextRow], shape: String) {
        let lines = lines(text)
        let whole = lines[...]
        let census = TextShape.census(lines)
        func shape(of range: Range<Int>) -> Shape {
            let counts = census[range.upperBound] - census[range.lowerBound]
            return counts.isCellPerLine ? .cellPerLine : .text(counts.shape)
        }
        let single = shape(of: lines.indices)
        let chunks = formChunks(whole)
        if chunks.count > 1 {
            // Text before the first form's title (a disclosure's narrative) is read in the file's shape.
            let firstIsForm = chunks[0].lowerBound > 0 || isTitleLine(lines[0])
            // A form keeps the file's shape unless it has no tab at all and an indicator header of its own: narrative
            // text between forms (a disclosure's chapters) is no table of another shape.
            let shapes = chunks.enumerated().map { index, chunk -> Shape in
                guard index > 0 || firstIsForm else { return single }
                let counts = census[chunk.upperBound] - census[chunk.lowerBound]
                guard counts.tabbed > 0 || lines[chunk].contains(where: hasHeaderWords) else { return single }
                return shape(of: chunk)
            }
            if shapes.contains(where: { $0 != single }) {
                let parts = ParallelWork.map(chunks.count, worthIt: parallel && lines.count >= parallelLines) { index in
                    rows(lines[chunks[index]], shape: shapes[index], parallel: false)
                }
                let names = shapes.reduce(into: [String]()) { names, shape in if !names.contains(shape.name) { names.append(shape.name) } }
                return (parts.flatMap { $0 }, "多种形态：" + names.joined(separator: "、"))
            }
        }
        return (rows(whole, shape: single, parallel: parallel), single.name)
    }

    /// A file's shape, with the seed files' cell-per-line layout told apart from the other tabbed one.
    enum Shape: Hashable {
        case cellPerLine
        case text(TextShape)

        var name: String {
            switch self {
            case .cellPerLine: return "每行一格（制表符开头，空行分隔各行）"
            case .text(.tabbed): return "制表符分隔的行"
            case .text(.pipeRows): return "竖线分隔的行"
            case .text(.spaceRows): return "空格分隔的行（空单元格已丢失）"
            case .text(.stream(true)): return "每行一格（竖线标出空单元格，行界已丢失）"
            case .text(.stream(false)): return "每行或每段一格（行界已丢失，按表头重建）"
            }
        }
    }


    /// The line ranges of the forms: a new part at every line that is a form's title.
    static func formChunks(_ lines: ArraySlice<Substring>) -> [Range<Int>] {
        var starts: [Int] = [lines.startIndex]
        for n in lines.indices where n > lines.startIndex && isTitleLine(lines[n]) { starts.append(n) }
        return zip(starts, starts.dropFirst() + [lines.endIndex]).map { $0..<$1 }.filter { !$0.isEmpty }
    }

    /// True for a line that names an indicator table's level or name column (`三级指标`, `指标名称` …).
    static func hasHeaderWords(_ line: Substring) -> Bool {
        line.utf8.count >= 6 && ColumnDictionary.shared.longHeaderWords.contains { line.has($0) }
    }

    /// A line that is a form's title alone (`2022年度部门预算项目支出绩效自评表`, also after a tab).
    static func isTitleLine(_ line: Substring) -> Bool {
        guard line.utf8.count <= 240, TextImporter.mayBeFormTitle(line) else { return false }
        let text = line.trimmingWhiteSpace()
        guard !text.utf8.contains(0x09), text.count <= 80, !text.has("汇总") else { return false }
        return TextImporter.titleWords.contains { words, _ in words.contains { text.has($0) } }
    }

    /// The rows of lines of one shape.
    static func rows(_ lines: ArraySlice<Substring>, shape: Shape, parallel: Bool) -> [TextRow] {
        switch shape {
        case .cellPerLine: return cellPerLineRows(lines)
        case .text(.tabbed): break
        case .text(.pipeRows): return TextShape.pipeRows(lines)
        case .text(.spaceRows): return TextShape.spaceRows(lines)
        case .text(.stream(let explicitEmpties)):
            return StreamReflow.rows(TextShape.streamCells(lines, explicitEmpties: explicitEmpties), explicitEmpties: explicitEmpties)
        }
        // Each line of the tabbed layout is a row of its own: a long file is read in parts.
        let parts = parallel && lines.count >= parallelLines ? 4 : 1
        let size = (lines.count + parts - 1) / parts
        let base = lines.startIndex
        return ParallelWork.map(parts, worthIt: parts > 1) { part in
            tabbedRows(lines[min(base + part * size, lines.endIndex)..<min(base + (part + 1) * size, lines.endIndex)])
        }.flatMap { $0 }
    }

    /// Files with at least this many lines have their rows read in parallel.
    static let parallelLines = 1000

    /// The rows of tab-separated lines; a line's number is its index in the file plus one.
    static func tabbedRows(_ lines: ArraySlice<Substring>) -> [TextRow] {
        var rows: [TextRow] = []
        rows.reserveCapacity(lines.count / 2)
        for n in lines.indices {
            let line = lines[n]
            let isTable = line.utf8.contains(0x09)
            let cells = isTable ? splitTabs(line) : [clean(line)]
            if cells.allSatisfy(\.isEmpty) { continue }
            rows.append(TextRow(line: n + 1, endLine: n + 1, cells: cells, isTable: isTable))
        }
        return rows
    }

    static func cellPerLineRows(_ lines: ArraySlice<Substring>) -> [TextRow] {
        var rows: [TextRow] = []
        var cells: [String] = []
        var first = 0, last = 0
        var isTable = false
        func flush() {
            if !cells.isEmpty, !cells.allSatisfy(\.isEmpty) {
                rows.append(TextRow(line: first, endLine: last, cells: cells, isTable: isTable))
            }
            cells = []
            isTable = false
        }
        for n in lines.indices {
            let line = lines[n]
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" }
            if blank && !line.hasBytePrefix("\t") {
                flush()
                continue
            }
            if cells.isEmpty { first = n + 1 }
            last = n + 1
            if line.hasBytePrefix("\t") {
                isTable = true
                cells.append(clean(line.dropFirst()))
            } else if let previous = cells.popLast() {
                let more = clean(line)
                cells.append(previous.isEmpty ? more : more.isEmpty ? previous : previous + "\n" + more)
            } else {
                cells.append(clean(line))
            }
        }
        flush()
        return rows
    }

    /// Trims white space and removes HTML tags such as `<p>` and `</p>`.
    static func clean(_ cell: Substring) -> String {
        var text = cell
        if text.utf8.contains(UInt8(ascii: "<")) { text = Substring(stripTags(String(text))) }
        return String(text.trimmingWhiteSpace())
    }

    /// The cells of a tab-separated line, each cleaned; split on the tab byte.
    static func splitTabs(_ line: Substring) -> [String] {
        if let cells = line.utf8.withContiguousStorageIfAvailable(splitTabs) { return cells }
        return Array(line.utf8).withUnsafeBufferPointer(splitTabs)
    }

    /// The cells of one tab-separated line given as UTF-8 bytes.
    static func splitTabs(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var cells: [String] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x09 {
            cells.append(cell(bytes, start, index))
            start = index + 1
        }
        cells.append(cell(bytes, start, bytes.count))
        return cells
    }

    /// One cell of bytes `low..<high`, trimmed of white space; a cell with a `<` goes through
    /// `clean`, which removes HTML tags before trimming.
    static func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int) -> String {
        var low = low, high = high
        while low < high {
            let n = spaceLength(bytes, from: low, to: high)
            if n == 0 { break }
            low += n
        }
        while high > low {
            let n = spaceLength(bytes, endingAt: high, from: low)
            if n == 0 { break }
            high -= n
        }
        guard low < high else { return "" }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
        return bytes[low..<high].contains(UInt8(ascii: "<")) ? clean(text[...]) : text
    }

    /// Bytes of the white-space scalar starting at `i` (see `isSpace`), 0 when there is none.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) ? 1 : 0 }
        if c == 0xC2, i + 1 < end { return b[i + 1] == 0x85 || b[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < end else { return 0 }
        return isSpace3(c, b[i + 1], b[i + 2]) ? 3 : 0
    }

    /// Bytes of the white-space scalar ending just before `end` (not before `start`), 0 when none.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int, from start: Int) -> Int {
        let c = b[end - 1]
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) ? 1 : 0 }
        if end - 2 >= start, b[end - 2] == 0xC2 { return c == 0x85 || c == 0xA0 ? 2 : 0 }
        guard end - 3 >= start else { return 0 }
        return isSpace3(b[end - 3], b[end - 2], c) ? 3 : 0
    }

    /// The three-byte white-space scalars: U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    static func isSpace3(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80
        case (0xE2, 0x80): return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE3, 0x80): return c == 0x80
        default: return false
        }
    }

    /// Removes `<tag …>` and `</tag>`; a `<` not starting a tag (`<1天`) is kept.
    static func stripTags(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "<", i + 1 < s.count, s[i + 1] == "/" || (s[i + 1].properties.isAlphabetic && s[i + 1].isASCII),
               let close = s[i...].firstIndex(of: ">"), close - i < 40 {
                i = close + 1
                continue
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}
