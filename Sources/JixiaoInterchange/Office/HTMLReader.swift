import CLibXML2
import Foundation

/// Reads a web page as government portals publish forms: libxml2's forgiving HTML parser (unclosed tags,
/// `<br>` in cells, any charset the page declares), then every `<table>` with its `rowspan`/`colspan` as
/// a table and the text around tables as paragraphs, in reading order.
enum HTMLReader {
    static func read(_ data: Data, file: String, deadline: Deadline) throws -> SourceDocument {
        _ = LibXML.ready
        let encoding = declaredEncoding(data)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, encoding, options)
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, message: "网页文件无法解析（没有 HTML 内容）")
        }
        defer { xmlFreeDoc(document) }
        var walker = Walker(file: file, deadline: deadline)
        try walker.block(root)
        walker.flush()
        return SourceDocument(format: "网页", blocks: walker.blocks)
    }

    /// The charset the page declares (`<meta charset=gb2312>`), widened to GB18030 for the GB family, which
    /// pages that say gb2312 often exceed; nil to let the parser decide (UTF-8 by default).
    static func declaredEncoding(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        if let range = head.range(of: "charset=") {
            let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            if ["gb2312", "gbk", "gb18030", "x-gbk", "cp936"].contains(name) { return "GB18030" }
            if !name.isEmpty { return name }
        }
        // No declaration: UTF-8 when the bytes are, else the Chinese default of old pages.
        return String(validating: data, as: UTF8.self) == nil ? "GB18030" : "UTF-8"
    }

    static let skipped: Set<String> = ["script", "style", "head", "noscript", "iframe", "select", "option", "button", "svg", "object", "template"]
    static let blockTags: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
                                         "footer", "center", "blockquote", "pre", "dt", "dd", "dl", "form", "body", "html", "main", "nav",
                                         "aside", "address", "hr", "caption", "fieldset", "figure", "figcaption"]

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { jixiao_xml_free(value) }
        return String(cString: value)
    }

    struct Walker {
        let file: String
        let deadline: Deadline
        var blocks: [SourceBlock] = []
        var tables = 0
        var paragraphs = 0
        var pending = ""
        var steps = 0

        init(file: String, deadline: Deadline) {
            self.file = file
            self.deadline = deadline
        }

        /// Ends the paragraph being gathered.
        mutating func flush() {
            let lines = pending.split(separator: "\n").map { HTMLReader.collapse($0) }.filter { !$0.isEmpty }
            pending = ""
            for line in lines {
                paragraphs += 1
                blocks.append(.paragraph(line, .paragraph(paragraphs)))
            }
        }

        /// The page outside tables: text gathered into paragraphs, tables read as tables.
        mutating func block(_ node: xmlNodePtr) throws {
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                steps &+= 1
                if steps & 0x3FF == 0 { try deadline.check(file) }
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { pending += String(cString: content) }
                case XML_ELEMENT_NODE:
                    let tag = HTMLReader.name(current)
                    if HTMLReader.skipped.contains(tag) { continue }
                    if tag == "table" {
                        flush()
                        blocks.append(.table(try table(current)))
                    } else if tag == "br" {
                        pending += "\n"
                    } else if HTMLReader.blockTags.contains(tag) || tag == "tr" || tag == "td" || tag == "th" {
                        flush()
                        try block(current)
                        flush()
                    } else {
                        try block(current)
                    }
                default:
                    continue
                }
            }
        }

        /// A table: its rows (through `thead`/`tbody`/`tfoot`, not into tables inside cells), cells placed on
        /// the grid past the ones spans from above already cover.
        mutating func table(_ node: xmlNodePtr) throws -> SourceTable {
            tables += 1
            let number = tables
            var rows: [xmlNodePtr] = []
            func collectRows(_ parent: xmlNodePtr) {
                var child = parent.pointee.children
                while let current = child {
                    child = current.pointee.next
                    guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                    let tag = HTMLReader.name(current)
                    if tag == "tr" { rows.append(current) } else if tag == "thead" || tag == "tbody" || tag == "tfoot" { collectRows(current) }
                }
            }
            collectRows(node)
            var cells: [GridCell] = []
            /// Grid column → the last row a span from above covers.
            var coveredUntil: [Int: Int] = [:]
            for (r, rowNode) in rows.enumerated() {
                try deadline.check(file)
                var column = 0
                var cellNumber = 0
                var child = rowNode.pointee.children
                while let current = child {
                    child = current.pointee.next
                    guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                    let tag = HTMLReader.name(current)
                    guard tag == "td" || tag == "th" else { continue }
                    cellNumber += 1
                    while let until = coveredUntil[column], until >= r { column += 1 }
                    let rowSpan = max(1, min(HTMLReader.attribute(current, "rowspan").flatMap { Int($0.trimmingWhiteSpace()) } ?? 1, 1000))
                    let columnSpan = max(1, min(HTMLReader.attribute(current, "colspan").flatMap { Int($0.trimmingWhiteSpace()) } ?? 1, 100))
                    var nested: [SourceTable] = []
                    var text = ""
                    try cellText(current, into: &text, nested: &nested)
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { HTMLReader.collapse($0) }
                    let joined = lines.filter { !$0.isEmpty }.joined(separator: "\n")
                    cells.append(GridCell(text: joined, row: r, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
                                          place: .table(number, row: r + 1, cell: cellNumber), nested: nested))
                    if rowSpan > 1 { for c in column..<(column + columnSpan) { coveredUntil[c] = r + rowSpan - 1 } }
                    column += columnSpan
                }
            }
            return SourceTable(name: "表格\(number)", cells: cells)
        }

        /// The text of a cell, `<br>` and blocks as line breaks; tables inside read as tables of their own.
        mutating func cellText(_ node: xmlNodePtr, into text: inout String, nested: inout [SourceTable]) throws {
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { text += String(cString: content) }
                case XML_ELEMENT_NODE:
                    let tag = HTMLReader.name(current)
                    if HTMLReader.skipped.contains(tag) { continue }
                    if tag == "table" { nested.append(try table(current)); continue }
                    if tag == "br" { text += "\n"; continue }
                    let isBlock = HTMLReader.blockTags.contains(tag)
                    if isBlock { text += "\n" }
                    try cellText(current, into: &text, nested: &nested)
                    if isBlock { text += "\n" }
                default:
                    continue
                }
            }
        }
    }

    /// White space as a browser shows it: runs of spaces, tabs and line ends as one space, trimmed;
    /// no-break spaces count as spaces.
    static func collapse<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{A0}" {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
