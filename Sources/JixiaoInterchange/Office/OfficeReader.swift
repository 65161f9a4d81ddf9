import Foundation

/// Reads an office file (a ZIP package): a workbook or a Word document, told by its parts.
enum OfficeReader {
    static func read(_ data: Data, file: String, deadline: Deadline) throws -> SourceDocument {
        let package = try OfficePackage(data, file: file, deadline: deadline)
        if try package.mainPart("xl/workbook.xml") != nil {
            return try XLSXReader.read(package, file: file, deadline: deadline)
        }
        if try package.mainPart("word/document.xml") != nil {
            return try DOCXReader.read(package, file: file, deadline: deadline)
        }
        if package.has("ppt/presentation.xml") {
            throw InterchangeError(code: "IMPORT_UNSUPPORTED_FORMAT", file: file, message: "这是 PowerPoint 演示文稿，jixiao 读取 Excel、Word、网页、PDF 和文本文件，请把表格另存为 Excel 或 Word 文件再导入")
        }
        if package.has("content.xml") || package.has("mimetype") {
            throw InterchangeError(code: "IMPORT_UNSUPPORTED_FORMAT", file: file, message: "这是 OpenDocument 文件（.ods/.odt），请在 WPS 或 LibreOffice 中另存为 .xlsx 或 .docx 再导入")
        }
        throw InterchangeError(code: "IMPORT_UNSUPPORTED_FORMAT", file: file, message: "这是一个压缩包，不是 Excel 或 Word 文件，请解压后导入其中的表格文件")
    }
}
