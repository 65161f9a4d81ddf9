import CLibXML2
import Foundation

/// libxml2 sets up its global tables on first use; from several threads at once that races and corrupts
/// memory, so it is set up once, here (a Swift global is initialised once, thread-safely), before any use.
enum LibXML {
    static let ready: Bool = {
        xmlInitParser()
        return true
    }()
}

/// A forward-only reader of one XML part of an office file, on libxml2's streaming reader. A part with a
/// document type declaration is refused (Office never writes one; it is how entity bombs are built), the
/// network is never used, and the reader's deadline is kept.
final class XMLPullParser {
    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableRawBufferPointer
    private let file: String
    private let part: String
    private let deadline: Deadline
    private var steps = 0
    /// The node the reader stands on.
    private(set) var nodeType: Int32 = 0

    init(_ data: Data, file: String, part: String, deadline: Deadline) throws {
        _ = LibXML.ready
        self.file = file
        self.part = part
        self.deadline = deadline
        // A document type declaration sits before the root element: looked for in the prolog, before libxml2
        // (which may stop at a bomb with only a generic error).
        let prolog = data.prefix(64 * 1024)
        if prolog.range(of: Data("<!DOCTYPE".utf8)) != nil || prolog.range(of: Data("<!ENTITY".utf8)) != nil {
            throw Self.entities(file: file, part: part)
        }
        buffer = .allocate(byteCount: max(1, data.count), alignment: 1)
        _ = data.copyBytes(to: buffer.bindMemory(to: UInt8.self))
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        guard let reader = xmlReaderForMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count), nil, nil, options) else {
            buffer.deallocate()
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, position: part, message: "文件已损坏：部件 \(part) 不是 XML")
        }
        self.reader = reader
    }

    static func entities(file: String, part: String) -> InterchangeError {
        InterchangeError(code: "IMPORT_XML_ENTITIES", file: file, position: part,
                         message: "部件 \(part) 含有 DTD 或实体定义，正常的办公文件不会这样写，可能是恶意构造的文件，已拒绝读取")
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// Moves to the next node; false at the end of the part.
    func next() throws -> Bool {
        let result = xmlTextReaderRead(reader)
        if result == 0 { return false }
        if result < 0 {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, position: part, message: "文件已损坏：部件 \(part) 的 XML 不完整或有错")
        }
        nodeType = xmlTextReaderNodeType(reader)
        if nodeType == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) || nodeType == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue) {
            throw Self.entities(file: file, part: part)
        }
        steps &+= 1
        if steps & 0xFFF == 0 { try deadline.check(file) }
        return true
    }

    var isStart: Bool { nodeType == Int32(XML_READER_TYPE_ELEMENT.rawValue) }
    var isEnd: Bool { nodeType == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) }
    /// True for text, CDATA and white space that belongs to the content.
    var isText: Bool {
        nodeType == Int32(XML_READER_TYPE_TEXT.rawValue) || nodeType == Int32(XML_READER_TYPE_CDATA.rawValue)
            || nodeType == Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue) || nodeType == Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    }
    /// An element written `<x/>`: no end node follows.
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True when the current node's local name (without prefix) is `name`.
    func `is`(_ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return name.withUTF8Buffer { wanted in
            var i = 0
            while i < wanted.count {
                if local[i] != wanted[i] { return false }
                i += 1
            }
            return local[i] == 0
        }
    }

    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The value of an attribute of the current element, by its qualified name (`r`, `w:val`).
    func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { jixiao_xml_free(value) }
        return String(cString: value)
    }

    /// Calls `body` with each attribute's local name and value as the parser holds them (no copies), then
    /// returns to the element.
    func forEachAttribute(_ body: (_ name: UnsafePointer<UInt8>, _ value: UnsafePointer<UInt8>) -> Void) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) { body(name, value) }
        }
        _ = xmlTextReaderMoveToElement(reader)
    }

    /// The text of the current text node.
    var text: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The text inside the current element up to its end (for `<v>`, `<t>`): its text nodes joined.
    func elementText() throws -> String {
        guard isStart, !isEmptyElement else { return "" }
        let start = depth
        var text = ""
        while try next() {
            if isText { text += self.text } else if isEnd && depth == start { break }
        }
        return text
    }

    /// Skips to the end of the current element.
    func skipElement() throws {
        guard isStart, !isEmptyElement else { return }
        let start = depth
        while try next() { if isEnd && depth == start { return } }
    }
}
