import Foundation

/// Reads a PDF as Word, WPS, Excel and LibreOffice print forms: glyphs and ruling lines from MuPDF's
/// `mutool trace` (or, without MuPDF, words from poppler's `pdftotext -tsv` and lines from `pdftocairo -svg`);
/// cells are the boxes the lines draw (a missing line joins two cells into a span), words fall into the cell
/// that holds them, a table that goes on over a page break is joined, page headers and footers are left out.
/// The PDF libraries run as separate programs (their licences stay out of jixiao) under the time limit.
enum PDFReader {
    /// The PDF library to use: MuPDF when installed, else poppler (tests choose).
    enum Engine { case automatic, mupdf, poppler }

    static func read(_ data: Data, file: String, deadline: Deadline, engine: Engine = .automatic) throws -> SourceDocument {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.pdf")
        try data.write(to: input)
        var pages: [PDFPage]
        if engine != .poppler, let mutool = ExternalTool.find("mutool") {
            do {
                pages = try withMuPDF(mutool, input: input, file: file, deadline: deadline)
            } catch let error as InterchangeError where error.code == "IMPORT_BROKEN_FILE" && engine == .automatic {
                // What MuPDF cannot take, poppler may: a second opinion before calling the file damaged.
                guard let text = ExternalTool.find("pdftotext"), let cairo = ExternalTool.find("pdftocairo") else { throw error }
                pages = try withPoppler(text, cairo, input: input, file: file, deadline: deadline)
            }
        } else if engine != .mupdf, let text = ExternalTool.find("pdftotext"), let cairo = ExternalTool.find("pdftocairo") {
            pages = try withPoppler(text, cairo, input: input, file: file, deadline: deadline)
        } else {
            throw InterchangeError(code: "IMPORT_PDF_UNAVAILABLE", file: file,
                                   message: "读取 PDF 需要 MuPDF 的 mutool（apt-get install mupdf-tools）或 poppler-utils（apt-get install poppler-utils），本机都没有安装。请管理员安装，或导入 Excel、Word 文件")
        }
        guard !pages.isEmpty else {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, message: "PDF 文件已损坏或没有页面")
        }
        guard pages.contains(where: { !$0.words.isEmpty }) else {
            throw InterchangeError(code: "IMPORT_NEEDS_OCR", file: file,
                                   message: "PDF 没有文字层（可能是扫描件或图片），需要先经过文字识别（OCR）。请导入原始的 Excel、Word 文件，或 OCR 后的 PDF")
        }
        return try PDFLayout(pages: pages, deadline: deadline, file: file).document()
    }

    /// Glyphs and paths in one pass of `mutool trace`; a long file's halves on two processes at once.
    static func withMuPDF(_ mutool: ExternalTool, input: URL, file: String, deadline: Deadline) throws -> [PDFPage] {
        let count = try pageCount(mutool, input: input, file: file, deadline: deadline)
        let ranges: [String] = count >= 8 ? ["1-\(count / 2)", "\(count / 2 + 1)-N"] : ["1-N"]
        let runs = try ranges.map { try mutool.start(["trace", input.path, $0], deadline: deadline, file: file) }
        var pages: [PDFPage] = []
        for run in runs {
            let outcome = try run.finish()
            if outcome.status != 0 || outcome.output.isEmpty { throw failure(outcome.errors, file: file) }
            // Font names come as the PDF has them, sometimes in GBK (`黑体` as four bytes): not UTF-8, so not XML.
            var output = outcome.output
            if String(validating: output, as: UTF8.self) == nil { output = Data(String(decoding: output, as: UTF8.self).utf8) }
            for var page in try MuPDFTrace.pages(output, file: file, deadline: deadline) {
                page.number = pages.count + 1
                pages.append(page)
            }
        }
        return pages
    }

    /// The number of pages (`mutool info`'s `Pages:` line), which also tells a file MuPDF cannot open.
    static func pageCount(_ mutool: ExternalTool, input: URL, file: String, deadline: Deadline) throws -> Int {
        let outcome = try mutool.start(["info", input.path], deadline: deadline, file: file).finish()
        let text = String(decoding: outcome.output, as: UTF8.self)
        guard outcome.status == 0, let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let count = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) else {
            throw failure(outcome.errors + text, file: file)
        }
        return count
    }

    static func failure(_ errors: String, file: String) -> InterchangeError {
        if errors.lowercased().contains("password") {
            return InterchangeError(code: "IMPORT_ENCRYPTED", file: file, message: "PDF 设有打开密码，无法读取。请取消密码后另存一份再导入")
        }
        let first = errors.split(separator: "\n").first { !$0.hasPrefix("warning") }.map(String.init) ?? "无法解析"
        return InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, message: "PDF 文件已损坏，无法读取（\(first)）。请用原程序重新导出 PDF")
    }

    /// Words from `pdftotext -tsv` and lines from `pdftocairo -svg`, the two run at once (poppler, when MuPDF is absent).
    static func withPoppler(_ text: ExternalTool, _ cairo: ExternalTool, input: URL, file: String, deadline: Deadline) throws -> [PDFPage] {
        let wordsRun = try text.start(["-tsv", "-enc", "UTF-8", input.path, "-"], deadline: deadline, file: file)
        let linesRun = try cairo.start(["-svg", input.path, "-"], deadline: deadline, file: file)
        let words = try wordsRun.finish()
        if words.status != 0 { throw failure(words.errors, file: file) }
        var pages = PDFWords.pages(words.output)
        let lines = try linesRun.finish()
        if lines.status == 0 {
            let rules = try PDFRules.read(lines.output, file: file, deadline: deadline)
            for (index, segments) in rules.enumerated() where index < pages.count { pages[index].segments = segments }
        }
        return pages
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
