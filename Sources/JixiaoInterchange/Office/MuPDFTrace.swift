import Foundation

/// The pages of a PDF from MuPDF's `mutool trace`: one pass that gives every glyph with its position and every
/// path the page draws, without rendering anything. Glyphs are put together into words (a space or a gap as
/// wide as a space ends one; a change of font does not), straight pieces of paths become ruling lines.
enum MuPDFTrace {
    static func pages(_ xml: Data, file: String, deadline: Deadline) throws -> [PDFPage] {
        let parser = try XMLPullParser(xml, file: file, part: "PDF 的页面内容", deadline: deadline)
        var pages: [PDFPage] = []
        var words = WordBuilder()
        var textMatrix = PDFRules.Matrix.identity
        var fontSize = 10.0
        var skipText = false
        var path: (matrix: PDFRules.Matrix, stroked: Bool, points: [[(Double, Double)]])?
        func finishPage() {
            guard !pages.isEmpty else { return }
            pages[pages.count - 1].words += words.finish()
        }
        while try parser.next() {
            if parser.isEnd {
                if parser.is("stroke_path") || parser.is("fill_path"), let p = path {
                    if !pages.isEmpty { pages[pages.count - 1].segments += PDFRules.segments(p.points, stroked: p.stroked, filled: !p.stroked) }
                    path = nil
                } else if parser.is("stroke_text") || parser.is("clip_stroke_text") {
                    skipText = false
                }
                continue
            }
            guard parser.isStart else { continue }
            if parser.is("g") {
                guard !skipText, let text = parser.attribute("unicode"), let x = parser.attribute("x").flatMap(Double.init),
                      let y = parser.attribute("y").flatMap(Double.init) else { continue }
                let advance = parser.attribute("adv").flatMap(Double.init) ?? 0.5
                let origin = textMatrix.apply((x, y))
                let scaleX = (textMatrix.a * textMatrix.a + textMatrix.b * textMatrix.b).squareRoot()
                let scaleY = (textMatrix.c * textMatrix.c + textMatrix.d * textMatrix.d).squareRoot()
                words.add(text, x: origin.0, baseline: origin.1, width: advance * fontSize * scaleX, size: fontSize * scaleY)
            } else if parser.is("span") {
                if let trm = parser.attribute("trm") {
                    let numbers = trm.split(separator: " ").compactMap { Double($0) }
                    if numbers.count == 4 { fontSize = max(1, (numbers[2] * numbers[2] + numbers[3] * numbers[3]).squareRoot()) }
                }
            } else if parser.is("fill_text") || parser.is("clip_text") || parser.is("ignore_text") {
                textMatrix = parser.attribute("transform").flatMap(PDFRules.Matrix.init(numbers:)) ?? .identity
            } else if parser.is("stroke_text") || parser.is("clip_stroke_text") {
                // The same text again, outlined (how programs fake bold): its glyphs were read with the fill.
                skipText = !parser.isEmptyElement
            } else if parser.is("moveto") || parser.is("lineto") || parser.is("curveto") {
                guard path != nil else { continue }
                let xName = parser.is("curveto") ? "x3" : "x", yName = parser.is("curveto") ? "y3" : "y"
                guard let x = parser.attribute(xName).flatMap(Double.init), let y = parser.attribute(yName).flatMap(Double.init) else { continue }
                let point = path!.matrix.apply((x, y))
                if parser.is("moveto") || path!.points.isEmpty { path!.points.append([point]) } else { path!.points[path!.points.count - 1].append(point) }
            } else if parser.is("closepath") {
                if let first = path?.points.last?.first { path!.points[path!.points.count - 1].append(first) }
            } else if parser.is("stroke_path") || parser.is("fill_path") {
                path = (parser.attribute("transform").flatMap(PDFRules.Matrix.init(numbers:)) ?? .identity, parser.is("stroke_path"), [])
            } else if parser.is("clip_path") || parser.is("clip_stroke_path") {
                try parser.skipElement()
            } else if parser.is("page") {
                finishPage()
                let box = (parser.attribute("mediabox") ?? "").split(separator: " ").compactMap { Double($0) }
                let width = box.count == 4 ? box[2] - box[0] : 595
                let height = box.count == 4 ? box[3] - box[1] : 842
                pages.append(PDFPage(number: pages.count + 1, width: width, height: height))
            }
        }
        finishPage()
        return pages
    }

    /// Glyphs in drawing order into words.
    struct WordBuilder {
        var done: [PDFWord] = []
        var text = ""
        var x0 = 0.0, x1 = 0.0, baseline = 0.0, size = 0.0

        mutating func add(_ glyph: String, x: Double, baseline y: Double, width: Double, size s: Double) {
            let isSpace = glyph.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
            if !text.isEmpty {
                let sameLine = abs(y - baseline) <= 0.35 * max(size, s)
                let gap = x - x1
                // A space is drawn as a glyph; spacing without one (justified or spread text) is no word break
                // unless it is wide.
                if isSpace || !sameLine || gap > 0.5 * max(size, s) || gap < -0.5 * max(size, s) { flush() }
            }
            guard !isSpace else { return }
            if text.isEmpty {
                x0 = x
                baseline = y
                size = s
            }
            text += glyph
            x1 = max(x1, x + width)
            size = max(size, s)
        }

        mutating func flush() {
            guard !text.isEmpty else { return }
            done.append(PDFWord(text: text, x0: x0, y0: baseline - 0.86 * size, x1: x1, y1: baseline + 0.14 * size))
            text = ""
            x1 = 0
        }

        mutating func finish() -> [PDFWord] {
            flush()
            defer { done = [] }
            return done
        }
    }
}
