import Foundation

/// Reads any document jixiao understands — interchange JSON, Excel and Word files, web pages, PDF, and text
/// extracted from them — into an interchange document. The format is told by the content (magic bytes),
/// not the file name; every reader works under a time limit.
public enum DocumentReader {
    /// Seconds a single file may take to read before the reader gives up with `IMPORT_TIMEOUT`.
    public static let timeLimit = 120

    public static func read(path: String) throws -> InterchangeDocument {
        try read(InterchangeCodec.fileData(path: path), file: path)
    }

    public static func read(_ data: Data, file: String) throws -> InterchangeDocument {
        let deadline = Deadline(seconds: timeLimit)
        if data.isEmpty {
            throw InterchangeError(code: "IMPORT_EMPTY", file: file, message: "文件是空的（0 字节），没有可导入的内容")
        }
        let kind = FileKind.of(data)
        if let source = try tables(data, kind: kind, file: file, deadline: deadline) { return try TextImporter.read(source, file: file) }
        switch kind {
        case .json: return try InterchangeCodec.decode(data, file: file)
        case .text: return try TextImporter.read(data, file: file)
        case .zip, .html, .pdf: preconditionFailure("files with real cells are read as tables above")
        case .legacyOffice(let excel):
            if let converted = try LegacyOffice.convert(data, excel: excel, file: file, deadline: deadline) {
                return try TextImporter.read(converted, file: file)
            }
            throw InterchangeError(code: "IMPORT_LEGACY_OFFICE", file: file,
                                   message: (excel ? "这是旧版 Excel 或 WPS 表格文件（.xls/.et），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"
                                                   : "这是旧版 Word 或 WPS 文字文件（.doc/.wps），请在 Word 或 WPS 中“另存为” .docx 后再导入")
                                       + "（本机装有 LibreOffice 时会自动转换）")
        case .encryptedOffice:
            throw InterchangeError(code: "IMPORT_ENCRYPTED", file: file,
                                   message: "文件设有打开密码，无法读取。请在 Excel、Word 或 WPS 中打开，取消密码后另存一份再导入")
        case .image(let kind):
            throw InterchangeError(code: "IMPORT_NEEDS_OCR", file: file,
                                   message: "这是 \(kind) 图片，其中的文字需要先经过文字识别（OCR）。请导入原始的 Excel、Word 或 PDF 文件，或识别后的文本")
        }
    }

    /// The rows the recogniser reads from a file, each with its place (`第3行`, `指标!A7`, `第2页（距页顶120磅）`)
    /// and its cells: what the reader saw, for people checking a reading.
    public static func rows(_ data: Data, file: String) throws -> [(place: String, cells: [String])] {
        let rows: [TextRow]
        if let source = try tables(data, kind: FileKind.of(data), file: file, deadline: Deadline(seconds: timeLimit)) {
            rows = GridRows.rows(source)
        } else {
            rows = TextLayout.read(TextFolding.fold(try TextLayout.decode(data, file: file)).0, parallel: false).rows
        }
        return rows.map { ($0.place?.description ?? "第\($0.line)行", $0.cells) }
    }

    /// The tables and paragraphs of a file that has real cells (an office file, a web page, a PDF); nil for
    /// the other kinds.
    static func tables(_ data: Data, kind: FileKind, file: String, deadline: Deadline) throws -> SourceDocument? {
        switch kind {
        case .zip: return try OfficeReader.read(data, file: file, deadline: deadline)
        case .html: return try HTMLReader.read(data, file: file, deadline: deadline)
        case .pdf: return try PDFReader.read(data, file: file, deadline: deadline)
        default: return nil
        }
    }

    /// True when the first character that is not white space (after a BOM) opens a JSON value.
    static func isJSON(_ data: Data) -> Bool {
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return true }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
