import Foundation

/// Reads a PDF as Word, WPS, Excel and LibreOffice print forms: the words and their boxes from poppler's
/// `pdftotext -tsv`, the ruling lines from `pdftocairo -svg`; cells are the boxes the lines draw (a missing
/// line joins two cells into a span), words fall into the cell that holds their centre, a table that goes
/// on over a page break is joined, and page headers and footers are left out. poppler runs as separate
/// programs (its licence stays out of jixiao) under the reader's time limit.
enum PDFReader {
    static func read(_ data: Data, file: String, deadline: Deadline) throws -> SourceDocument {
        guard let text = ExternalTool.find("pdftotext"), let cairo = ExternalTool.find("pdftocairo") else {
            throw InterchangeError(code: "IMPORT_PDF_UNAVAILABLE", file: file,
                                   message: "读取 PDF 需要 poppler-utils（pdftotext、pdftocairo），本机没有安装。请管理员安装（apt-get install poppler-utils），或导入 Excel、Word 文件")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.pdf")
        try data.write(to: input)
        // Both programs run at once: the words and the lines of the same pages.
        let wordsRun = try text.start(["-tsv", "-enc", "UTF-8", input.path, "-"], deadline: deadline, file: file)
        let linesRun = try cairo.start(["-svg", input.path, "-"], deadline: deadline, file: file)
        let words = try wordsRun.finish()
        if words.status != 0 {
            if words.errors.lowercased().contains("password") {
                throw InterchangeError(code: "IMPORT_ENCRYPTED", file: file, message: "PDF 设有打开密码，无法读取。请取消密码后另存一份再导入")
            }
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file,
                                   message: "PDF 文件已损坏，无法读取（\(words.errors.split(separator: "\n").first.map(String.init) ?? "poppler 读取失败")）。请用原程序重新导出 PDF")
        }
        var pages = PDFWords.pages(words.output)
        let lines = try linesRun.finish()
        if lines.status == 0 {
            let rules = try PDFRules.read(lines.output, file: file, deadline: deadline)
            for (index, segments) in rules.enumerated() where index < pages.count { pages[index].segments = segments }
        }
        guard !pages.isEmpty else {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, message: "PDF 文件已损坏或没有页面")
        }
        guard pages.contains(where: { !$0.words.isEmpty }) else {
            throw InterchangeError(code: "IMPORT_NEEDS_OCR", file: file,
                                   message: "PDF 没有文字层（可能是扫描件或图片），需要先经过文字识别（OCR）。请导入原始的 Excel、Word 文件，或 OCR 后的 PDF")
        }
        return PDFLayout(pages: pages, deadline: deadline, file: file).document()
    }
}

/// A word of a PDF page and its box, in points from the top-left corner.
struct PDFWord: Sendable {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double
    var centreX: Double { (x0 + x1) / 2 }
    var centreY: Double { (y0 + y1) / 2 }
}

/// A ruling line: horizontal (`y` fixed, from `start` to `end` in x) or vertical (`x` fixed, `start`…`end` in y).
struct RuleSegment: Sendable {
    var horizontal: Bool
    var at: Double
    var start: Double
    var end: Double
}

struct PDFPage: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord] = []
    var segments: [RuleSegment] = []
}

/// The words of `pdftotext -tsv`: level 1 rows open pages, level 5 rows are words.
enum PDFWords {
    static func pages(_ tsv: Data) -> [PDFPage] {
        var pages: [PDFPage] = []
        let text = String(decoding: tsv, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count >= 12, let level = Int(fields[0]), let page = Int(fields[1]) else { continue }
            guard let left = Double(fields[6]), let top = Double(fields[7]), let width = Double(fields[8]), let height = Double(fields[9]) else { continue }
            if level == 1 {
                while pages.count < page { pages.append(PDFPage(number: pages.count + 1, width: width, height: height)) }
                pages[page - 1].width = width
                pages[page - 1].height = height
            } else if level == 5, page >= 1, page <= pages.count {
                let word = String(fields[11])
                guard !word.isEmpty else { continue }
                pages[page - 1].words.append(PDFWord(text: word, x0: left, y0: top, x1: left + width, y1: top + height))
            }
        }
        return pages
    }
}
